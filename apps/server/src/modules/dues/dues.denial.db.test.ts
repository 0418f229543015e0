import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { branchMembers, duesSnapshot, monthsOf } from './dues.test-helpers.ts';

describeOnEngines('dues denial', (h) => {
  it('the secretary of branch B can neither read nor change dues of sibling branch A', async () => {
    const { a: [target], b: [own] } = await branchMembers(h);
    const { m, today } = monthsOf(h);
    const sa = await h.login(h.tree.users.secretaryA);
    await sa.post(`/api/v1/dues/members/${target}/bases`, { category: 'salaried', baseFen: 777700, effectiveMonth: m(-3) });
    const paymentId = (await sa.post('/api/v1/dues/payments', { memberId: target, months: [{ month: m(-3) }], paidOn: today })).json().items[0].id;
    const b = await h.login(h.tree.users.secretaryB);
    await b.post(`/api/v1/dues/members/${own}/bases`, { category: 'salaried', baseFen: 100000, effectiveMonth: m(-3) });
    const before = await duesSnapshot(h);

    const A = h.tree.branchAId;
    const answers = [
      await b.get(`/api/v1/dues/members?orgId=${A}`),
      await b.get(`/api/v1/dues/members/${target}`),
      await b.get(`/api/v1/dues/members/${target}/paid-through`),
      await b.post(`/api/v1/dues/members/${target}/bases`, { category: 'salaried', baseFen: 1, effectiveMonth: m(-3) }),
      await b.post('/api/v1/dues/payments', { memberId: target, months: [{ month: m(-2) }], paidOn: today }),
      await b.post(`/api/v1/dues/payments/${paymentId}/revoke`, { reason: '乙村撤销' }),
      await b.get(`/api/v1/dues/arrears?orgId=${A}`),
      await b.get(`/api/v1/dues/lapse-candidates?orgId=${A}`),
      await b.get(`/api/v1/dues/reports/monthly?orgId=${A}&month=${m(-3)}`),
      await b.get(`/api/v1/dues/reports/monthly/export?orgId=${A}&month=${m(-3)}`),
      await b.get(`/api/v1/dues/reports/yearly?orgId=${A}&year=${m(-3).slice(0, 4)}`),
      await b.get(`/api/v1/dues/reports/yearly/export?orgId=${A}&year=${m(-3).slice(0, 4)}`),
    ];
    for (const res of answers) {
      expect([403, 404], `${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      const body = res.body.replace(/"requestId":"[^"]*"/, ''); // random hex may hold any digits
      expect(body).not.toContain('777700');
      expect(body).not.toContain('11666'); // 7777 元 × 1.5%
    }
    // Nor does B's own view leak A: its list, arrears and reports hold only B's members.
    const bList = (await b.get(`/api/v1/dues/members?orgId=${h.tree.branchBId}`)).json();
    expect(bList.items.map((i: { memberId: string }) => i.memberId)).not.toContain(target);
    expect(await duesSnapshot(h)).toEqual(before);
  });

  it('row-level security: unfiltered queries on dues tables in B\'s scope return nothing of A', async () => {
    const { a: [, target] } = await branchMembers(h);
    const { m, today } = monthsOf(h);
    const sa = await h.login(h.tree.users.secretaryA);
    await sa.post(`/api/v1/dues/members/${target}/bases`, { category: 'retired', baseFen: 300000, effectiveMonth: m(-2) });
    await sa.post('/api/v1/dues/payments', { memberId: target, months: [{ month: m(-2) }], paidOn: today });
    const scopeB = [h.tree.paths.branchB];
    const seen = await withScope(h.database.db, scopeB, async (trx) => [
      ...(await trx.selectFrom('dues_bases').select('member_id').execute()),
      ...(await trx.selectFrom('dues_payments').select('member_id').execute()),
    ]);
    expect(seen.map((r) => r.member_id)).not.toContain(target);
    const aSees = await withScope(h.database.db, [h.tree.paths.branchA], (trx) => trx.selectFrom('dues_payments').select('member_id').execute());
    expect(aSees.map((r) => r.member_id)).toContain(target);
    // Nor can B's scope write a base for A's member.
    await expect(withScope(h.database.db, scopeB, (trx) => trx.insertInto('dues_bases')
      .values({ member_id: target!, org_id: h.tree.branchBId, effective_month: `${m(0)}-01`, category: 'salaried', base_fen: 1 }).execute())).rejects.toThrow();
    // The rules are reference data: readable in any scope, writable in none.
    expect((await withScope(h.database.db, scopeB, (trx) => trx.selectFrom('dues_rules').select('id').execute())).length).toBeGreaterThan(0);
    await expect(withScope(h.database.db, scopeB, (trx) => trx.deleteFrom('dues_rules').execute())).rejects.toThrow();
  });
});
