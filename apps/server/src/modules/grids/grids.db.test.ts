import { expect, it } from 'vitest';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { send } from './grid-test-helpers.ts';

describeOnEngines('grids', (h) => {
  let a: Agent;
  let gridId: string;
  let memberIds: string[];
  const url = (p = '') => `/api/v1/grids${p}`;

  it('setup: secretary of A', async () => {
    a = await h.login(h.tree.users.secretaryA);
    memberIds = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchAId).orderBy('id').execute()).map((m) => m.id);
    expect(memberIds.length).toBe(5);
  });

  it('creates a grid in the village, served by its 党小组, and audits it', async () => {
    const res = await a.post(url(), { orgId: h.tree.branchAId, name: '第一网格', gridOrgId: h.tree.groupAId, leaderName: '王网格', leaderPhone: '13800001111' });
    expect(res.statusCode).toBe(201);
    const g = res.json();
    expect(g).toMatchObject({ name: '第一网格', orgId: h.tree.branchAId, gridOrgId: h.tree.groupAId, gridOrgName: '第一党小组', households: 0, memberCount: 0, buildings: [] });
    gridId = g.id;
    const row = await h.database.db.selectFrom('grids').selectAll().where('id', '=', gridId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ org_id: h.tree.branchAId, leader_phone: '13800001111', households: null });
    const log = await h.database.db.selectFrom('audit_log').select(['action', 'org_id', 'after']).where('entity_type', '=', 'grid').where('entity_id', '=', gridId).execute();
    expect(log).toEqual([expect.objectContaining({ action: 'grid.create', org_id: h.tree.branchAId })]);
    expect(log[0]!.after).toMatchObject({ name: '第一网格', leader_name: '王网格' });
  });

  it('refuses bad input with a stable code and the field named', async () => {
    const bad = await a.post(url(), { orgId: h.tree.branchAId, name: '第二网格', leaderPhone: '12345' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(bad.json().details.fields[0].field).toBe('body.leaderPhone');
    const extra = await a.post(url(), { orgId: h.tree.branchAId, name: 'x', color: 'red' });
    expect(extra.json().details.fields[0].field).toBe('body.color');
    expect((await a.post(url(), { orgId: h.tree.branchAId, name: 'x'.repeat(101) })).statusCode).toBe(400);
    const dup = await a.post(url(), { orgId: h.tree.branchAId, name: '第一网格' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('GRID_NAME_TAKEN');
    const town = await h.login(h.tree.users.town);
    const onTown = await town.post(url(), { orgId: h.tree.townId, name: '镇网格' });
    expect(onTown.json()).toMatchObject({ code: 'GRID_COMMUNITY_INVALID', details: { field: 'orgId' } });
    const foreignGroup = await town.post(url(), { orgId: h.tree.branchAId, name: '第二网格', gridOrgId: h.tree.groupBId });
    expect(foreignGroup.json()).toMatchObject({ code: 'GRID_ORG_INVALID', details: { field: 'gridOrgId' } });
    const n = await h.database.db.selectFrom('grids').select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', 'in', [h.tree.branchAId, h.tree.townId]).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(1);
  });

  it('households come from the buildings unless typed in', async () => {
    const b1 = await a.post(url(`/${gridId}/buildings`), { name: '3号楼', units: 2, households: 30 });
    expect(b1.statusCode).toBe(201);
    expect((await a.post(url(`/${gridId}/buildings`), { name: '12号楼', units: 1, households: 18 })).statusCode).toBe(201);
    expect((await a.post(url(`/${gridId}/buildings`), { name: '3号楼' })).json().code).toBe('GRID_BUILDING_NAME_TAKEN');
    expect((await a.post(url(`/${gridId}/buildings`), { name: '5号楼', households: -1 })).statusCode).toBe(400);
    let g = (await a.get(url(`/${gridId}`))).json();
    expect(g).toMatchObject({ households: 48, householdsEntered: null, buildingCount: 2 });
    expect(g.buildings.map((b: { name: string }) => b.name)).toEqual(['3号楼', '12号楼']);
    const upd = await send(h.app, a, 'PATCH', url(`/${gridId}/buildings/${b1.json().id}`), { households: 32 });
    expect(upd.json()).toMatchObject({ name: '3号楼', households: 32 });
    g = (await send(h.app, a, 'PATCH', url(`/${gridId}`), { households: 60 })).json();
    expect(g).toMatchObject({ households: 60, householdsEntered: 60 });
    g = (await send(h.app, a, 'PATCH', url(`/${gridId}`), { households: null, leaderName: '李网格' })).json();
    expect(g).toMatchObject({ households: 50, householdsEntered: null, leaderName: '李网格' });
    const log = await h.database.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'grid.update').where('entity_id', '=', gridId).orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(log.before).toMatchObject({ leaderName: '王网格', households: 60 });
    expect(log.after).toMatchObject({ leader_name: '李网格', households: null });
  });

  it('assigns members of the community, lists them, refuses others, removes one', async () => {
    const res = await a.post(url(`/${gridId}/members`), { memberIds: memberIds.slice(0, 2) });
    expect(res.json()).toEqual({ assigned: 2 });
    const listed = (await a.get(url(`/${gridId}/members`))).json().items.map((m: { id: string }) => m.id);
    expect(listed.sort()).toEqual(memberIds.slice(0, 2).sort());
    const rows = await h.database.db.selectFrom('members').select(['id', 'grid_id']).where('id', 'in', memberIds).execute();
    expect(rows.filter((r) => r.grid_id === gridId).length).toBe(2);
    expect((await a.get(url(`/${gridId}`))).json().memberCount).toBe(2);

    // The town secretary sees branch B's members, but they are not of this village.
    const town = await h.login(h.tree.users.town);
    const bMember = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchBId).executeTakeFirstOrThrow()).id;
    const out = await town.post(url(`/${gridId}/members`), { memberIds: [memberIds[2], bMember] });
    expect(out.statusCode).toBe(409);
    expect(out.json()).toMatchObject({ code: 'GRID_MEMBER_OUTSIDE_COMMUNITY', details: { ids: [bMember] } });
    expect((await h.database.db.selectFrom('members').select('grid_id').where('id', '=', memberIds[2]!).executeTakeFirstOrThrow()).grid_id).toBeNull();
    expect((await a.post(url(`/${gridId}/members`), { memberIds: ['999999999'] })).statusCode).toBe(404);

    const del = await send(h.app, a, 'DELETE', url(`/${gridId}/members/${memberIds[1]}`));
    expect(del.statusCode).toBe(200);
    expect((await send(h.app, a, 'DELETE', url(`/${gridId}/members/${memberIds[1]}`))).statusCode).toBe(404);
    const audit = await h.database.db.selectFrom('audit_log').select(['action', 'before']).where('action', '=', 'grid.members.assign').where('entity_id', '=', gridId).executeTakeFirstOrThrow();
    expect(audit.before).toEqual(expect.arrayContaining([{ memberId: memberIds[0], gridId: null }]));
  });

  it('residents: add, list (phones masked for readers), edit, refuse a foreign building', async () => {
    const g = (await a.get(url(`/${gridId}`))).json();
    const building = g.buildings[0].id;
    const r = await a.post(url(`/${gridId}/residents`), { name: '赵大娘', phone: '13912345678', address: '3号楼1单元101', buildingId: building });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ name: '赵大娘', phone: '13912345678', buildingName: '3号楼', isPartyMember: false });
    const rid = r.json().id;
    const other = (await a.post(url(), { orgId: h.tree.branchAId, name: '第三网格' })).json();
    const ob = (await a.post(url(`/${other.id}/buildings`), { name: '1号楼' })).json();
    expect((await a.post(url(`/${gridId}/residents`), { name: '钱', buildingId: ob.id })).json().code).toBe('GRID_BUILDING_INVALID');

    const member = await h.login(h.tree.users.memberA);
    const seen = (await member.get(url(`/${gridId}/residents`))).json();
    expect(seen.items[0].phone).toBe('139****5678');
    expect((await member.post(url(`/${gridId}/residents`), { name: '孙' })).statusCode).toBe(404);

    const upd = await send(h.app, a, 'PATCH', url(`/${gridId}/residents/${rid}`), { isPartyMember: true, buildingId: null });
    expect(upd.json()).toMatchObject({ isPartyMember: true, buildingId: null });
    const list = (await a.get(url(`/${gridId}/residents?q=赵`))).json();
    expect(list).toMatchObject({ total: 1, items: [{ id: rid, phone: '13912345678' }] });
    expect((await a.get(url(`/${gridId}`))).json().residentCount).toBe(1);
  });

  it('refuses to delete a grid with people, then deletes it once empty', async () => {
    const refused = await send(h.app, a, 'DELETE', url(`/${gridId}`));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'GRID_NOT_EMPTY', details: { memberCount: 1, residentCount: 1 } });
    const rid = (await a.get(url(`/${gridId}/residents`))).json().items[0].id;
    expect((await send(h.app, a, 'DELETE', url(`/${gridId}/residents/${rid}`))).statusCode).toBe(200);
    expect((await send(h.app, a, 'DELETE', url(`/${gridId}`))).statusCode).toBe(409);
    expect((await send(h.app, a, 'DELETE', url(`/${gridId}/members/${memberIds[0]}`))).statusCode).toBe(200);
    const ok = await send(h.app, a, 'DELETE', url(`/${gridId}`));
    expect(ok.json()).toEqual({ id: gridId, deleted: true });
    expect(await h.database.db.selectFrom('grids').select('id').where('id', '=', gridId).executeTakeFirst()).toBeUndefined();
    expect(await h.database.db.selectFrom('grid_buildings').select('id').where('grid_id', '=', gridId).executeTakeFirst()).toBeUndefined();
    const log = await h.database.db.selectFrom('audit_log').select('before').where('action', '=', 'grid.delete').where('entity_id', '=', gridId).executeTakeFirstOrThrow();
    expect((log.before as { buildings: unknown[] }).buildings).toHaveLength(2);
  });

  it('lists a subtree page by page with a total, and groups grids by community for the tree', async () => {
    for (const name of ['甲一网格', '甲二网格']) expect((await a.post(url(), { orgId: h.tree.branchAId, name })).statusCode).toBe(201);
    const town = await h.login(h.tree.users.town);
    const p1 = (await town.get(url(`?orgId=${h.tree.townId}&pageSize=2`))).json();
    const p2 = (await town.get(url(`?orgId=${h.tree.townId}&pageSize=2&page=2`))).json();
    const inDb = await h.database.db.selectFrom('grids').select('id').where('org_id', '=', h.tree.branchAId).execute();
    expect(p1.total).toBe(inDb.length);
    expect([...p1.items, ...p2.items].map((g: { id: string }) => g.id).sort()).toEqual(inDb.map((g) => g.id).sort());
    expect((await town.get(url(`?orgId=${h.tree.townId}&q=甲一`))).json().total).toBe(1);
    const tree = (await town.get(url('/tree'))).json();
    expect(tree.communities).toEqual([{ orgId: h.tree.branchAId, grids: expect.any(Array) }]);
    expect(tree.communities[0].grids).toHaveLength(inDb.length);
    expect((await town.get(url(`/tree?orgId=${h.tree.branchBId}`))).json()).toEqual({ communities: [] });
  });
});
