import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { ComplianceResponse } from '@dangjian/contracts';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { addFullMembers, insertMeetings } from './compliance-test-helpers.ts';

/**
 * Compliance numbers against meetings inserted in the test subtree, under the default rules
 * (branches: congress quarterly, committee monthly, lesson quarterly, theme day monthly, life
 * meeting and review yearly; committee monthly from 7 full members; groups: group meeting monthly),
 * with the clock at 2026-11-26. B is grown to 7+ full members so it owes committee meetings; A (5) does not.
 */
describeOnEngines('compliance report', (h) => {
  let town: Agent;
  const Q3 = (u: string) => `/api/v1/compliance?orgId=${h.tree.townId}&period=2026-Q3${u}`;

  it('setup: A holds everything in Q3, B only part; planned and cancelled ones do not count', async () => {
    h.clock.advance(new Date('2026-11-26T04:00:00Z').getTime() - h.clock().getTime());
    const db = h.database.db;
    await addFullMembers(db, h.tree.branchBId, 7);
    const monthly = (kind: string) => ['07', '08', '09'].map((m) => ({ kind, at: `2026-${m}-10T02:00:00Z` }));
    await insertMeetings(db, h.tree.branchAId, [
      ...monthly('branch_committee'), ...monthly('theme_day'),
      { kind: 'branch_congress', at: '2026-08-01T02:00:00Z' }, { kind: 'party_lesson', at: '2026-09-01T02:00:00Z' },
    ]);
    await insertMeetings(db, h.tree.groupAId, monthly('group_meeting'));
    await insertMeetings(db, h.tree.branchBId, [
      ...monthly('theme_day'),
      // 2026-09-30 18:00 UTC is 10-01 02:00 in Beijing: Q4, not Q3.
      { kind: 'branch_congress', at: '2026-09-30T18:00:00Z' },
      { kind: 'branch_committee', at: '2026-07-05T02:00:00Z' }, { kind: 'branch_committee', at: '2026-07-20T02:00:00Z' },
      { kind: 'party_lesson', at: '2026-08-01T02:00:00Z', status: 'planned' },
      { kind: 'party_lesson', at: '2026-08-02T02:00:00Z', status: 'cancelled' },
    ]);
    town = await h.login(h.tree.users.town);
  });

  it('counts required vs met per kind and names what is missing', async () => {
    const res = await town.get(Q3(''));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ComplianceResponse;
    expect(body.periodLabel).toBe('2026年第3季度');
    const a = body.items.find((r) => r.orgId === h.tree.branchAId)!;
    const b = body.items.find((r) => r.orgId === h.tree.branchBId)!;
    expect(a).toMatchObject({ required: 5, met: 5, rate: 1, short: false });
    expect(a.kinds.map((k) => k.kind)).not.toContain('branch_committee');
    expect(b.short).toBe(true);
    expect(b.kinds.map((k) => [k.kind, k.required, k.held, k.met])).toEqual([
      ['branch_congress', 1, 0, 0], ['branch_committee', 3, 2, 1], ['party_lesson', 1, 0, 0], ['theme_day', 3, 3, 3],
    ]);
    expect(b.kinds.flatMap((k) => k.missing)).toEqual([
      '2026年第3季度 支部党员大会 缺1次', '2026年8月 支部委员会 缺1次', '2026年9月 支部委员会 缺1次', '2026年第3季度 党课 缺1次',
    ]);
    expect(b.rate).toBeCloseTo(4 / 8);
    const groupB = body.items.find((r) => r.orgId === h.tree.groupBId)!;
    expect(groupB.kinds.flatMap((k) => k.missing)).toHaveLength(3);
    expect(groupB.parentName).toBe(b.name);
    // The town and district committees have no rule: not listed. Sorted by rate, the worst first.
    expect(body.items.map((r) => r.orgId)).toEqual([h.tree.groupBId, h.tree.branchBId, h.tree.branchAId, h.tree.groupAId]);
    expect(body.summary).toMatchObject({ orgsChecked: 4, fullyCompliant: 2, shortCount: 2, required: 5 + 3 + 8 + 3, met: 5 + 3 + 4 + 0 });
  });

  it('filters the short ones, sorts and pages with a cursor', async () => {
    const short = (await town.get(Q3('&onlyShort=true&sort=rate_desc'))).json() as ComplianceResponse;
    expect(short.items.map((r) => r.orgId)).toEqual([h.tree.branchBId, h.tree.groupBId]);
    expect(short.total).toBe(2);
    const p1 = (await town.get(Q3('&sort=tree&pageSize=3'))).json() as ComplianceResponse;
    expect(p1.items.map((r) => r.orgId)).toEqual([h.tree.branchAId, h.tree.groupAId, h.tree.branchBId]);
    const p2 = (await town.get(Q3(`&sort=tree&pageSize=3&cursor=${p1.nextCursor}`))).json() as ComplianceResponse;
    expect(p2.items.map((r) => r.orgId)).toEqual([h.tree.groupBId]);
    expect(p2.nextCursor).toBeNull();
  });

  it('a year report owes nothing for December yet; the quarterly congress of Q4 counts B\'s Oct 1 meeting', async () => {
    const year = (await town.get(`/api/v1/compliance?orgId=${h.tree.branchBId}&period=2026`)).json() as ComplianceResponse;
    const b = year.items.find((r) => r.orgId === h.tree.branchBId)!;
    const congress = b.kinds.find((k) => k.kind === 'branch_congress')!;
    expect(congress).toMatchObject({ required: 4, held: 1, met: 1 });
    expect(congress.missing).toContain('2026年第3季度 支部党员大会 缺1次');
    expect(congress.missing).not.toContain('2026年第4季度 支部党员大会 缺1次');
    expect(b.kinds.find((k) => k.kind === 'theme_day')!.required).toBe(11);
    expect(year.asOf).toBe('2026-11-26');
  });

  it('a monthly report judges only monthly rules', async () => {
    const sep = (await town.get(`/api/v1/compliance?orgId=${h.tree.branchBId}&period=2026-09`)).json() as ComplianceResponse;
    const b = sep.items.find((r) => r.orgId === h.tree.branchBId)!;
    expect(b.kinds.map((k) => k.kind)).toEqual(['branch_committee', 'theme_day']);
  });

  it('rejects a malformed period with the field named', async () => {
    const res = await town.get(`/api/v1/compliance?orgId=${h.tree.townId}&period=2026-Q5`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
    expect(res.body).toContain('period');
  });

  it('exports the same rows to Excel with a totals row', async () => {
    const res = await town.get(`/api/v1/compliance/export?orgId=${h.tree.townId}&period=2026-Q3&onlyShort=true`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain('2026年第3季度');
    const rows = ws.getSheetValues().slice(3).filter(Boolean) as unknown[][];
    expect(rows).toHaveLength(3);
    const bRow = rows.find((r) => String(r[2]).includes('乙村党支部'))!;
    expect(String(bRow[3])).toContain('镇党委');
    expect(bRow[5]).toBe(8);
    expect(bRow[6]).toBe(4);
    expect(String(bRow[16])).toContain('2026年第3季度 支部党员大会 缺1次');
    expect(String(rows[2]![1])).toBe('合计');
  });

  it('documents every route in OpenAPI with its contracts', async () => {
    const spec = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    for (const [p, m] of [['/api/v1/compliance', 'get'], ['/api/v1/compliance/export', 'get'], ['/api/v1/compliance/reminders', 'get'],
      ['/api/v1/meeting-rules', 'get'], ['/api/v1/meeting-rules', 'post'], ['/api/v1/meeting-rules/{id}', 'patch'], ['/api/v1/meeting-rules/{id}', 'delete']] as const) {
      expect(spec.paths[p]?.[m], `${m} ${p}`).toBeDefined();
    }
    expect(spec.paths['/api/v1/compliance']!.get!.responses).toHaveProperty('200');
  });
});
