import { expect, it } from 'vitest';
import type { ComplianceRemindersResponse } from '@dangjian/contracts';
import { describeOnEngines } from '../../test/harness.ts';
import { insertMeetings } from './compliance-test-helpers.ts';

/** Reminders computed on read for the signed-in secretary, with the clock on 2026-11-24 (7 days left). */
describeOnEngines('compliance reminders', (h) => {
  it('warns of this month\'s missing meetings and last period\'s shortfalls, only for own orgs', async () => {
    h.clock.advance(new Date('2026-11-24T04:00:00Z').getTime() - h.clock().getTime());
    await insertMeetings(h.database.db, h.tree.branchAId, [
      { kind: 'theme_day', at: '2026-10-03T02:00:00Z' }, { kind: 'branch_congress', at: '2026-08-05T02:00:00Z' },
      { kind: 'party_lesson', at: '2026-08-05T02:00:00Z' },
    ]);
    await insertMeetings(h.database.db, h.tree.groupAId, [{ kind: 'group_meeting', at: '2026-11-03T02:00:00Z' }, { kind: 'group_meeting', at: '2026-10-03T02:00:00Z' }]);
    const a = await h.login(h.tree.users.secretaryA);
    const res = (await a.get('/api/v1/compliance/reminders')).json() as ComplianceRemindersResponse;
    const brief = res.items.map((r) => [r.orgId, r.kind, r.level, r.periodLabel]);
    expect(brief).toEqual(expect.arrayContaining([[h.tree.branchAId, 'theme_day', 'due', '2026年11月']]));
    const due = res.items.find((r) => r.kind === 'theme_day' && r.level === 'due')!;
    expect(due.daysLeft).toBe(7);
    expect(due.message).toContain('还剩7天，主题党日尚缺1次');
    // Held last month / this month / last quarter: no reminder for them; A is too small for a committee.
    expect(brief.some(([, k, l]) => k === 'theme_day' && l === 'overdue')).toBe(false);
    expect(brief.some(([, k]) => k === 'group_meeting')).toBe(false);
    expect(brief.some(([, k]) => k === 'branch_committee')).toBe(false);
    expect(brief.some(([, k]) => k === 'branch_congress' || k === 'party_lesson')).toBe(false);
    expect(res.items.every((r) => r.orgId === h.tree.branchAId || r.orgId === h.tree.groupAId)).toBe(true);
    // B held nothing: B's secretary is told October closed short.
    const b = await h.login(h.tree.users.secretaryB);
    const rb = (await b.get('/api/v1/compliance/reminders')).json() as ComplianceRemindersResponse;
    expect(rb.items.some((r) => r.orgId === h.tree.branchBId && r.kind === 'theme_day' && r.level === 'overdue' && r.periodLabel === '2026年10月')).toBe(true);
    expect(rb.items.every((r) => r.orgId !== h.tree.branchAId)).toBe(true);
  });
});
