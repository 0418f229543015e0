import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { AppError } from '../../lib/errors.ts';

/** Sends a verification code to a resident's phone. Pluggable: configured by SMS_SENDER. */
export interface CodeSender {
  send(phone: string, code: string): Promise<void>;
}

export type SmsSenderKind = 'log' | 'http';

/** The configured way of sending codes (config keys SMS_SENDER, SMS_HTTP_URL, SMS_HTTP_TOKEN). */
export interface SmsConfig { kind: SmsSenderKind; url?: string; token?: string }

/** 13812345678 → 138****5678. */
export const maskPhone = (phone: string) => (phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : '****');

/**
 * The development sender: writes `verification code for 138****5678: 123456` to the app log at
 * info level (the code in clear so a tester can type it; the phone masked).
 */
export function logSender(log: { info(msg: string): void }): CodeSender {
  return {
    send(phone, code) {
      log.info(`verification code for ${maskPhone(phone)}: ${code}`);
      return Promise.resolve();
    },
  };
}

/**
 * The gateway sender: POSTs `{ "phone": "13812345678", "code": "123456", "purpose": "wish" }` as JSON to
 * the locality's SMS gateway (Bearer token when configured); a non-2xx answer, a network error or no
 * answer within 5 s is WISH_SMS_FAILED, so the resident can try again.
 */
export function httpSender(url: string, token?: string, timeoutMs = 5000): CodeSender {
  return {
    async send(phone, code) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ phone, code, purpose: 'wish' }),
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw new AppError('WISH_SMS_FAILED', { details: { reason: (err as Error).name } });
      }
      if (!res.ok) throw new AppError('WISH_SMS_FAILED', { details: { status: res.status } });
    },
  };
}

/** A sender that keeps the codes in memory: tests read the last code sent to a phone. */
export function memorySender() {
  const sent: { phone: string; code: string }[] = [];
  return {
    sent,
    lastCode: (phone: string) => [...sent].reverse().find((s) => s.phone === phone)?.code,
    send(phone: string, code: string) {
      sent.push({ phone, code });
      return Promise.resolve();
    },
  } satisfies CodeSender & Record<string, unknown>;
}

/** Senders put in place for one database (tests), keyed by the Kysely instance the app was built with. */
const overrides = new WeakMap<Kysely<DB>, CodeSender>();

/**
 * Replaces the configured sender of every app built on `db` (tests use a memorySender()).
 * @example const sms = memorySender(); useCodeSender(h.database.db, sms); … sms.lastCode('13812345678');
 */
export function useCodeSender(db: Kysely<DB>, sender: CodeSender): void {
  overrides.set(db, sender);
}

/** The sender to use for a request: a test's override, else the configured kind. */
export function codeSenderFor(db: Kysely<DB>, sms: SmsConfig, log: { info(msg: string): void }): CodeSender {
  const o = overrides.get(db);
  if (o) return o;
  switch (sms.kind) {
    case 'log':
      return logSender(log);
    case 'http':
      return httpSender(sms.url!, sms.token);
  }
}
