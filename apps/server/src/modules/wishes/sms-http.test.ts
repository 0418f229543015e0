import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/env.ts';
import { httpSender } from './sms.ts';

/** A stand-in SMS gateway: records requests, answers with the status the test sets. */
const received: { auth?: string; body: unknown }[] = [];
let status = 200;
const gateway = createServer((req: IncomingMessage, res) => {
  let data = '';
  req.on('data', (c: Buffer) => (data += c.toString()));
  req.on('end', () => {
    received.push({ auth: req.headers.authorization, body: JSON.parse(data) as unknown });
    res.statusCode = status;
    res.end('{}');
  });
});
let url = '';

beforeAll(async () => {
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}/send`;
});
afterAll(() => new Promise<void>((r) => gateway.close(() => r())));

describe('SMS gateway sender (SMS_SENDER=http)', () => {
  it('posts phone, code and purpose with the bearer token', async () => {
    status = 200;
    await httpSender(url, 'secret-token').send('13812345678', '123456');
    expect(received.at(-1)).toEqual({ auth: 'Bearer secret-token', body: { phone: '13812345678', code: '123456', purpose: 'wish' } });
  });

  it('turns a gateway refusal or an unreachable gateway into WISH_SMS_FAILED', async () => {
    status = 503;
    await expect(httpSender(url).send('13812345678', '123456')).rejects.toMatchObject({ code: 'WISH_SMS_FAILED', status: 502 });
    await expect(httpSender('http://127.0.0.1:1/send', undefined, 500).send('13812345678', '1')).rejects.toMatchObject({ code: 'WISH_SMS_FAILED' });
  });

  it('refuses SMS_SENDER=http without SMS_HTTP_URL at start-up, naming the key', () => {
    expect(() => loadConfig({ SMS_SENDER: 'http' })).toThrow(/SMS_HTTP_URL/);
    expect(loadConfig({ SMS_SENDER: 'http', SMS_HTTP_URL: 'https://sms.example.gov.cn/send' }).SMS_SENDER).toBe('http');
  });
});
