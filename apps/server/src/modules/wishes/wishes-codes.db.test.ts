import { beforeAll, expect, it } from 'vitest';
import { WISH_LIMITS } from '@dangjian/contracts';
import { describeOnEngines } from '../../test/harness.ts';
import { CODE_LIMITS } from './wishes-public.service.ts';
import { logSender, maskPhone } from './sms.ts';
import { pub, randomIp, randomPhone, setupWishes } from './wishes.test-helpers.ts';

describeOnEngines('wishes codes', (h) => {
  let s: Awaited<ReturnType<typeof setupWishes>>;
  beforeAll(async () => {
    s = await setupWishes(h);
  });
  const wish = (gridId: string, phone: string, code: string) => ({ gridId, category: 'study', title: '孩子作业辅导', content: '孩子放学后需要作业辅导。', phone, code });

  it('a wrong code is refused and counted; after 5 wrong tries even the right code is refused', async () => {
    const c = pub(h);
    const phone = randomPhone();
    expect((await c.post('/wishes/code', { phone })).statusCode).toBe(200);
    const right = s.sms.lastCode(phone)!;
    const wrong = right === '000000' ? '111111' : '000000';
    const first = await c.post('/wishes', wish(s.gridA, phone, wrong));
    expect(first.statusCode).toBe(400);
    expect(first.json()).toMatchObject({ code: 'WISH_CODE_INVALID', details: { field: 'code', attemptsLeft: 4 } });
    for (let i = 0; i < 4; i++) await c.post('/wishes', wish(s.gridA, phone, wrong));
    const locked = await c.post('/wishes', wish(s.gridA, phone, right));
    expect(locked.json().code).toBe('WISH_CODE_ATTEMPTS');
    expect(await h.database.db.selectFrom('wishes').select('id').where('resident_phone', '=', phone).execute()).toHaveLength(0);
  });

  it('a code expires after its lifetime (moved clock) and is used only once', async () => {
    const c = pub(h);
    const phone = randomPhone();
    await c.post('/wishes/code', { phone });
    h.clock.advance((WISH_LIMITS.codeTtlSeconds + 1) * 1000);
    expect((await c.post('/wishes', wish(s.gridA, phone, s.sms.lastCode(phone)!))).json().code).toBe('WISH_CODE_EXPIRED');
    expect((await c.post('/wishes/code', { phone })).statusCode).toBe(200);
    const code = s.sms.lastCode(phone)!;
    expect((await c.post('/wishes', wish(s.gridA, phone, code))).statusCode).toBe(201);
    expect((await c.post('/wishes', wish(s.gridA, phone, code))).json().code).toBe('WISH_CODE_INVALID');
    // An unknown grid is named.
    h.clock.advance(61_000);
    await c.post('/wishes/code', { phone });
    const g = await c.post('/wishes', wish('999999999', phone, s.sms.lastCode(phone)!));
    expect(g.statusCode).toBe(404);
    expect(g.json()).toMatchObject({ code: 'WISH_GRID_NOT_FOUND', details: { field: 'gridId' } });
  });

  it('resending is refused within 60 s; a phone gets at most 5 codes an hour, an address 20', async () => {
    // Start at the beginning of an hour window, so the counting below stays inside one window.
    h.clock.advance(3600_000 - (h.clock().getTime() % 3600_000) + 1000);
    const c = pub(h);
    const phone = randomPhone();
    expect((await c.post('/wishes/code', { phone })).statusCode).toBe(200);
    const soon = await c.post('/wishes/code', { phone });
    expect(soon.statusCode).toBe(429);
    expect(soon.json()).toMatchObject({ code: 'WISH_CODE_TOO_SOON', details: { field: 'phone' } });
    expect(soon.json().details.retryAfterSeconds).toBeGreaterThan(0);
    for (let i = 1; i < CODE_LIMITS.perPhonePerHour; i++) {
      h.clock.advance(61_000);
      expect((await pub(h).post('/wishes/code', { phone })).statusCode).toBe(200);
    }
    h.clock.advance(61_000);
    const limited = await pub(h).post('/wishes/code', { phone });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');

    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < CODE_LIMITS.perIpPerHour + 1; i++) statuses.push((await pub(h, ip).post('/wishes/code', { phone: randomPhone() })).statusCode);
    expect(statuses.filter((x) => x === 200)).toHaveLength(CODE_LIMITS.perIpPerHour);
    expect(statuses.at(-1)).toBe(429);
  });

  it('lookup needs a valid code too, and the log sender masks the phone but shows the code', async () => {
    const phone = randomPhone();
    const bad = await pub(h).post('/wishes/lookup', { phone, code: '123456' });
    expect(bad.json().code).toBe('WISH_CODE_INVALID');
    const lines: string[] = [];
    await logSender({ info: (m) => lines.push(m) }).send('13812345678', '654321');
    expect(lines).toEqual(['verification code for 138****5678: 654321']);
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});
