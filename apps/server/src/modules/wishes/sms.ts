import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';

/** Sends a verification code to a resident's phone. Pluggable: configured by SMS_SENDER. */
export interface CodeSender {
  send(phone: string, code: string): Promise<void>;
}

export type SmsSenderKind = 'log';

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
export function codeSenderFor(db: Kysely<DB>, kind: SmsSenderKind, log: { info(msg: string): void }): CodeSender {
  const o = overrides.get(db);
  if (o) return o;
  switch (kind) {
    case 'log':
      return logSender(log);
  }
}
