import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { awardPoints, reversePoints } from './points-ledger.ts';
import { ledgerMismatches, memberIdOf, send } from './points.test-helpers.ts';
import { createPointsRepo } from './points.repo.ts';

describeOnEngines('points', (h) => {
  const inA = <T>(fn: Parameters<typeof withScope<T>>[2]) => withScope(h.database.db, [h.tree.paths.branchA], fn);

  it('awards once per source, reverses once, takes rule points from the nearest ancestor', async () => {
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    const wish = { memberId, ruleCode: 'wish_fulfilled', sourceType: 'wish', sourceId: 'w-1', actor: null };
    const first = await inA((trx) => awardPoints(trx, wish));
    expect(first?.delta).toBe(3); // default 完成微心愿 +3
    expect(await inA((trx) => awardPoints(trx, wish))).toBeNull(); // idempotent per source

    // The town sets 完成微心愿 to +5: a new wish in branch A (under the town) gets 5.
    const town = await h.login(h.tree.users.town);
    const res = await send(h, town, 'PUT', '/api/v1/points/rules', { orgId: h.tree.townId, code: 'wish_fulfilled', label: '完成微心愿', points: 5, category: 'service' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await inA((trx) => awardPoints(trx, { ...wish, sourceId: 'w-2' })))?.delta).toBe(5);

    const rev = await inA((trx) => reversePoints(trx, { sourceType: 'wish', sourceId: 'w-1', ruleCode: 'wish_fulfilled', actor: null, reason: '群众反映未完成' }));
    expect([rev?.delta, rev?.kind]).toEqual([-3, 'reversal']);
    expect(await inA((trx) => reversePoints(trx, { sourceType: 'wish', sourceId: 'w-1', ruleCode: 'wish_fulfilled', actor: null, reason: '再次' }))).toBeNull();
    await expect(inA((trx) => awardPoints(trx, { ...wish, ruleCode: 'no_such_rule' }))).rejects.toMatchObject({ code: 'POINTS_RULE_UNKNOWN' });

    const a = await h.login(h.tree.users.secretaryA);
    const detail = (await a.get(`/api/v1/points/members/${memberId}`)).json();
    expect(detail.balance).toBe(5);
    expect(detail.entries.map((e: { kind: string; delta: number }) => [e.kind, e.delta])).toEqual([['reversal', -3], ['award', 5], ['award', 3]]);
    expect(await ledgerMismatches(h)).toEqual([]);
  });

  it('adjustments with a reason, audited; a deduction beyond the balance is refused; leaderboard ranks', async () => {
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    const a = await h.login(h.tree.users.secretaryA);
    const start = (await a.get(`/api/v1/points/members/${memberId}`)).json().balance as number;
    let res = await a.post('/api/v1/points/adjustments', { memberId, delta: 10, reason: '抗洪抢险表现突出' });
    expect(res.statusCode, res.body).toBe(201);
    res = await a.post('/api/v1/points/adjustments', { memberId, delta: -(start + 11), reason: '扣分测试' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'POINTS_INSUFFICIENT']);
    res = await a.post('/api/v1/points/adjustments', { memberId, delta: 5, reason: '' });
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(res.json().details)).toContain('reason');

    const audit = await h.database.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'points.adjust').where('entity_id', '=', memberId).execute();
    expect(audit).toEqual([{ before: { balance: start }, after: { balance: start + 10, delta: 10, reason: '抗洪抢险表现突出' } }]);

    const board = (await a.get(`/api/v1/points/leaderboard?orgId=${h.tree.branchAId}&period=year`)).json();
    expect(board.items[0]).toMatchObject({ rank: 1, memberId, earned: start + 10 });
    const month = (await a.get(`/api/v1/points/leaderboard?orgId=${h.tree.branchAId}&period=month`)).json();
    expect(month.items[0].earned).toBe(start + 10);
    const xlsx = await a.get(`/api/v1/points/leaderboard/export?orgId=${h.tree.branchAId}&period=year`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('积分榜')!.getRow(3).values).toEqual([undefined, 1, board.items[0].name, board.items[0].orgName, start + 10]);
    // The leaderboard reads the monthly summary only, never the ledger: its SQL is pinned here.
    const compiled = createPointsRepo(h.database.db).leaderboardQuery('1.2', '2026-01-01', '2027-01-01', 50).compile().sql;
    expect(compiled).toContain('from "points_monthly" as "s"');
    expect(compiled).not.toContain('points_entries');
    const list = (await a.get(`/api/v1/points/members?orgId=${h.tree.branchAId}`)).json();
    expect(list.items.find((i: { memberId: string }) => i.memberId === memberId).balance).toBe(start + 10);
    expect(await ledgerMismatches(h)).toEqual([]);
  });

  it('shop: order takes stock and points; hand-over; cancel refunds; out of stock refused', async () => {
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    const a = await h.login(h.tree.users.secretaryA);
    await a.post('/api/v1/points/adjustments', { memberId, delta: 20, reason: '兑换测试' });
    const balance = (await a.get(`/api/v1/points/members/${memberId}`)).json().balance as number;
    const g = (await a.post('/api/v1/points/goods', { orgId: h.tree.branchAId, name: '洗衣粉', price: 4, stock: 2 })).json();
    const m = await h.login(h.tree.users.memberA);
    expect((await m.get('/api/v1/points/shop')).json().items.map((x: { id: string }) => x.id)).toContain(g.id);
    let res = await m.post('/api/v1/redemptions', { goodsId: g.id, qty: 2 });
    expect(res.statusCode, res.body).toBe(201);
    const order = res.json();
    expect([order.points, order.status]).toEqual([8, 'placed']);
    res = await m.post('/api/v1/redemptions', { goodsId: g.id, qty: 1 });
    expect([res.statusCode, res.json().code]).toEqual([409, 'POINTS_OUT_OF_STOCK']);

    const mine = (await m.get('/api/v1/points/mine')).json();
    expect(mine.member.balance).toBe(balance - 8);
    expect(mine.member.orders[0].id).toBe(order.id);

    res = await a.post(`/api/v1/redemptions/${order.id}/hand-over`);
    expect([res.statusCode, res.json().status]).toEqual([200, 'handed_over']);
    res = await a.post(`/api/v1/redemptions/${order.id}/cancel`, { reason: '误操作' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'POINTS_ORDER_STATE']);

    res = await send(h, a, 'PATCH', `/api/v1/points/goods/${g.id}`, { stock: 1 });
    expect(res.json().stock).toBe(1);
    const second = (await m.post('/api/v1/redemptions', { goodsId: g.id, qty: 1 })).json();
    res = await m.post(`/api/v1/redemptions/${second.id}/cancel`, { reason: '不需要了' });
    expect([res.statusCode, res.json().status]).toEqual([200, 'cancelled']);
    expect((await m.get('/api/v1/points/mine')).json().member.balance).toBe(balance - 8);
    const goods = (await a.get(`/api/v1/points/goods?orgId=${h.tree.branchAId}`)).json().items.find((x: { id: string }) => x.id === g.id);
    expect(goods.stock).toBe(1);
    const orders = (await a.get(`/api/v1/redemptions?orgId=${h.tree.branchAId}`)).json();
    expect(orders.items.map((o: { status: string }) => o.status)).toEqual(['cancelled', 'handed_over']);
    expect(await ledgerMismatches(h)).toEqual([]);
  });

  it('a locality that switches points off writes no entries and answers that points are not used', async () => {
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    const a = await h.login(h.tree.users.secretaryA);
    let res = await send(h, a, 'PUT', '/api/v1/points/settings', { orgId: h.tree.branchAId, enabled: false, rankingEnabled: false });
    expect(res.statusCode, res.body).toBe(200);
    const count = async () => (await h.database.db.selectFrom('points_entries').select('id').where('member_id', '=', memberId).execute()).length;
    const before = await count();
    expect(await inA((trx) => awardPoints(trx, { memberId, ruleCode: 'meeting_attend', sourceType: 'meeting', sourceId: 'off-1', actor: null }))).toBeNull();
    res = await a.post('/api/v1/points/adjustments', { memberId, delta: 1, reason: '关闭后调整' });
    expect([res.statusCode, res.json().code]).toEqual([409, 'POINTS_DISABLED']);
    expect((await a.get(`/api/v1/points/leaderboard?orgId=${h.tree.branchAId}`)).json().code).toBe('POINTS_DISABLED');
    expect(await count()).toBe(before);
    const m = await h.login(h.tree.users.memberA);
    expect((await m.get('/api/v1/points/status')).json()).toMatchObject({ enabled: false, rankingEnabled: false, isMember: true });
    expect((await m.get('/api/v1/points/mine')).json()).toEqual({ enabled: false, member: null });

    // Points on, ranking off: the leaderboard is hidden, the rest works.
    await send(h, a, 'PUT', '/api/v1/points/settings', { orgId: h.tree.branchAId, enabled: true, rankingEnabled: false });
    expect((await a.get(`/api/v1/points/leaderboard?orgId=${h.tree.branchAId}`)).json().code).toBe('POINTS_RANKING_DISABLED');
    expect((await a.post('/api/v1/points/adjustments', { memberId, delta: 1, reason: '恢复后调整' })).statusCode).toBe(201);
    await send(h, a, 'PUT', '/api/v1/points/settings', { orgId: h.tree.branchAId, enabled: true, rankingEnabled: true });
  });
});
