import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness.ts';
import { ledgerMismatches, memberIdOf } from './points.test-helpers.ts';

describeOnEngines('points concurrency', (h) => {
  it('20 concurrent orders at a stock of 5: exactly 5 succeed, stock ends at 0', async () => {
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    const a = await h.login(h.tree.users.secretaryA);
    await a.post('/api/v1/points/adjustments', { memberId, delta: 500, reason: '并发测试' });
    const g = (await a.post('/api/v1/points/goods', { orgId: h.tree.branchAId, name: '话费充值卡', price: 2, stock: 5 })).json();
    const m = await h.login(h.tree.users.memberA);
    const before = (await m.get('/api/v1/points/mine')).json().member.balance as number;
    const results = await Promise.all(Array.from({ length: 20 }, () => m.post('/api/v1/redemptions', { goodsId: g.id, qty: 1 })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(results.filter((r) => r.statusCode !== 201).map((r) => r.json().code)).toEqual(Array(15).fill('POINTS_OUT_OF_STOCK'));
    const stock = await h.database.db.selectFrom('points_goods').select('stock').where('id', '=', g.id).executeTakeFirstOrThrow();
    expect(stock.stock).toBe(0);
    expect((await m.get('/api/v1/points/mine')).json().member.balance).toBe(before - 10);
    expect(await ledgerMismatches(h)).toEqual([]);
  });

  it('10 concurrent orders against a balance for 3: exactly 3 succeed, balance ends at 0', async () => {
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    const a = await h.login(h.tree.users.secretaryA);
    const m = await h.login(h.tree.users.memberA);
    const have = (await m.get('/api/v1/points/mine')).json().member.balance as number;
    if (have > 0) await a.post('/api/v1/points/adjustments', { memberId, delta: -have, reason: '清零' });
    await a.post('/api/v1/points/adjustments', { memberId, delta: 30, reason: '并发测试' });
    const g = (await a.post('/api/v1/points/goods', { orgId: h.tree.branchAId, name: '大米', price: 10, stock: 100 })).json();
    const results = await Promise.all(Array.from({ length: 10 }, () => m.post('/api/v1/redemptions', { goodsId: g.id, qty: 1 })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode !== 201).map((r) => r.json().code)).toEqual(Array(7).fill('POINTS_INSUFFICIENT'));
    expect((await m.get('/api/v1/points/mine')).json().member.balance).toBe(0);
    const stock = await h.database.db.selectFrom('points_goods').select('stock').where('id', '=', g.id).executeTakeFirstOrThrow();
    expect(stock.stock).toBe(97); // refused orders gave their stock back (rolled back)
    expect(await ledgerMismatches(h)).toEqual([]);
  });
});
