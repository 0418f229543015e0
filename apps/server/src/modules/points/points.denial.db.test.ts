import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { awardPoints } from './points-ledger.ts';
import { memberIdOf, pointsSnapshot, send } from './points.test-helpers.ts';

describeOnEngines('points denial', (h) => {
  it('the secretary of branch B can neither read nor change points, goods, orders or settings of sibling branch A', async () => {
    const target = await memberIdOf(h, h.tree.users.memberA);
    const sa = await h.login(h.tree.users.secretaryA);
    await sa.post('/api/v1/points/adjustments', { memberId: target, delta: 777, reason: '甲村加分' });
    const goods = (await sa.post('/api/v1/points/goods', { orgId: h.tree.branchAId, name: '甲村农具', price: 3, stock: 9 })).json();
    const order = (await (await h.login(h.tree.users.memberA)).post('/api/v1/redemptions', { goodsId: goods.id, qty: 1 })).json();
    expect(order.status).toBe('placed');
    const b = await h.login(h.tree.users.secretaryB);
    const before = await pointsSnapshot(h);

    const A = h.tree.branchAId;
    const answers = [
      await b.get(`/api/v1/points/members?orgId=${A}`),
      await b.get(`/api/v1/points/members/${target}`),
      await b.post('/api/v1/points/adjustments', { memberId: target, delta: -1, reason: '乙村扣分' }),
      await b.get(`/api/v1/points/leaderboard?orgId=${A}`),
      await b.get(`/api/v1/points/settings?orgId=${A}`),
      await send(h, b, 'PUT', '/api/v1/points/settings', { orgId: A, enabled: false, rankingEnabled: false }),
      await b.get(`/api/v1/points/rules?orgId=${A}`),
      await send(h, b, 'PUT', '/api/v1/points/rules', { orgId: A, code: 'meeting_attend', label: '参会', points: 9, category: 'org_life' }),
      await b.get(`/api/v1/points/goods?orgId=${A}`),
      await b.post('/api/v1/points/goods', { orgId: A, name: '乙村物品', price: 1, stock: 1 }),
      await send(h, b, 'PATCH', `/api/v1/points/goods/${goods.id}`, { stock: 0 }),
      await b.get(`/api/v1/redemptions?orgId=${A}`),
      await b.post(`/api/v1/redemptions/${order.id}/hand-over`),
      await b.post(`/api/v1/redemptions/${order.id}/cancel`, { reason: '乙村取消' }),
    ];
    for (const res of answers) {
      expect([403, 404], `${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      // The request id is random hex and may itself contain "777": look at the rest of the body.
      const body = res.body.replace(/"requestId":"[^"]*"/, '');
      expect(body).not.toContain('777');
      expect(body).not.toContain('甲村农具');
    }
    // A member of A cannot order goods of B's shop, nor run the branch's actions.
    const gb = (await b.post('/api/v1/points/goods', { orgId: h.tree.branchBId, name: '乙村洗衣粉', price: 1, stock: 5 })).json();
    const m = await h.login(h.tree.users.memberA);
    expect((await m.post('/api/v1/redemptions', { goodsId: gb.id, qty: 1 })).statusCode).toBe(404);
    expect((await m.post(`/api/v1/redemptions/${order.id}/hand-over`)).statusCode).toBe(404);
    expect((await m.get(`/api/v1/points/members/${target}`)).statusCode).toBe(404);
    const after = await pointsSnapshot(h);
    expect({ ...after, goods: after.goods.filter((g) => g.id !== gb.id), audit: before.audit }).toEqual(before);
  });

  it('row-level security: unfiltered queries on points tables in B\'s scope return nothing of A', async () => {
    const target = await memberIdOf(h, h.tree.users.memberA);
    await withScope(h.database.db, [h.tree.paths.branchA], (trx) => awardPoints(trx, { memberId: target, ruleCode: 'honor', sourceType: 'test', sourceId: 'rls', actor: null }));
    const sa = await h.login(h.tree.users.secretaryA);
    await send(h, sa, 'PUT', '/api/v1/points/settings', { orgId: h.tree.branchAId, enabled: true, rankingEnabled: true });
    await send(h, sa, 'PUT', '/api/v1/points/rules', { orgId: h.tree.branchAId, code: 'honor', label: '表彰', points: 6, category: 'reward' });
    const scopeB = [h.tree.paths.branchB];
    const seen = await withScope(h.database.db, scopeB, async (trx) => ({
      entries: await trx.selectFrom('points_entries').select('member_id').execute(),
      balances: await trx.selectFrom('points_balances').select('member_id').execute(),
      monthly: await trx.selectFrom('points_monthly').select('member_id').execute(),
      orders: await trx.selectFrom('points_orders').select('member_id').execute(),
      goods: await trx.selectFrom('points_goods').select('org_id').execute(),
      settings: await trx.selectFrom('points_settings').select('org_id').execute(),
      rules: await trx.selectFrom('point_rules').select('org_id').execute(),
    }));
    expect([...seen.entries, ...seen.balances, ...seen.monthly, ...seen.orders].map((r) => r.member_id)).not.toContain(target);
    expect([...seen.goods, ...seen.settings, ...seen.rules].map((r) => r.org_id)).not.toContain(h.tree.branchAId);
    expect(seen.rules.some((r) => r.org_id === null)).toBe(true); // the default set is readable everywhere
    // Nor can B's scope write into A's ledger or A's settings.
    await expect(withScope(h.database.db, scopeB, (trx) => trx.insertInto('points_entries')
      .values({ member_id: target, org_id: h.tree.branchAId, region_id: null, delta: 1, kind: 'adjustment', actor: null, period: '2026-01-01' }).execute())).rejects.toThrow();
    const upd = await withScope(h.database.db, scopeB, (trx) => trx.updateTable('points_settings').set({ enabled: false }).where('org_id', '=', h.tree.branchAId).executeTakeFirst());
    expect(Number(upd.numUpdatedRows)).toBe(0);
  });
});
