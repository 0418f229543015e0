import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { paidThroughOf } from './dues-arrears.repo.ts';
import { branchMembers, monthsOf } from './dues.test-helpers.ts';
import { RULES_2008 } from './dues-rules.fixture.ts';

describeOnEngines('dues', (h) => {
  it('the migration seeds the 2008 brackets exactly as the table', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const res = await a.get('/api/v1/dues/rules');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items).toEqual(RULES_2008);
  });

  it('base → monthly amount → payments → arrears, 党费交至, reports and audit', async () => {
    const { a: [memberId] } = await branchMembers(h);
    const { m, today } = monthsOf(h);
    const a = await h.login(h.tree.users.secretaryA);

    // 4500 元 from 4 months ago; a raise to 6000 元 first received 2 months ago.
    let res = await a.post(`/api/v1/dues/members/${memberId}/bases`, { category: 'salaried', baseFen: 450000, effectiveMonth: m(-4) });
    expect(res.statusCode, res.body).toBe(200);
    res = await a.post(`/api/v1/dues/members/${memberId}/bases`, { category: 'salaried', baseFen: 600000, effectiveMonth: m(-2), note: '调资' });
    const detail = res.json();
    expect(detail.currentMonthlyFen).toBe(9000);
    expect(detail.bases.map((b: { monthlyFen: number }) => b.monthlyFen)).toEqual([9000, 4500]);
    expect(detail.unpaidMonths).toEqual([m(-4), m(-3), m(-2), m(-1)]);
    expect(detail.owedFen).toBe(4500 * 2 + 9000 * 2);

    const arrearsBefore = (await a.get(`/api/v1/dues/arrears?orgId=${h.tree.branchAId}`)).json();
    expect(arrearsBefore.items.find((i: { memberId: string }) => i.memberId === memberId).months).toHaveLength(4);

    res = await a.post('/api/v1/dues/payments', { memberId, months: [{ month: m(-4) }, { month: m(-3) }], paidOn: today });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().totalPaidFen).toBe(9000);
    res = await a.post('/api/v1/dues/payments', { memberId, months: [{ month: m(-3) }], paidOn: today });
    expect([res.statusCode, res.json().code]).toEqual([409, 'DUES_ALREADY_PAID']);

    const arrearsAfter = (await a.get(`/api/v1/dues/arrears?orgId=${h.tree.branchAId}`)).json();
    const mine = arrearsAfter.items.find((i: { memberId: string }) => i.memberId === memberId);
    expect(mine.months).toEqual([m(-2), m(-1)]);
    expect(mine.owedFen).toBe(18000);
    expect(arrearsAfter.owedFenTotal).toBe(arrearsBefore.owedFenTotal - 9000);

    expect((await a.get(`/api/v1/dues/members/${memberId}/paid-through`)).json()).toEqual({ memberId, paidThrough: m(-3), lastPaidMonth: m(-3) });
    // The same figure through the repo function the transfers feature calls, in A's scope only.
    expect(await withScope(h.database.db, [h.tree.paths.branchA], (trx) => paidThroughOf(trx, memberId!, m(-1)))).toEqual({ paidThrough: m(-3), lastPaidMonth: m(-3) });
    expect(await withScope(h.database.db, [h.tree.paths.branchB], (trx) => paidThroughOf(trx, memberId!, m(-1)))).toEqual({ paidThrough: null, lastPaidMonth: null });

    // Waived with approval; refused without.
    res = await a.post('/api/v1/dues/payments', { memberId, months: [{ month: m(-2), paidFen: 0 }], paidOn: today });
    expect([res.statusCode, res.json().code]).toEqual([400, 'DUES_APPROVAL_REQUIRED']);
    res = await a.post('/api/v1/dues/payments', { memberId, months: [{ month: m(-2), paidFen: 0 }], paidOn: today, approvedBy: '镇党委', approvalDoc: '镇党发〔2026〕8号' });
    expect(res.json().items[0].kind).toBe('waived');

    const report = (await a.get(`/api/v1/dues/reports/monthly?orgId=${h.tree.branchAId}&month=${m(-4)}`)).json();
    const row = report.rows.find((r: { memberId: string }) => r.memberId === memberId);
    expect([row.dueFen, row.paidFen, row.kind]).toEqual([4500, 4500, 'full']);
    expect(report.totals.paidFen).toBe(report.rows.reduce((s: number, r: { paidFen: number | null }) => s + (r.paidFen ?? 0), 0));

    const xlsx = await a.get(`/api/v1/dues/reports/monthly/export?orgId=${h.tree.branchAId}&month=${m(-4)}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('党费月报')!;
    const cells = ws.getSheetValues().flat().map(String);
    expect(cells).toContain('45'); // 45.00 元 paid
    expect(String(ws.getRow(ws.rowCount).getCell(1).value)).toBe('合计');
    expect(Number(ws.getRow(ws.rowCount).getCell(7).value)).toBe(report.totals.paidFen / 100);

    const year = Number(m(-4).slice(0, 4));
    const yearly = (await a.get(`/api/v1/dues/reports/yearly?orgId=${h.tree.branchAId}&year=${year}`)).json();
    const paidInYear = [m(-4), m(-3)].filter((x) => x.startsWith(String(year))).length * 4500;
    expect(yearly.rows.find((r: { memberId: string }) => r.memberId === memberId).totalFen).toBe(paidInYear);
    expect((await a.get(`/api/v1/dues/reports/yearly/export?orgId=${h.tree.branchAId}&year=${year}`)).statusCode).toBe(200);

    const actions = await h.database.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', memberId!).where('action', 'like', 'dues.%').orderBy('id').execute();
    expect(actions.map((x) => x.action)).toEqual(['dues.base.set', 'dues.base.set', 'dues.payment.record', 'dues.payment.record']);
    expect(actions[1]!.after).toMatchObject({ baseFen: 600000, effectiveMonth: m(-2) });
  });

  it('quarterly needs consent; back-payment beyond 6 months needs a note; a revoke reopens the month', async () => {
    const { a: [, memberId] } = await branchMembers(h);
    const { m, today } = monthsOf(h);
    const a = await h.login(h.tree.users.secretaryA);
    await a.post(`/api/v1/dues/members/${memberId}/bases`, { category: 'retired', baseFen: 400000, effectiveMonth: m(-10) });
    let res = await a.post('/api/v1/dues/payments', { memberId, months: [{ month: m(-8) }], paidOn: today });
    expect([res.statusCode, res.json().code]).toEqual([400, 'DUES_BACK_PAY_NOTE_REQUIRED']);
    res = await a.post('/api/v1/dues/payments', { memberId, months: [{ month: m(-8) }], paidOn: today, backPayNote: '外出务工，经支委会研究同意补交' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().items[0].dueFen).toBe(2000);

    res = await a.post('/api/v1/dues/payments', { memberId, mode: 'quarterly', months: [{ month: m(0) }], paidOn: today });
    expect(res.json().code).toBe('DUES_QUARTER_CONSENT_REQUIRED');
    res = await a.post('/api/v1/dues/payments', { memberId, months: [{ month: m(3) }], paidOn: today });
    expect(res.json().code).toBe('DUES_MONTH_IN_FUTURE');

    const paymentId = (await a.post('/api/v1/dues/payments', { memberId, months: [{ month: m(-1) }], paidOn: today })).json().items[0].id;
    res = await a.post(`/api/v1/dues/payments/${paymentId}/revoke`, { reason: '误登记' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().unpaidMonths).toContain(m(-1));
  });

  it('flags members unpaid for 6 consecutive months, and the member sees their own dues', async () => {
    const { a: ids } = await branchMembers(h);
    const [memberA, , , lapsed] = ids;
    const { m, today } = monthsOf(h);
    const sec = await h.login(h.tree.users.secretaryA);
    await sec.post(`/api/v1/dues/members/${lapsed}/bases`, { category: 'student', baseFen: 0, effectiveMonth: m(-7) });
    let flagged = (await sec.get(`/api/v1/dues/lapse-candidates?orgId=${h.tree.branchAId}`)).json();
    expect(flagged.items.find((i: { memberId: string }) => i.memberId === lapsed)).toMatchObject({ trailingUnpaid: 7, owedFen: 140 });
    await sec.post('/api/v1/dues/payments', { memberId: lapsed, months: [{ month: m(-1) }], paidOn: today });
    flagged = (await sec.get(`/api/v1/dues/lapse-candidates?orgId=${h.tree.branchAId}`)).json();
    expect(flagged.items.map((i: { memberId: string }) => i.memberId)).not.toContain(lapsed);

    const member = await h.login(h.tree.users.memberA);
    const mine = (await member.get('/api/v1/dues/mine')).json();
    expect(mine.member.memberId).toBe(memberA);
    // A member cannot read the branch's lists or anyone's dues.
    expect((await member.get(`/api/v1/dues/arrears?orgId=${h.tree.branchAId}`)).statusCode).toBe(404);
    expect((await member.get(`/api/v1/dues/members/${lapsed}`)).statusCode).toBe(404);
  });

  it('bad input is a 400 naming the field', async () => {
    const { a: [memberId] } = await branchMembers(h);
    const a = await h.login(h.tree.users.secretaryA);
    const res = await a.post(`/api/v1/dues/members/${memberId}/bases`, { category: 'salaried', baseFen: 12.5, effectiveMonth: '2026-13' });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.json().details)).toContain('baseFen');
    const farmer = await a.post(`/api/v1/dues/members/${memberId}/bases`, { category: 'farmer', baseFen: 0, agreedFen: 500, effectiveMonth: '2026-01' });
    expect([farmer.statusCode, farmer.json().code]).toEqual([400, 'DUES_AGREED_OUT_OF_RANGE']);
  });
});
