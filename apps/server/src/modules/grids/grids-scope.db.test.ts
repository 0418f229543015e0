import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '@dangjian/db';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { send } from './grid-test-helpers.ts';

/**
 * The secretary of branch B must neither read nor change any grid, building, resident or
 * member assignment of sibling branch A: 403 or 404, never the data, and nothing changes.
 * Row-level security must hide A's rows even from a query with no filter at all.
 */
describeOnEngines('grids scope: sibling branch denied', (h) => {
  let b: Agent;
  const A = { grid: '', building: '', resident: '', member: '', name: '' };
  let bGrid: string;

  async function snapshot() {
    const db = h.database.db;
    return {
      grids: await db.selectFrom('grids').selectAll().where('org_id', '=', h.tree.branchAId).orderBy('id').execute(),
      buildings: await db.selectFrom('grid_buildings').selectAll().where('grid_id', '=', A.grid).orderBy('id').execute(),
      residents: await db.selectFrom('residents').selectAll().where('grid_id', '=', A.grid).orderBy('id').execute(),
      members: await db.selectFrom('members').select(['id', 'grid_id']).where('org_id', '=', h.tree.branchAId).orderBy('id').execute(),
    };
  }

  it('setup: A has a grid with a building, a resident and a member; B has its own grid', async () => {
    const sa = await h.login(h.tree.users.secretaryA);
    A.name = `甲村机密网格${h.kind}`;
    A.grid = (await sa.post('/api/v1/grids', { orgId: h.tree.branchAId, name: A.name, leaderName: '甲网格员', leaderPhone: '13811112222' })).json().id;
    A.building = (await sa.post(`/api/v1/grids/${A.grid}/buildings`, { name: '甲1号楼', households: 20 })).json().id;
    A.resident = (await sa.post(`/api/v1/grids/${A.grid}/residents`, { name: '甲群众', phone: '13933334444' })).json().id;
    A.member = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchAId).executeTakeFirstOrThrow()).id;
    expect((await sa.post(`/api/v1/grids/${A.grid}/members`, { memberIds: [A.member] })).json()).toEqual({ assigned: 1 });
    b = await h.login(h.tree.users.secretaryB);
    bGrid = (await b.post('/api/v1/grids', { orgId: h.tree.branchBId, name: '乙村网格' })).json().id;
    expect(bGrid).toBeTruthy();
  });

  it('every read of A (or of the town above) is 404 without data', async () => {
    const reads = [
      `/api/v1/grids?orgId=${h.tree.branchAId}`, `/api/v1/grids?orgId=${h.tree.townId}`, `/api/v1/grids/${A.grid}`,
      `/api/v1/grids/${A.grid}/members`, `/api/v1/grids/${A.grid}/residents`, `/api/v1/grids/tree?orgId=${h.tree.branchAId}`,
    ];
    for (const u of reads) {
      const res = await b.get(u);
      expect(res.statusCode, u).toBe(404);
      expect(res.body).not.toContain(A.name);
      expect(res.body).not.toContain('13933334444');
    }
    const tree = await b.get('/api/v1/grids/tree');
    expect(tree.json().communities.map((c: { orgId: string }) => c.orgId)).toEqual([h.tree.branchBId]);
    const own = (await b.get(`/api/v1/grids?orgId=${h.tree.branchBId}`)).json();
    expect(own.items.map((g: { id: string }) => g.id)).toEqual([bGrid]);
  });

  it('every write to A is 403/404 and changes nothing', async () => {
    const before = await snapshot();
    const auditBefore = await h.database.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
    const writes: [string, 'POST' | 'PATCH' | 'DELETE', string, unknown?][] = [
      ['create in A', 'POST', '/api/v1/grids', { orgId: h.tree.branchAId, name: '乙的网格' }],
      ['patch grid', 'PATCH', `/api/v1/grids/${A.grid}`, { name: '改名' }],
      ['delete grid', 'DELETE', `/api/v1/grids/${A.grid}`],
      ['add building', 'POST', `/api/v1/grids/${A.grid}/buildings`, { name: '乙楼' }],
      ['patch building', 'PATCH', `/api/v1/grids/${A.grid}/buildings/${A.building}`, { households: 1 }],
      ['patch building via own grid', 'PATCH', `/api/v1/grids/${bGrid}/buildings/${A.building}`, { households: 1 }],
      ['delete building', 'DELETE', `/api/v1/grids/${A.grid}/buildings/${A.building}`],
      ['assign to A grid', 'POST', `/api/v1/grids/${A.grid}/members`, { memberIds: [A.member] }],
      ["assign A's member to B's grid", 'POST', `/api/v1/grids/${bGrid}/members`, { memberIds: [A.member] }],
      ['unassign', 'DELETE', `/api/v1/grids/${A.grid}/members/${A.member}`],
      ['unassign via own grid', 'DELETE', `/api/v1/grids/${bGrid}/members/${A.member}`],
      ['add resident', 'POST', `/api/v1/grids/${A.grid}/residents`, { name: '乙' }],
      ['patch resident', 'PATCH', `/api/v1/grids/${A.grid}/residents/${A.resident}`, { name: '乙' }],
      ['patch resident via own grid', 'PATCH', `/api/v1/grids/${bGrid}/residents/${A.resident}`, { name: '乙' }],
      ['delete resident', 'DELETE', `/api/v1/grids/${A.grid}/residents/${A.resident}`],
      ['delete resident via own grid', 'DELETE', `/api/v1/grids/${bGrid}/residents/${A.resident}`],
    ];
    for (const [what, method, u, body] of writes) {
      const res = await send(h.app, b, method, u, body);
      expect([403, 404], what).toContain(res.statusCode);
      expect(res.body).not.toContain(A.name);
    }
    expect(await snapshot()).toEqual(before);
    const auditAfter = await h.database.db.selectFrom('audit_log').select((eb) => eb.fn.max('id').as('id')).executeTakeFirstOrThrow();
    expect(auditAfter.id).toBe(auditBefore.id);
  });

  it('row-level security hides A from queries with no filter, and blocks writes into A', async () => {
    const scopeB = [h.tree.paths.branchB];
    const seen = await withScope(h.database.db, scopeB, async (trx) => ({
      grids: await trx.selectFrom('grids').select(['id', 'org_id']).execute(),
      buildings: await trx.selectFrom('grid_buildings').select('id').execute(),
      residents: await trx.selectFrom('residents').select('id').execute(),
      assigned: await trx.selectFrom('members').select('id').where('grid_id', 'is not', null).execute(),
    }));
    expect(seen.grids.map((g) => g.id)).toEqual([bGrid]);
    expect(seen.buildings.map((x) => x.id)).not.toContain(A.building);
    expect(seen.residents.map((x) => x.id)).not.toContain(A.resident);
    expect(seen.assigned.map((x) => x.id)).not.toContain(A.member);
    const touched = await withScope(h.database.db, scopeB, async (trx) => [
      Number((await trx.updateTable('grids').set({ name: 'x' }).executeTakeFirst()).numUpdatedRows),
      Number((await trx.deleteFrom('residents').executeTakeFirst()).numDeletedRows),
      Number((await trx.updateTable('grid_buildings').set({ households: 0 }).executeTakeFirst()).numUpdatedRows),
    ]);
    expect(touched).toEqual([1, 0, 0]); // only B's own grid was renamed
    await expect(withScope(h.database.db, scopeB, (trx) =>
      trx.insertInto('residents').values({ grid_id: A.grid, name: '越权' }).execute())).rejects.toThrow(/row-level security/);
    await expect(withScope(h.database.db, scopeB, (trx) =>
      trx.insertInto('grids').values({ org_id: h.tree.branchAId, name: '越权' }).execute())).rejects.toThrow(/row-level security/);
    const still = await sql<{ n: string }>`SELECT count(*) AS n FROM residents WHERE grid_id = ${A.grid}::bigint`.execute(h.database.db);
    expect(Number(still.rows[0]!.n)).toBe(1);
  });
});
