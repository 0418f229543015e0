import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness.ts';
import { branchMembers, monthsOf } from '../dues/dues.test-helpers.ts';

/** Data entered once: the letter's 党费交至 and the lapse list come from the dues ledger. */
describeOnEngines('transfers read the dues ledger', (h) => {
  it('a letter issued without 党费交至 carries the month the dues records are paid through', async () => {
    const { a: [memberId] } = await branchMembers(h);
    const { m, today } = monthsOf(h);
    const a = await h.login(h.tree.users.secretaryA);
    expect((await a.post(`/api/v1/dues/members/${memberId}/bases`, { category: 'salaried', baseFen: 450000, effectiveMonth: m(-3) })).statusCode).toBe(200);
    expect((await a.post('/api/v1/dues/payments', { memberId, months: [{ month: m(-3) }, { month: m(-2) }], paidOn: today })).statusCode).toBe(201);
    const res = await a.post('/api/v1/transfers/letters', { memberId, destinationOrgName: '某市财政局机关党委', validDays: 30, reason: '工作调动' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().duesPaidTo).toBe(m(-2));
  });

  it('lists members 6 months behind with dues among the lapse candidates, with the reason', async () => {
    const { b: [memberId] } = await branchMembers(h);
    const { m } = monthsOf(h);
    const sb = await h.login(h.tree.users.secretaryB);
    expect((await sb.post(`/api/v1/dues/members/${memberId}/bases`, { category: 'salaried', baseFen: 300000, effectiveMonth: m(-9) })).statusCode).toBe(200);
    const list = (await sb.get(`/api/v1/member-exits/lapse-candidates?orgId=${h.tree.branchBId}&pageSize=100`)).json();
    const item = list.items.find((i: { memberId: string }) => i.memberId === memberId);
    expect(item).toBeDefined();
    expect(item.reasons).toContain('no_dues');
    expect(item.duesUnpaidMonths).toBeGreaterThanOrEqual(6);
  });
});
