import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { addMembers, send } from './org-admin.test-helpers.ts';

describeOnEngines('org admin: create, rename, history', (h) => {
  let town: Agent;
  const db = () => h.database.db;
  const create = (body: Record<string, unknown>) => town.post('/api/v1/orgs', body);

  it('setup', async () => {
    town = await h.login(h.tree.users.town);
  });

  it('creates a branch under the town and a 党小组 under it; both in the tree, recorded in history and audit', async () => {
    const r1 = await create({ parentId: h.tree.townId, type: 'branch', name: '新建村党支部', code: 'C-01', sortOrder: 9 });
    expect(r1.statusCode).toBe(201);
    const branch = r1.json();
    expect(branch).toMatchObject({ parentId: h.tree.townId, type: 'branch', status: 'active', code: 'C-01', sortOrder: 9 });
    expect(branch.path).toBe(`${h.tree.paths.town}.${branch.id}`);
    const r2 = await create({ parentId: branch.id, type: 'group', name: '第一党小组' });
    expect(r2.statusCode).toBe(201);
    expect(r2.json().sortOrder).toBe(1); // no sort order given: after the last sibling
    const tree = (await town.get('/api/v1/orgs/tree')).json() as { nodes: { id: string; childCount: number }[] };
    expect(tree.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([branch.id, r2.json().id]));
    expect(tree.nodes.find((n) => n.id === branch.id)?.childCount).toBe(1);
    const hist = await db().selectFrom('org_history').selectAll().where('org_id', '=', branch.id).execute();
    expect(hist).toHaveLength(1);
    expect(hist[0]).toMatchObject({ action: 'create', actor_name: '测试镇书记' });
    expect(hist[0]!.after).toMatchObject({ name: '新建村党支部' });
    const audit = await db().selectFrom('audit_log').select('action').where('entity_id', '=', branch.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['org.create']);
  });

  it('refuses a type the parent does not allow (400 ORG_PARENT_TYPE_INVALID) and inserts nothing', async () => {
    const count = async () => Number((await db().selectFrom('orgs').select((eb) => eb.fn.countAll<string>().as('n'))
      .where(sql<boolean>`path <@ ${h.tree.paths.root}::ltree`).executeTakeFirstOrThrow()).n);
    const before = await count();
    const r = await create({ parentId: h.tree.townId, type: 'group', name: '错误党小组' });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({ code: 'ORG_PARENT_TYPE_INVALID', details: { field: 'type' } });
    const r2 = await create({ parentId: h.tree.branchAId, type: 'building_group', name: '一号楼党小组' });
    expect(r2.json().code).toBe('ORG_PARENT_TYPE_INVALID');
    const r3 = await create({ parentId: h.tree.groupAId, type: 'group', name: '小组下的小组' });
    expect(r3.json().code).toBe('ORG_PARENT_TYPE_INVALID');
    expect(await count()).toBe(before);
  });

  it('the six-level chain 街道→社区党委→网格党支部→楼栋党小组→党员中心户→楼栋长 can be built', async () => {
    const admin = await h.login(h.tree.users.admin);
    let parent = h.tree.rootId;
    const chain = [['street_committee', '测试街道党工委'], ['party_committee', '测试社区大党委'], ['grid_branch', '第一网格党支部'],
      ['building_group', '一号楼党小组'], ['center_household', '张家党员中心户'], ['building_lead', '一号楼楼栋长']];
    for (const [type, name] of chain) {
      const r = await admin.post('/api/v1/orgs', { parentId: parent, type, name });
      expect(r.statusCode, `${type}: ${r.body}`).toBe(201);
      parent = r.json().id;
    }
  });

  it('a 临时党支部 needs reason and end date; a 楼宇党支部 its kind', async () => {
    const bad = await create({ parentId: h.tree.townId, type: 'temp_branch', name: '项目临时党支部', tempReason: '流动党员集中' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'ORG_TEMP_FIELDS_REQUIRED', details: { field: 'validUntil' } });
    const ok = await create({ parentId: h.tree.townId, type: 'temp_branch', name: '项目临时党支部', tempReason: '流动党员集中', validUntil: '2027-06-30' });
    expect(ok.statusCode).toBe(201);
    const row = await db().selectFrom('orgs').select(['temp_reason', 'valid_until']).where('id', '=', ok.json().id).executeTakeFirstOrThrow();
    expect(row).toEqual({ temp_reason: '流动党员集中', valid_until: '2027-06-30' });
    expect((await create({ parentId: h.tree.townId, type: 'building_branch', name: '摩尔城楼宇党支部' })).json().code).toBe('ORG_BUILDING_KIND_REQUIRED');
    const b = await create({ parentId: h.tree.townId, type: 'building_branch', name: '摩尔城楼宇党支部', buildingKind: 'hub' });
    expect(b.json()).toMatchObject({ buildingKind: 'hub' });
  });

  it('bad input is 400 naming the field; a duplicate sibling name 409', async () => {
    const r = await create({ parentId: h.tree.townId, type: 'branch', name: '' });
    expect(r.statusCode).toBe(400);
    expect(r.json().details.fields[0].field).toBe('body.name');
    const extra = await create({ parentId: h.tree.townId, type: 'branch', name: '多余字段党支部', foo: 1 });
    expect(extra.statusCode).toBe(400);
    const dup = await create({ parentId: h.tree.townId, type: 'branch', name: '新建村党支部' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('ORG_NAME_TAKEN');
  });

  it('a rename needs a reason; it is recorded as rename with before and after', async () => {
    const noReason = await send(h, town, 'PATCH', `/api/v1/orgs/${h.tree.branchAId}`, { name: '甲社区党支部' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json()).toMatchObject({ code: 'ORG_REASON_REQUIRED', details: { field: 'reason' } });
    const old = await db().selectFrom('orgs').select('name').where('id', '=', h.tree.branchAId).executeTakeFirstOrThrow();
    const r = await send(h, town, 'PATCH', `/api/v1/orgs/${h.tree.branchAId}`, { name: '甲社区党支部', shortName: '甲社区', reason: '村改社区' });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ name: '甲社区党支部', shortName: '甲社区' });
    const hist = (await town.get(`/api/v1/orgs/${h.tree.branchAId}/history`)).json();
    expect(hist.items[0]).toMatchObject({ action: 'rename', reason: '村改社区', before: { name: old.name }, after: { name: '甲社区党支部' } });
    const audit = await db().selectFrom('audit_log').select(['after']).where('action', '=', 'org.rename').where('entity_id', '=', h.tree.branchAId).execute();
    expect(audit[0]?.after).toMatchObject({ name: '甲社区党支部', reason: '村改社区' });
    // Other fields without a name change need no reason.
    expect((await send(h, town, 'PATCH', `/api/v1/orgs/${h.tree.branchAId}`, { code: 'A-1' })).statusCode).toBe(200);
  });

  it('a secretary cannot rename its own branch (the higher committee does)', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const r = await send(h, a, 'PATCH', `/api/v1/orgs/${h.tree.branchAId}`, { name: '自改名称党支部', reason: '试' });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('ORG_ROOT_LOCKED');
  });

  it('move writes history; history pages newest first with a total', async () => {
    const g = (await create({ parentId: h.tree.branchAId, type: 'group', name: '待移动党小组' })).json();
    expect((await town.post(`/api/v1/orgs/${g.id}/move`, { newParentId: h.tree.branchBId, reason: '调整' })).statusCode).toBe(200);
    const p1 = (await town.get(`/api/v1/orgs/${g.id}/history?page=1&pageSize=1`)).json();
    expect(p1.total).toBe(2);
    expect(p1.items).toHaveLength(1);
    expect(p1.items[0]).toMatchObject({ action: 'move', reason: '调整', after: { parentId: h.tree.branchBId } });
    const p2 = (await town.get(`/api/v1/orgs/${g.id}/history?page=2&pageSize=1`)).json();
    expect(p2.items[0].action).toBe('create');
    expect((await town.get(`/api/v1/orgs/${g.id}/history?pageSize=999`)).statusCode).toBe(400);
  });

  it('detail warnings are computed from members and teams', async () => {
    const big = (await create({ parentId: h.tree.townId, type: 'branch', name: '大村党支部' })).json();
    const codes = async (id: string) => ((await town.get(`/api/v1/orgs/${id}`)).json().warnings as { code: string }[]).map((w) => w.code);
    expect(await codes(big.id)).toEqual(['BRANCH_TOO_FEW_FULL']);
    await addMembers(h, big.id, 8, 'full');
    expect(await codes(big.id)).toEqual(['BRANCH_NEEDS_COMMITTEE']);
    await addMembers(h, big.id, 43, 'probationary');
    expect(await codes(big.id)).toEqual(['BRANCH_TOO_LARGE', 'BRANCH_NEEDS_COMMITTEE']);
    const team = await town.post(`/api/v1/orgs/${big.id}/teams`, { termStart: '2019-01-01', termEnd: '2024-01-01' });
    expect(team.statusCode).toBe(201);
    expect(await codes(big.id)).toEqual(['BRANCH_TOO_LARGE', 'TEAM_TERM_EXPIRED']);
    const detail = (await town.get(`/api/v1/orgs/${big.id}`)).json();
    expect(detail.warnings[0].message).toContain('51');
  });
});
