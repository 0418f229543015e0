import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '@dangjian/db';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { send } from './org-admin.test-helpers.ts';

/**
 * The secretary of branch B can neither read nor change anything of sibling branch A through
 * the administration endpoints (403/404, never the data, nothing changed), and row-level
 * security hides A's history and teams from a query with no filter inside B's scope.
 */
describeOnEngines('org admin scope: sibling branch denied', (h) => {
  let b: Agent;
  let teamA: string;
  const db = () => h.database.db;
  // Only this test's subtree: on PostgreSQL other test files write to the same database.
  const snapshot = async () => {
    const mine = sql<boolean>`o.path <@ ${h.tree.paths.root}::ltree`;
    return {
      orgs: await db().selectFrom('orgs as o').select(['o.id', 'o.name', 'o.status', 'o.parent_id', 'o.path']).where(mine).orderBy('o.id').execute(),
      members: await db().selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select(['m.id', 'm.org_id']).where(mine).orderBy('m.id').execute(),
      teams: await db().selectFrom('org_teams as t').innerJoin('orgs as o', 'o.id', 't.org_id').selectAll('t').where(mine).orderBy('t.id').execute(),
      seats: await db().selectFrom('org_team_members as s').innerJoin('org_teams as t', 't.id', 's.team_id').innerJoin('orgs as o', 'o.id', 't.org_id')
        .selectAll('s').where(mine).orderBy('s.id').execute(),
      history: await db().selectFrom('org_history as x').innerJoin('orgs as o', 'o.id', 'x.org_id').select('x.id').where(mine).orderBy('x.id').execute(),
    };
  };
  const denied = (statusCode: number) => expect([403, 404]).toContain(statusCode);

  it('setup: A has a team and a history entry', async () => {
    const town = await h.login(h.tree.users.town);
    teamA = (await town.post(`/api/v1/orgs/${h.tree.branchAId}/teams`, { termStart: '2020-01-01', termEnd: '2023-01-01', members: [{ name: '甲书记', post: 'secretary' }] })).json().id;
    expect((await send(h, town, 'PATCH', `/api/v1/orgs/${h.tree.branchAId}`, { code: 'A-01' })).statusCode).toBe(200);
    b = await h.login(h.tree.users.secretaryB);
  });

  it('every write on A is 403/404 and nothing changes', async () => {
    const before = await snapshot();
    const A = h.tree.branchAId;
    const calls = [
      b.post('/api/v1/orgs', { parentId: A, type: 'group', name: '乙造甲小组' }),
      send(h, b, 'PATCH', `/api/v1/orgs/${A}`, { name: '被乙改名党支部', reason: '越权' }),
      b.post(`/api/v1/orgs/${A}/merge`, { intoId: h.tree.branchBId, reason: '越权' }),
      b.post(`/api/v1/orgs/${h.tree.groupBId}/merge`, { intoId: h.tree.groupAId, reason: '越权' }),
      b.post(`/api/v1/orgs/${A}/dissolve`, { reason: '越权', transferMembersTo: h.tree.branchBId }),
      b.post(`/api/v1/orgs/${h.tree.groupAId}/dissolve`, { reason: '越权' }),
      b.post(`/api/v1/orgs/${A}/teams`, { termStart: '2024-01-01', termEnd: '2027-01-01' }),
      send(h, b, 'PATCH', `/api/v1/orgs/${A}/teams/${teamA}`, { termEnd: '2030-01-01' }),
      send(h, b, 'DELETE', `/api/v1/orgs/${A}/teams/${teamA}`),
      send(h, b, 'PATCH', `/api/v1/orgs/${h.tree.branchBId}/teams/${teamA}`, { termEnd: '2030-01-01' }),
    ];
    for (const r of await Promise.all(calls)) {
      denied(r.statusCode);
      expect(r.body).not.toContain('甲书记');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('every read of A is 403/404 without data; B\'s own reads leave A out', async () => {
    const A = h.tree.branchAId;
    for (const url of [`/api/v1/orgs/${A}/history`, `/api/v1/orgs/${A}/teams`, `/api/v1/orgs/${A}/teams/${teamA}`, `/api/v1/orgs/${h.tree.branchBId}/teams/${teamA}`, `/api/v1/orgs/${A}/size-report`,
      `/api/v1/orgs/${A}/size-report/export`, `/api/v1/orgs/teams/expiring?orgId=${A}`, `/api/v1/orgs/${h.tree.townId}/size-report`]) {
      const r = await b.get(url);
      denied(r.statusCode);
      expect(r.body).not.toContain('A-01');
    }
    const expiring = (await b.get('/api/v1/orgs/teams/expiring')).json();
    expect(expiring.items.map((i: { orgId: string }) => i.orgId)).not.toContain(A);
    const report = (await b.get(`/api/v1/orgs/${h.tree.branchBId}/size-report`)).json();
    expect(report.items.map((i: { orgId: string }) => i.orgId)).toEqual([h.tree.branchBId]);
  });

  it('row-level security: inside B\'s scope a query with no filter sees none of A\'s history, teams, seats or role grants', async () => {
    const scopeB = [h.tree.paths.branchB];
    const run = <T>(fn: Parameters<typeof withScope<T>>[2]) => withScope(db(), scopeB, fn);
    const hist = await run((t) => t.selectFrom('org_history').select('org_id').execute());
    expect(hist.some((x) => x.org_id === h.tree.branchAId)).toBe(false);
    expect(await run((t) => t.selectFrom('org_teams').select('id').execute())).toEqual([]);
    expect(await run((t) => t.selectFrom('org_team_members').select('id').execute())).toEqual([]);
    const roles = await run((t) => t.selectFrom('user_roles').select('org_id').execute());
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.every((r) => r.org_id === h.tree.branchBId || r.org_id === h.tree.groupBId)).toBe(true);
    // Writes into A's rows touch nothing; inserting history or a team for A is refused.
    const upd = await run((t) => t.updateTable('org_teams').set({ note: 'x' }).where('id', '=', teamA).executeTakeFirst());
    expect(Number(upd.numUpdatedRows)).toBe(0);
    await expect(run((t) => t.insertInto('org_teams').values({ org_id: h.tree.branchAId, term_start: '2024-01-01', term_end: '2025-01-01' }).execute())).rejects.toThrow();
    await expect(run((t) => t.insertInto('org_history').values({ org_id: h.tree.branchAId, action: 'update', actor_user_id: null, actor_name: null, reason: null, before: null, after: null }).execute())).rejects.toThrow();
    // History is append-only for the app role, even in scope.
    await expect(withScope(db(), [h.tree.paths.branchA], (t) => t.deleteFrom('org_history').where('org_id', '=', h.tree.branchAId).execute())).rejects.toThrow();
    // In A's own scope, the team is visible.
    const own = await withScope(db(), [h.tree.paths.branchA], (t) => t.selectFrom('org_teams').select('id').execute());
    expect(own.map((x) => x.id)).toEqual([teamA]);
  });
});
