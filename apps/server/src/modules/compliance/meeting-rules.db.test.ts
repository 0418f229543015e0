import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import type { ComplianceResponse, MeetingRule, MeetingRuleListResponse } from '@dangjian/contracts';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { send } from '../grids/grid-test-helpers.ts';
import { insertMeetings } from './compliance-test-helpers.ts';

/** Rules as data: defaults seeded, org-dept admins override per subtree, audited; secretaries read. */
describeOnEngines('meeting rules', (h) => {
  let admin: Agent;
  let secA: Agent;
  let ruleId = '';

  it('lists the seeded defaults from the branch regulations, read-only', async () => {
    admin = await h.login(h.tree.users.admin);
    secA = await h.login(h.tree.users.secretaryA);
    const list = (await secA.get(`/api/v1/meeting-rules?orgId=${h.tree.branchAId}`)).json() as MeetingRuleListResponse;
    expect(list.canWrite).toBe(false);
    const defaults = list.items.filter((r) => r.orgId === null);
    expect(defaults.map((r) => [r.kind, r.count, r.period])).toEqual(expect.arrayContaining([
      ['branch_congress', 1, 'quarter'], ['branch_committee', 1, 'month'], ['group_meeting', 1, 'month'], ['party_lesson', 1, 'quarter'],
      ['theme_day', 1, 'month'], ['life_meeting', 1, 'year'], ['democratic_review', 1, 'year'],
    ]));
    expect(defaults.every((r) => !r.canEdit)).toBe(true);
    expect(defaults.find((r) => r.kind === 'branch_committee')!.minFullMembers).toBe(7);
    const res = await send(h.app, admin, 'PATCH', `/api/v1/meeting-rules/${defaults[0]!.id}`, { count: 0 });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('MEETING_RULE_READ_ONLY');
  });

  it('an admin sets a seasonal congress rule on the town; it governs A and is audited', async () => {
    const res = await admin.post('/api/v1/meeting-rules', {
      orgId: h.tree.townId, kind: 'branch_congress', count: 2, period: 'year', appliesTo: ['branch'], months: [12, 1, 2, 11], note: '农村支部农闲时召开',
    });
    expect(res.statusCode, res.body).toBe(201);
    const rule = res.json() as MeetingRule;
    expect(rule).toMatchObject({ orgId: h.tree.townId, months: [1, 2, 11, 12], canEdit: true });
    ruleId = rule.id;
    // Secretary A sees the inherited rule (the town lies above A, outside A's scope).
    const list = (await secA.get(`/api/v1/meeting-rules?orgId=${h.tree.branchAId}`)).json() as MeetingRuleListResponse;
    expect(list.items.find((r) => r.id === ruleId)).toMatchObject({ canEdit: false, orgName: null });
    await insertMeetings(h.database.db, h.tree.branchAId, [{ kind: 'branch_congress', at: '2026-02-10T02:00:00Z' }, { kind: 'branch_congress', at: '2026-05-10T02:00:00Z' }]);
    const rep = (await secA.get(`/api/v1/compliance?orgId=${h.tree.branchAId}&period=2026`)).json() as ComplianceResponse;
    const congress = rep.items.find((r) => r.orgId === h.tree.branchAId)!.kinds.find((k) => k.kind === 'branch_congress')!;
    expect(congress).toMatchObject({ required: 2, met: 1, held: 2 });
    const log = await h.database.db.selectFrom('audit_log').select(['after']).where('action', '=', 'meeting_rule.create').where('entity_id', '=', ruleId).executeTakeFirstOrThrow();
    expect(log.after).toMatchObject({ count: 2, months: [1, 2, 11, 12] });
  });

  it('patches and deletes with before/after in the audit log', async () => {
    const res = await send(h.app, admin, 'PATCH', `/api/v1/meeting-rules/${ruleId}`, { count: 1, effectiveFrom: '2026-01-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ count: 1, effectiveFrom: '2026-01-01' });
    const bad = await send(h.app, admin, 'PATCH', `/api/v1/meeting-rules/${ruleId}`, { effectiveTo: '2025-01-01' });
    expect(bad.json().code).toBe('MEETING_RULE_DATES_INVALID');
    const extra = await send(h.app, admin, 'PATCH', `/api/v1/meeting-rules/${ruleId}`, { count: 1, bogus: 1 });
    expect(extra.statusCode).toBe(400);
    const upd = await h.database.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'meeting_rule.update').where('entity_id', '=', ruleId).executeTakeFirstOrThrow();
    expect(upd.before).toMatchObject({ count: 2 });
    expect(upd.after).toMatchObject({ count: 1 });
    expect((await send(h.app, admin, 'DELETE', `/api/v1/meeting-rules/${ruleId}`)).json()).toEqual({ id: ruleId, deleted: true });
    const del = await h.database.db.selectFrom('audit_log').select(['before']).where('action', '=', 'meeting_rule.delete').where('entity_id', '=', ruleId).executeTakeFirstOrThrow();
    expect(del.before).toMatchObject({ kind: 'branch_congress', count: 1 });
  });

  it('secretaries cannot write rules, even for their own branch', async () => {
    const res = await secA.post('/api/v1/meeting-rules', { orgId: h.tree.branchAId, kind: 'theme_day', count: 0, period: 'month', appliesTo: ['branch'] });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('MEETING_RULE_WRITE_DENIED');
    const n = await h.database.db.selectFrom('meeting_rules').select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', '=', h.tree.branchAId).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('RLS: with no filter, B\'s scope sees the defaults but no rule of A or of the town', async () => {
    const a = (await admin.post('/api/v1/meeting-rules', { orgId: h.tree.branchAId, kind: 'theme_day', count: 2, period: 'month', appliesTo: ['branch'] })).json() as MeetingRule;
    const rows = await withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.selectFrom('meeting_rules').select(['id', 'org_id']).execute());
    expect(rows.some((r) => r.id === a.id)).toBe(false);
    expect(rows.some((r) => r.org_id === null)).toBe(true);
    expect(rows.every((r) => r.org_id === null || r.org_id === h.tree.branchBId || [h.tree.rootId, h.tree.townId].includes(r.org_id))).toBe(true);
    const updated = await withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.updateTable('meeting_rules').set({ count: 9 }).where('id', '=', a.id).executeTakeFirst());
    expect(Number(updated.numUpdatedRows)).toBe(0);
    await expect(withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.insertInto('meeting_rules')
      .values({ org_id: h.tree.branchAId, kind: 'theme_day', count: 1, period: 'month', applies_to: ['branch'] }).execute())).rejects.toThrow();
  });
});
