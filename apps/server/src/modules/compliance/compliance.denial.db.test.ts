import { expect, it } from 'vitest';
import type { MeetingRule } from '@dangjian/contracts';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { send } from '../grids/grid-test-helpers.ts';
import { insertMeetings } from './compliance-test-helpers.ts';

/**
 * The secretary of branch B can neither read A's (or the town's) compliance, rules or export,
 * nor change a rule: 403/404, never the data, nothing changed.
 */
describeOnEngines('compliance scope: sibling branch denied', (h) => {
  let b: Agent;
  let ruleA: MeetingRule;

  it('setup: A has a rule and meetings', async () => {
    const admin = await h.login(h.tree.users.admin);
    ruleA = (await admin.post('/api/v1/meeting-rules', { orgId: h.tree.branchAId, kind: 'theme_day', count: 3, period: 'month', appliesTo: ['branch'], note: '甲村机密规则' })).json();
    await insertMeetings(h.database.db, h.tree.branchAId, [{ kind: 'theme_day', at: '2026-03-01T02:00:00Z' }]);
    b = await h.login(h.tree.users.secretaryB);
  });

  it('every read of A or the town is 404 without data', async () => {
    for (const u of [
      `/api/v1/compliance?orgId=${h.tree.branchAId}&period=2026`, `/api/v1/compliance?orgId=${h.tree.townId}&period=2026`,
      `/api/v1/compliance/export?orgId=${h.tree.branchAId}&period=2026`, `/api/v1/meeting-rules?orgId=${h.tree.branchAId}`,
      `/api/v1/meeting-rules?orgId=${h.tree.townId}`,
    ]) {
      const res = await b.get(u);
      expect(res.statusCode, u).toBe(404);
      expect(res.body).not.toContain('甲村');
    }
    const own = await b.get(`/api/v1/meeting-rules?orgId=${h.tree.branchBId}`);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('甲村机密规则');
    const rem = await b.get('/api/v1/compliance/reminders');
    expect(rem.statusCode).toBe(200);
    expect(rem.body).not.toContain('甲村');
  });

  it('every write is 403/404 and changes nothing', async () => {
    const before = await h.database.db.selectFrom('meeting_rules').selectAll().where('id', '=', ruleA.id).executeTakeFirstOrThrow();
    const writes: [string, 'POST' | 'PATCH' | 'DELETE', string, unknown?][] = [
      ['create in A', 'POST', '/api/v1/meeting-rules', { orgId: h.tree.branchAId, kind: 'theme_day', count: 0, period: 'month', appliesTo: ['branch'] }],
      ['create in town', 'POST', '/api/v1/meeting-rules', { orgId: h.tree.townId, kind: 'theme_day', count: 0, period: 'month', appliesTo: ['branch'] }],
      ['create in own', 'POST', '/api/v1/meeting-rules', { orgId: h.tree.branchBId, kind: 'theme_day', count: 0, period: 'month', appliesTo: ['branch'] }],
      ['patch', 'PATCH', `/api/v1/meeting-rules/${ruleA.id}`, { count: 0 }],
      ['delete', 'DELETE', `/api/v1/meeting-rules/${ruleA.id}`],
    ];
    for (const [what, method, u, body] of writes) {
      const res = await send(h.app, b, method, u, body);
      expect([403, 404], what).toContain(res.statusCode);
      expect(res.body, what).not.toContain('甲村机密规则');
    }
    const after = await h.database.db.selectFrom('meeting_rules').selectAll().where('id', '=', ruleA.id).executeTakeFirstOrThrow();
    expect(after).toEqual(before);
    const n = await h.database.db.selectFrom('meeting_rules').select((eb) => eb.fn.countAll<string>().as('n'))
      .where('org_id', 'in', [h.tree.branchBId, h.tree.townId]).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(0);
  });

  it('members and residents get no report', async () => {
    const m = await h.login(h.tree.users.memberA);
    expect((await m.get(`/api/v1/compliance?orgId=${h.tree.branchAId}&period=2026`)).statusCode).toBe(404);
  });
});
