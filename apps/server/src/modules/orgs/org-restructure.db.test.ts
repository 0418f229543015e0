import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { createUser } from '@dangjian/db/fixtures';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { addMembers } from './org-admin.test-helpers.ts';

describeOnEngines('org admin: merge and dissolve', (h) => {
  let town: Agent;
  const db = () => h.database.db;
  const mk = async (parentId: string, type: string, name: string) => {
    const r = await town.post('/api/v1/orgs', { parentId, type, name });
    if (r.statusCode !== 201) throw new Error(r.body);
    return r.json() as { id: string; path: string };
  };
  const treeIds = async () => ((await town.get('/api/v1/orgs/tree')).json() as { nodes: { id: string }[] }).nodes.map((n) => n.id);

  it('setup', async () => {
    town = await h.login(h.tree.users.town);
  });

  it('merge moves members, sub-organizations (with their subtrees) and role grants; the source is kept, marked merged', async () => {
    const x = await mk(h.tree.townId, 'branch', '合并源村党支部');
    const y = await mk(h.tree.townId, 'branch', '合并目标村党支部');
    const g = await mk(x.id, 'group', '源第一党小组');
    const xMembers = await addMembers(h, x.id, 4, 'full');
    const gMembers = await addMembers(h, g.id, 2, 'probationary');
    const uid = await createUser(db(), { username: `sec-x-${x.id}`, displayName: '源书记', password: 'x', passwordHash: 'x', roles: [{ role: 'secretary', orgId: x.id }] });
    const grid = await db().insertInto('grids').values({ org_id: x.id, name: '源第一网格' }).returning('id').executeTakeFirstOrThrow();
    const site = await db().insertInto('sites').values({ org_id: x.id, name: '源村党群服务中心', kind: 'village_hq' }).returning('id').executeTakeFirstOrThrow();

    const r = await town.post(`/api/v1/orgs/${x.id}/merge`, { intoId: y.id, reason: '两村合并' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ movedMembers: 4, movedChildren: 1, movedRoles: 1, source: { status: 'merged' } });

    const members = await db().selectFrom('members').select(['id', 'org_id']).where('id', 'in', [...xMembers, ...gMembers]).execute();
    for (const m of members) expect(m.org_id).toBe(xMembers.includes(m.id) ? y.id : g.id);
    const group = await db().selectFrom('orgs').select(['parent_id', 'path']).where('id', '=', g.id).executeTakeFirstOrThrow();
    expect(group).toEqual({ parent_id: y.id, path: `${y.path}.${g.id}` });
    // Each moved member's own history records the transfer; grids and sites follow.
    const mh = await db().selectFrom('member_history').select(['member_id', 'action', 'from_org_id', 'to_org_id', 'reason']).where('member_id', 'in', xMembers).execute();
    expect(mh.filter((e) => e.action === 'move')).toHaveLength(4);
    for (const e of mh.filter((x2) => x2.action === 'move')) expect(e).toMatchObject({ from_org_id: x.id, to_org_id: y.id, reason: '两村合并' });
    expect((await db().selectFrom('grids').select('org_id').where('id', '=', grid.id).executeTakeFirstOrThrow()).org_id).toBe(y.id);
    expect((await db().selectFrom('sites').select('org_id').where('id', '=', site.id).executeTakeFirstOrThrow()).org_id).toBe(y.id);
    const role = await db().selectFrom('user_roles').select('org_id').where('user_id', '=', uid).executeTakeFirstOrThrow();
    expect(role.org_id).toBe(y.id);
    const src = await db().selectFrom('orgs').select(['status', 'merged_into_id', 'ended_at']).where('id', '=', x.id).executeTakeFirstOrThrow();
    expect(src).toMatchObject({ status: 'merged', merged_into_id: y.id });
    expect(src.ended_at).not.toBeNull();

    const ids = await treeIds();
    expect(ids).not.toContain(x.id);
    expect(ids).toContain(g.id);
    const hx = (await town.get(`/api/v1/orgs/${x.id}/history`)).json();
    expect(hx.items[0]).toMatchObject({ action: 'merge', reason: '两村合并', after: { mergedInto: { id: y.id } } });
    const hy = (await town.get(`/api/v1/orgs/${y.id}/history`)).json();
    expect(hy.items[0]).toMatchObject({ action: 'merge_in', after: { mergedFrom: { id: x.id }, movedMembers: 4 } });
    const audit = await db().selectFrom('audit_log').select('action').where('entity_id', 'in', [x.id, y.id]).where('action', 'like', 'org.merge%').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['org.merge', 'org.merge_in']);
    // A merged organization can no longer be changed.
    const again = await town.post(`/api/v1/orgs/${x.id}/merge`, { intoId: y.id, reason: '再次' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ORG_NOT_ACTIVE');
  });

  it('merge into its own descendant is 409; into a type that cannot hold its children 400; nothing changes', async () => {
    const x = await mk(h.tree.townId, 'branch', '不可合并村党支部');
    const g = await mk(x.id, 'group', '其党小组');
    const r1 = await town.post(`/api/v1/orgs/${x.id}/merge`, { intoId: g.id, reason: '错误' });
    expect(r1.statusCode).toBe(409);
    expect(r1.json().code).toBe('ORG_MERGE_INTO_SELF');
    const r2 = await town.post(`/api/v1/orgs/${x.id}/merge`, { intoId: h.tree.groupBId, reason: '错误' });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().code).toBe('ORG_PARENT_TYPE_INVALID');
    const row = await db().selectFrom('orgs').select('status').where('id', '=', x.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('active');
    const gr = await db().selectFrom('orgs').select('parent_id').where('id', '=', g.id).executeTakeFirstOrThrow();
    expect(gr.parent_id).toBe(x.id);
    expect(await db().selectFrom('org_history').select('id').where('org_id', '=', x.id).where('action', '=', 'merge').execute()).toEqual([]);
  });

  it('dissolve is refused while there are active children or members, and changes nothing', async () => {
    const x = await mk(h.tree.townId, 'branch', '待撤销村党支部');
    const g = await mk(x.id, 'group', '待撤销党小组');
    const withKids = await town.post(`/api/v1/orgs/${x.id}/dissolve`, { reason: '撤销' });
    expect(withKids.statusCode).toBe(409);
    expect(withKids.json().code).toBe('ORG_HAS_CHILDREN');
    await addMembers(h, g.id, 2, 'full');
    const notEmpty = await town.post(`/api/v1/orgs/${g.id}/dissolve`, { reason: '撤销' });
    expect(notEmpty.statusCode).toBe(409);
    expect(notEmpty.json()).toMatchObject({ code: 'ORG_NOT_EMPTY', details: { memberCount: 2 } });
    const rows = await db().selectFrom('orgs').select('status').where('id', 'in', [x.id, g.id]).execute();
    expect(rows.map((r) => r.status)).toEqual(['active', 'active']);
    // With a destination for the members it goes through; then the parent, now empty, too.
    const ok = await town.post(`/api/v1/orgs/${g.id}/dissolve`, { reason: '党小组调整', transferMembersTo: x.id });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ movedMembers: 2, org: { status: 'dissolved' } });
    const n = await sql<{ n: string }>`SELECT count(*) AS n FROM members WHERE org_id = ${x.id}::bigint`.execute(db());
    expect(Number(n.rows[0]!.n)).toBe(2);
    expect((await treeIds())).not.toContain(g.id);
    const hx = (await town.get(`/api/v1/orgs/${x.id}/history`)).json();
    expect(hx.items[0]).toMatchObject({ action: 'receive_members', after: { movedMembers: 2 } });
    const hg = (await town.get(`/api/v1/orgs/${g.id}/history`)).json();
    expect(hg.items[0]).toMatchObject({ action: 'dissolve', reason: '党小组调整' });
  });

  it('an empty organization is dissolved without a destination; a dissolved one cannot take new children', async () => {
    const x = await mk(h.tree.townId, 'branch', '空村党支部');
    const r = await town.post(`/api/v1/orgs/${x.id}/dissolve`, { reason: '撤并' });
    expect(r.statusCode).toBe(200);
    const child = await town.post('/api/v1/orgs', { parentId: x.id, type: 'group', name: '新小组' });
    expect(child.statusCode).toBe(409);
    expect(child.json().code).toBe('ORG_NOT_ACTIVE');
    expect((await town.post(`/api/v1/orgs/${x.id}/dissolve`, { reason: '' })).statusCode).toBe(400);
  });

  it('a branch secretary cannot merge or dissolve its own branch', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const r = await a.post(`/api/v1/orgs/${h.tree.branchAId}/dissolve`, { reason: '试', transferMembersTo: h.tree.groupAId });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('ORG_ROOT_LOCKED');
  });
});
