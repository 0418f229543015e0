import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '@dangjian/db';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { createOrgsRepo } from './orgs.repo.ts';

/**
 * The secretary of branch B must neither read nor change anything of sibling branch A, on
 * every endpoint: 403 or 404, never the data. And row-level security must hide A even from a
 * query that forgets the service's scope filter.
 */
describeOnEngines('scope: sibling branch denied', (h) => {
  let b: Agent;
  let orgA: { id: string; path: string; name: string };

  it('setup', async () => {
    b = await h.login(h.tree.users.secretaryB);
    orgA = await h.database.db.selectFrom('orgs').select(['id', 'path', 'name']).where('id', '=', h.tree.branchAId).executeTakeFirstOrThrow();
  });

  it('GET /orgs/tree lists B but not A', async () => {
    const res = await b.get('/api/v1/orgs/tree');
    expect(res.statusCode).toBe(200);
    const ids = (res.json() as { nodes: { id: string }[] }).nodes.map((n) => n.id);
    expect(ids).toContain(h.tree.branchBId);
    expect(ids).not.toContain(h.tree.branchAId);
    expect(ids).not.toContain(h.tree.townId);
    expect(res.body).not.toContain(orgA.name);
  });

  it('GET /orgs/:id of A is 404 without data', async () => {
    const res = await b.get(`/api/v1/orgs/${h.tree.branchAId}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect(res.body).not.toContain(orgA.name);
  });

  it('GET /orgs/:id of the parent town is 404', async () => {
    expect((await b.get(`/api/v1/orgs/${h.tree.townId}`)).statusCode).toBe(404);
  });

  it('GET /members?orgId=A is 404; B sees only its own members', async () => {
    const res = await b.get(`/api/v1/members?orgId=${h.tree.branchAId}`);
    expect(res.statusCode).toBe(404);
    const own = await b.get(`/api/v1/members?orgId=${h.tree.branchBId}&limit=200`);
    expect(own.statusCode).toBe(200);
    const items = (own.json() as { items: { orgId: string }[] }).items;
    expect(items.length).toBeGreaterThan(0);
    const bOrgs = await h.database.db.selectFrom('orgs').select('id').where(sql<boolean>`path <@ ${h.tree.paths.branchB}::ltree`).execute();
    const allowed = new Set(bOrgs.map((o) => o.id));
    for (const m of items) expect(allowed.has(m.orgId)).toBe(true);
  });

  it('POST /orgs/:id/move of A (or into A) is refused and changes nothing', async () => {
    const r1 = await b.post(`/api/v1/orgs/${h.tree.groupAId}/move`, { newParentId: h.tree.branchBId, reason: '测试' });
    expect([403, 404]).toContain(r1.statusCode);
    const r2 = await b.post(`/api/v1/orgs/${h.tree.groupBId}/move`, { newParentId: h.tree.branchAId, reason: '测试' });
    expect([403, 404]).toContain(r2.statusCode);
    const group = await h.database.db.selectFrom('orgs').select(['parent_id']).where('id', '=', h.tree.groupAId).executeTakeFirstOrThrow();
    expect(group.parent_id).toBe(h.tree.branchAId);
  });

  it('row-level security hides A from a query with no scope filter at all', async () => {
    const scopeB = [h.tree.paths.branchB];
    const orgs = await withScope(h.database.db, scopeB, (trx) => trx.selectFrom('orgs').select(['id', 'path']).execute());
    expect(orgs.length).toBeGreaterThan(0);
    for (const o of orgs) expect(o.path.startsWith(h.tree.paths.branchB)).toBe(true);
    const members = await withScope(h.database.db, scopeB, (trx) => trx.selectFrom('members').select(['id', 'org_id']).execute());
    expect(members.length).toBeGreaterThan(0);
    expect(members.some((m) => m.org_id === h.tree.branchAId)).toBe(false);
    // A repository call given a too-wide scope still returns only what RLS allows.
    const wide = await withScope(h.database.db, scopeB, (trx) => createOrgsRepo(trx).listTree([h.tree.paths.root]));
    expect(wide.map((o) => o.id)).not.toContain(h.tree.branchAId);
    // Writes outside the scope touch nothing.
    const upd = await withScope(h.database.db, scopeB, (trx) => trx.updateTable('orgs').set({ name: 'x' }).where('id', '=', h.tree.branchAId).executeTakeFirst());
    expect(Number(upd.numUpdatedRows)).toBe(0);
    // And the role really is subject to RLS: not a superuser, not BYPASSRLS.
    const role = await withScope(h.database.db, scopeB, (trx) =>
      sql<{ rolsuper: boolean; rolbypassrls: boolean; u: string }>`SELECT rolsuper, rolbypassrls, current_user AS u FROM pg_roles WHERE rolname = current_user`.execute(trx));
    expect(role.rows[0]).toMatchObject({ rolsuper: false, rolbypassrls: false, u: 'dangjian_app' });
  });

  it('an empty scope sees nothing', async () => {
    const rows = await withScope(h.database.db, [], (trx) => trx.selectFrom('orgs').select('id').execute());
    expect(rows).toEqual([]);
  });
});
