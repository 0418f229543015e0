import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeOnEngines } from '../../test/harness.ts';
import { createOrgsRepo } from './orgs.repo.ts';
import { createOrgsService } from './orgs.service.ts';

describeOnEngines('orgs', (h) => {
  it('the town secretary sees exactly the town subtree, roots first', async () => {
    const a = await h.login(h.tree.users.town);
    const res = await a.get('/api/v1/orgs/tree');
    expect(res.statusCode).toBe(200);
    const body = res.json() as { roots: string[]; nodes: { id: string; path: string; childCount: number }[] };
    expect(body.roots).toEqual([h.tree.townId]);
    const expected = await h.database.db.selectFrom('orgs').select('id').where(sql<boolean>`path <@ ${h.tree.paths.town}::ltree`).execute();
    expect(body.nodes.map((n) => n.id).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(body.nodes[0]?.id).toBe(h.tree.townId);
  });

  it('sends a large scope level by level: depth, then a subtree on demand', async () => {
    const a = await h.login(h.tree.users.town);
    const top = (await a.get('/api/v1/orgs/tree?depth=1')).json() as { truncated: boolean; nodes: { id: string; parentId: string | null; childCount: number }[] };
    expect(top.truncated).toBe(true);
    const direct = await h.database.db.selectFrom('orgs').select('id').where('parent_id', '=', h.tree.townId).where('status', '=', 'active').execute();
    expect(top.nodes.map((n) => n.id).sort()).toEqual([h.tree.townId, ...direct.map((d) => d.id)].sort());
    const branchA = top.nodes.find((n) => n.id === h.tree.branchAId)!;
    expect(branchA.childCount).toBeGreaterThan(0);
    const more = (await a.get(`/api/v1/orgs/tree?rootId=${h.tree.branchAId}&depth=1`)).json() as { roots: string[]; nodes: { id: string; parentId: string | null }[] };
    expect(more.roots).toEqual([h.tree.branchAId]);
    expect(more.nodes.filter((n) => n.parentId === h.tree.branchAId).map((n) => n.id)).toContain(h.tree.groupAId);
    const full = (await a.get('/api/v1/orgs/tree')).json() as { truncated: boolean };
    expect(full.truncated).toBe(false);
    const b = await h.login(h.tree.users.secretaryB);
    expect((await b.get(`/api/v1/orgs/tree?rootId=${h.tree.branchAId}&depth=1`)).statusCode).toBe(404);
  });

  it('figures of a node are computed from the records', async () => {
    const a = await h.login(h.tree.users.admin);
    const res = await a.get(`/api/v1/orgs/${h.tree.townId}`);
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.org.ancestors.map((x: { id: string }) => x.id)).toEqual([h.tree.rootId]);
    const byType = await sql<{ type: string; n: string }>`
      SELECT type, count(*) AS n FROM orgs WHERE path <@ ${h.tree.paths.town}::ltree AND id <> ${h.tree.townId}::bigint GROUP BY type ORDER BY type`.execute(h.database.db);
    expect(d.stats.subOrgsByType).toEqual(byType.rows.map((r) => ({ type: r.type, count: Number(r.n) })));
    const byStatus = await sql<{ status: string; n: string }>`
      SELECT m.status, count(*) AS n FROM members m JOIN orgs o ON o.id = m.org_id
      WHERE o.path <@ ${h.tree.paths.town}::ltree GROUP BY m.status ORDER BY m.status`.execute(h.database.db);
    expect(d.stats.membersByStatus).toEqual(byStatus.rows.map((r) => ({ status: r.status, count: Number(r.n) })));
    expect(d.stats.memberTotal).toBe(byStatus.rows.reduce((s, r) => s + Number(r.n), 0));
    expect(d.stats.memberTotal).toBeGreaterThan(0);
  });

  it('the scope size that decides a whole or a level-by-level tree comes from the pre-aggregated figures and equals a count', async () => {
    const repo = createOrgsRepo(h.database.db);
    for (const scope of [[h.tree.paths.root], [h.tree.paths.town], [h.tree.paths.town, h.tree.paths.branchA], [h.tree.paths.branchA, h.tree.paths.branchB]]) {
      const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM orgs WHERE status = 'active' AND path <@ ${`{${scope.map((p) => `"${p}"`).join(',')}}`}::ltree[]`.execute(h.database.db);
      expect(await repo.countInScope(scope)).toBe(Number(rows[0]!.n));
    }
  });

  it('a scope larger than the limit is sent as the most whole levels that fit, marked truncated', async () => {
    const levels = (await sql<{ depth: number; n: string }>`SELECT depth, count(*) AS n FROM orgs WHERE status = 'active' AND path <@ ${h.tree.paths.root}::ltree GROUP BY depth ORDER BY depth`.execute(h.database.db)).rows
      .map((r) => ({ depth: Number(r.depth), n: Number(r.n) }));
    const top = levels[0]!.depth;
    const upTo = (d: number) => levels.filter((l) => l.depth <= d).reduce((a, l) => a + l.n, 0);
    expect(levels.length).toBeGreaterThanOrEqual(3);
    const actor = { userId: '0', username: 't', displayName: 't', ip: '127.0.0.1', roles: [{ role: 'org_dept_admin' as const, orgId: h.tree.rootId, orgPath: h.tree.paths.root, orgName: 'root' }] };
    // A limit that holds the first two levels but not the third: two levels (root and one below).
    const limit = upTo(top + 1);
    const tree = await createOrgsService({ db: h.database.db, treeFullLimit: limit }).tree(actor);
    expect(tree.truncated).toBe(true);
    expect(tree.nodes.length).toBe(upTo(top + 1));
    expect(Math.max(...tree.nodes.map((n) => n.depth))).toBe(top + 1);
    // A limit below even that still sends the root and its children (one level at least).
    const tiny = await createOrgsService({ db: h.database.db, treeFullLimit: 1 }).tree(actor);
    expect(tiny.nodes.length).toBe(upTo(top + 1));
    // At or above the scope's size the tree is whole.
    const whole = await createOrgsService({ db: h.database.db, treeFullLimit: upTo(99) }).tree(actor);
    expect(whole.truncated).toBe(false);
    expect(whole.nodes.length).toBe(upTo(99));
  });

  it('an unknown id is 404 and a malformed id 400 naming the field', async () => {
    const a = await h.login(h.tree.users.admin);
    expect((await a.get('/api/v1/orgs/999999999')).statusCode).toBe(404);
    const bad = await a.get('/api/v1/orgs/abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details.fields[0].field).toBe('params.id');
  });

  it('moves a subtree: every descendant path rewritten in one transaction, audited', async () => {
    const a = await h.login(h.tree.users.town);
    const before = await h.database.db.selectFrom('orgs').select(['id', 'path']).where(sql<boolean>`path <@ ${h.tree.paths.branchA}::ltree`).execute();
    expect(before.length).toBeGreaterThan(1);
    const res = await a.post(`/api/v1/orgs/${h.tree.branchAId}/move`, { newParentId: h.tree.branchBId, reason: '支部调整' });
    expect(res.statusCode).toBe(200);
    const newPath = `${h.tree.paths.branchB}.${h.tree.branchAId}`;
    expect(res.json()).toEqual({ id: h.tree.branchAId, path: newPath, movedCount: before.length });
    const after = await h.database.db.selectFrom('orgs').select(['id', 'path', 'parent_id']).where('id', 'in', before.map((b) => b.id)).execute();
    for (const o of after) {
      const old = before.find((b) => b.id === o.id)!;
      expect(o.path).toBe(newPath + old.path.slice(h.tree.paths.branchA.length));
    }
    expect(after.find((o) => o.id === h.tree.branchAId)?.parent_id).toBe(h.tree.branchBId);
    const audit = await h.database.db.selectFrom('audit_log').select(['action', 'before', 'after']).where('action', '=', 'org.move').where('entity_id', '=', h.tree.branchAId).execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.before).toMatchObject({ path: h.tree.paths.branchA });
    // Move it back; moving B into its own descendant is refused.
    expect((await a.post(`/api/v1/orgs/${h.tree.branchAId}/move`, { newParentId: h.tree.townId, reason: '恢复' })).statusCode).toBe(200);
    const self = await a.post(`/api/v1/orgs/${h.tree.branchBId}/move`, { newParentId: h.tree.groupBId, reason: '错误操作' });
    expect(self.statusCode).toBe(409);
    expect(self.json().code).toBe('ORG_MOVE_INTO_SELF');
  });

  it('a member cannot move organizations; a secretary cannot move its own scope root', async () => {
    const m = await h.login(h.tree.users.memberA);
    expect((await m.post(`/api/v1/orgs/${h.tree.groupAId}/move`, { newParentId: h.tree.branchAId, reason: 'x' })).statusCode).toBe(404);
    const s = await h.login(h.tree.users.secretaryA);
    const r = await s.post(`/api/v1/orgs/${h.tree.branchAId}/move`, { newParentId: h.tree.groupAId, reason: 'x' });
    expect([403, 409]).toContain(r.statusCode);
  });
});
