import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines, type Harness } from '../../test/harness.ts';

const memberOf = async (h: Harness, username: string) =>
  (await h.database.db.selectFrom('users').select('member_id').where('username', '=', username).executeTakeFirstOrThrow()).member_id!;

describeOnEngines('trainings', (h) => {
  let trainingId = '';

  it('enrols, takes attendance per session and completes on hours', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const created = await a.post('/api/v1/trainings', {
      orgId: h.tree.branchAId, title: '2026 年党员冬训', requiredHours: 4,
      sessions: [{ heldOn: '2026-12-01', title: '党章', hours: 2 }, { heldOn: '2026-12-02', title: '党史', hours: 2 }, { heldOn: '2026-12-03', title: '实践', hours: 1.5 }],
    });
    expect(created.statusCode).toBe(201);
    trainingId = created.json().id;
    expect((await a.post('/api/v1/trainings', { orgId: h.tree.branchAId, title: 'x', requiredHours: 1, sessions: [] })).statusCode).toBe(400);
    const memberA = await memberOf(h, h.tree.users.memberA);
    const other = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchAId).where('id', '!=', memberA).executeTakeFirstOrThrow()).id;
    const outsider = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchBId).executeTakeFirstOrThrow()).id;
    expect((await a.post(`/api/v1/trainings/${trainingId}/enrol`, { memberIds: [outsider] })).statusCode).toBe(404);
    expect((await a.post(`/api/v1/trainings/${trainingId}/enrol`, { memberIds: [memberA, other] })).statusCode).toBe(200);
    const list = (await a.get('/api/v1/trainings')).json().items.find((t: { id: string }) => t.id === trainingId);
    expect(list).toMatchObject({ enrolled: 2, totalHours: 5.5, completed: 0 });
    const [s1, s2, s3] = list.sessions.map((s: { id: string }) => s.id);
    await a.post(`/api/v1/trainings/${trainingId}/sessions/${s1}/attendance`, { memberIds: [memberA, other] });
    await a.post(`/api/v1/trainings/${trainingId}/sessions/${s2}/attendance`, { memberIds: [memberA] });
    await a.post(`/api/v1/trainings/${trainingId}/sessions/${s3}/attendance`, { memberIds: [other] });
    const roster = (await a.get(`/api/v1/trainings/${trainingId}/roster`)).json().items;
    const byId = Object.fromEntries(roster.map((r: { memberId: string }) => [r.memberId, r]));
    expect(byId[memberA]).toMatchObject({ attendedHours: 4, completed: true });
    expect(byId[other]).toMatchObject({ attendedHours: 3.5, completed: false });
    const m = await h.login(h.tree.users.memberA);
    expect((await m.get('/api/v1/trainings/mine')).json()).toMatchObject({ totalHours: 4, items: [{ trainingId, completed: true }] });
    expect([403, 404]).toContain((await m.get(`/api/v1/trainings/${trainingId}/roster`)).statusCode);
  });

  it('branch B can neither see nor manage A\'s class', async () => {
    const b = await h.login(h.tree.users.secretaryB);
    const snap = async () => [await h.database.db.selectFrom('training_enrolments').selectAll().execute(), await h.database.db.selectFrom('training_attendance').selectAll().execute()];
    const before = await snap();
    const bMember = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchBId).executeTakeFirstOrThrow()).id;
    expect((await b.get('/api/v1/trainings')).json().items.map((t: { id: string }) => t.id)).not.toContain(trainingId);
    expect([403, 404]).toContain((await b.get(`/api/v1/trainings/${trainingId}/roster`)).statusCode);
    expect([403, 404]).toContain((await b.post(`/api/v1/trainings/${trainingId}/enrol`, { memberIds: [bMember] })).statusCode);
    expect([403, 404]).toContain((await b.post(`/api/v1/trainings/${trainingId}/sessions/1/attendance`, { memberIds: [bMember] })).statusCode);
    expect([403, 404]).toContain((await b.post('/api/v1/trainings', { orgId: h.tree.branchAId, title: 'x', requiredHours: 1, sessions: [{ heldOn: '2026-12-01', title: 'x', hours: 1 }] })).statusCode);
    expect(await snap()).toEqual(before);
    const seen = await withScope(h.database.db, [h.tree.paths.branchB], async (trx) => [
      ...(await trx.selectFrom('trainings').select('id').execute()), ...(await trx.selectFrom('training_sessions').select('id').execute()),
      ...(await trx.selectFrom('training_enrolments').select('member_id as id').execute()),
    ]);
    expect(seen).toEqual([]);
  });
});
