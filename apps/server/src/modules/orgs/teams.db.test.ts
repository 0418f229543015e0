import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { addMembers, dayOffset, send } from './org-admin.test-helpers.ts';

describeOnEngines('teams, 换届提醒, size report', (h) => {
  let town: Agent;
  const db = () => h.database.db;

  it('setup', async () => {
    town = await h.login(h.tree.users.town);
  });

  it('creates a team with a linked member and an outsider; the member name comes from the record; audited', async () => {
    const [m0] = await db().selectFrom('members').select(['id', 'name']).where('org_id', '=', h.tree.branchAId).orderBy('id').execute();
    const r = await town.post(`/api/v1/orgs/${h.tree.branchAId}/teams`, {
      sessionNo: 3, termStart: '2024-03-01', termEnd: '2029-02-28',
      members: [{ memberId: m0!.id, post: 'secretary' }, { name: '王外聘', post: 'member', note: '驻村第一书记' }],
    });
    expect(r.statusCode).toBe(201);
    const team = r.json();
    expect(team).toMatchObject({ orgId: h.tree.branchAId, sessionNo: 3, termEnd: '2029-02-28' });
    expect(team.members).toEqual([
      expect.objectContaining({ memberId: m0!.id, name: m0!.name, post: 'secretary' }),
      expect.objectContaining({ memberId: null, name: '王外聘', post: 'member' }),
    ]);
    const one = (await town.get(`/api/v1/orgs/${h.tree.branchAId}/teams/${team.id}`)).json();
    expect(one.members.map((m: { name: string }) => m.name)).toEqual([m0!.name, '王外聘']);
    const list = (await town.get(`/api/v1/orgs/${h.tree.branchAId}/teams`)).json();
    expect(list.items.map((t: { id: string }) => t.id)).toEqual([team.id]);
    const audit = await db().selectFrom('audit_log').select('action').where('entity_type', '=', 'org_team').where('entity_id', '=', team.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['org_team.create']);
  });

  it('refuses a member of another branch, an outsider without a name, two secretaries, an end before the start', async () => {
    const [b0] = await db().selectFrom('members').select('id').where('org_id', '=', h.tree.branchBId).execute();
    const post = (body: object) => town.post(`/api/v1/orgs/${h.tree.branchAId}/teams`, { termStart: '2024-01-01', termEnd: '2027-01-01', ...body });
    expect((await post({ members: [{ memberId: b0!.id, post: 'secretary' }] })).json()).toMatchObject({ code: 'TEAM_MEMBER_NOT_IN_ORG', details: { field: 'members.0.memberId' } });
    expect((await post({ members: [{ post: 'member' }] })).json().code).toBe('TEAM_MEMBER_NAME_REQUIRED');
    expect((await post({ members: [{ name: '甲', post: 'secretary' }, { name: '乙', post: 'secretary' }] })).json().code).toBe('TEAM_DUPLICATE_SECRETARY');
    expect((await post({ termEnd: '2023-01-01' })).json().code).toBe('TEAM_TERM_INVALID');
    expect((await post({ members: [{ name: '甲', post: 'chairman' }] })).statusCode).toBe(400);
    const n = await db().selectFrom('org_teams').select('id').where('org_id', '=', h.tree.branchAId).execute();
    expect(n).toHaveLength(1);
  });

  it('updates the term and replaces the members; deletes a team', async () => {
    const team = (await town.get(`/api/v1/orgs/${h.tree.branchAId}/teams`)).json().items[0];
    const r = await send(h, town, 'PATCH', `/api/v1/orgs/${h.tree.branchAId}/teams/${team.id}`, {
      termEnd: '2029-03-01', members: [{ name: '李新', post: 'deputy_secretary' }],
    });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ termStart: '2024-03-01', termEnd: '2029-03-01', members: [{ name: '李新', post: 'deputy_secretary' }] });
    const extra = (await town.post(`/api/v1/orgs/${h.tree.branchAId}/teams`, { termStart: '2010-01-01', termEnd: '2013-01-01' })).json();
    const del = await send(h, town, 'DELETE', `/api/v1/orgs/${h.tree.branchAId}/teams/${extra.id}`);
    expect(del.statusCode).toBe(200);
    expect(await db().selectFrom('org_teams').select('id').where('id', '=', extra.id).execute()).toEqual([]);
    // The team id must belong to the organization in the path.
    expect((await send(h, town, 'DELETE', `/api/v1/orgs/${h.tree.branchBId}/teams/${team.id}`)).statusCode).toBe(404);
  });

  it('换届提醒 lists the latest team per org ending within 90 days or ended, soonest first, with days left', async () => {
    const mk = async (name: string) => (await town.post('/api/v1/orgs', { parentId: h.tree.townId, type: 'branch', name })).json().id as string;
    const [ended, soon, far, renewed] = [await mk('已届满村党支部'), await mk('将届满村党支部'), await mk('远期村党支部'), await mk('已换届村党支部')];
    const team = (org: string, s: number, e: number) => town.post(`/api/v1/orgs/${org}/teams`, { termStart: dayOffset(s), termEnd: dayOffset(e) });
    await team(ended, -1900, -10);
    await team(soon, -1000, 30);
    await team(far, -100, 1000);
    await team(renewed, -1900, -20);
    await team(renewed, -19, 1800);
    const r = await town.get(`/api/v1/orgs/teams/expiring?orgId=${h.tree.townId}`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const mine = body.items.filter((i: { orgId: string }) => [ended, soon, far, renewed].includes(i.orgId));
    expect(mine.map((i: { orgId: string }) => i.orgId)).toEqual([ended, soon]);
    expect(mine[0]).toMatchObject({ expired: true });
    expect(mine[0].daysLeft).toBeLessThan(0);
    expect(mine[1].daysLeft).toBeGreaterThan(25);
    expect(mine[1].expired).toBe(false);
    const ends = body.items.map((i: { termEnd: string }) => i.termEnd);
    expect([...ends].sort()).toEqual(ends);
    const all = (await town.get('/api/v1/orgs/teams/expiring')).json();
    expect(all.total).toBe(body.total);
    expect((await town.get(`/api/v1/orgs/teams/expiring?orgId=${h.tree.townId}&pageSize=1`)).json().items).toHaveLength(1);
  });

  it('size report: every branch-level org of the subtree with counts and warnings, paged; Excel export', async () => {
    const big = (await town.post('/api/v1/orgs', { parentId: h.tree.townId, type: 'branch', name: '规模超标村党支部' })).json().id as string;
    const g = (await town.post('/api/v1/orgs', { parentId: big, type: 'group', name: '第一党小组' })).json().id as string;
    await addMembers(h, big, 40, 'full');
    await addMembers(h, g, 12, 'probationary');
    const r = await town.get(`/api/v1/orgs/${h.tree.townId}/size-report?pageSize=200`);
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const row = body.items.find((i: { orgId: string }) => i.orgId === big);
    expect(row).toMatchObject({ full: 40, probationary: 12, total: 52, hasTeam: false });
    expect(row.warnings.map((w: { code: string }) => w.code)).toEqual(['BRANCH_TOO_LARGE', 'BRANCH_NEEDS_COMMITTEE']);
    expect(body.items.some((i: { type: string }) => i.type === 'group' || i.type === 'town_committee')).toBe(false);
    const a = body.items.find((i: { orgId: string }) => i.orgId === h.tree.branchAId);
    const aCount = await db().selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select((eb) => eb.fn.countAll<string>().as('n'))
      .where(sql<boolean>`o.path <@ ${h.tree.paths.branchA}::ltree`).executeTakeFirstOrThrow();
    expect(a.total).toBe(Number(aCount.n));
    const paged = (await town.get(`/api/v1/orgs/${h.tree.townId}/size-report?page=1&pageSize=2`)).json();
    expect(paged.items).toHaveLength(2);
    expect(paged.total).toBe(body.total);
    const warned = (await town.get(`/api/v1/orgs/${h.tree.townId}/size-report?onlyWarnings=true&pageSize=200`)).json();
    expect(warned.items.every((i: { warnings: unknown[] }) => i.warnings.length > 0)).toBe(true);

    const x = await town.get(`/api/v1/orgs/${h.tree.townId}/size-report/export`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('支部规模')!;
    expect(ws.rowCount).toBe(body.total + 1);
    const names = ws.getColumn(2).values.slice(2);
    expect(names).toContain('规模超标村党支部');
  });
});
