import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines, type Harness } from '../../test/harness.ts';

const count = async (h: Harness, table: 'study_lessons' | 'study_selection_scores' | 'study_selection_items') =>
  Number((await h.database.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describeOnEngines('lessons and selection', (h) => {
  let lessonId = '';
  let roundId = '';
  let itemId = '';

  it('records lessons and counts them per lecturer per year', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const memberId = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchAId).orderBy('id').executeTakeFirstOrThrow()).id;
    const base = { orgId: h.tree.branchAId, title: '学习党章', lecturerMemberId: memberId, lecturerIsLeader: true };
    const first = await a.post('/api/v1/lessons', { ...base, heldOn: '2026-03-01', attendeesFromRoster: true });
    expect(first.statusCode).toBe(201);
    expect(first.json().attendees).toBe(5);
    lessonId = first.json().id;
    await a.post('/api/v1/lessons', { ...base, heldOn: '2026-07-01', attendees: 4 });
    await a.post('/api/v1/lessons', { ...base, heldOn: '2025-07-01', attendees: 4 });
    await a.post('/api/v1/lessons', { orgId: h.tree.branchAId, heldOn: '2026-05-01', title: '党史', lecturerName: '外请专家', lecturerPost: '党校教授' });
    const outsider = await a.post('/api/v1/lessons', { orgId: h.tree.branchAId, heldOn: '2026-05-01', title: 'x', lecturerMemberId: (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchBId).executeTakeFirstOrThrow()).id });
    expect(outsider.json().code).toBe('STUDY_LECTURER_INVALID');
    expect((await a.post('/api/v1/lessons', { orgId: h.tree.branchAId, heldOn: '2026-13-01', title: 'x', lecturerName: 'y' })).statusCode).toBe(400);
    const counts = (await a.get(`/api/v1/lessons/lecturers?orgId=${h.tree.branchAId}&year=2026`)).json().items;
    expect(counts[0]).toMatchObject({ lecturerMemberId: memberId, isLeader: true, count: 2 });
    expect(counts[1]).toMatchObject({ lecturerName: '外请专家', count: 1 });
    expect((await a.get(`/api/v1/lessons?orgId=${h.tree.branchAId}&year=2026`)).json().total).toBe(3);
  });

  it('a committee scores nominees once each; results rank by average', async () => {
    const t = await h.login(h.tree.users.town);
    const users = await h.database.db.selectFrom('users').select(['id', 'username']).where('username', 'in', [h.tree.users.town, h.tree.users.secretaryA]).execute();
    const res = await t.post('/api/v1/lessons/selections', { orgId: h.tree.townId, kind: 'demo_lesson', title: '2026 年示范党课评选', committee: users.map((u) => u.id) });
    expect(res.statusCode).toBe(201);
    roundId = res.json().id;
    itemId = (await t.post(`/api/v1/lessons/selections/${roundId}/items`, { lessonId, nominee: '学习党章' })).json().id;
    const other = (await t.post(`/api/v1/lessons/selections/${roundId}/items`, { nominee: '外请专家《党史》' })).json().id;
    expect((await t.post(`/api/v1/lessons/selections/${roundId}/items/${itemId}/score`, { score: 90 })).statusCode).toBe(201);
    expect((await t.post(`/api/v1/lessons/selections/${roundId}/items/${itemId}/score`, { score: 10 })).json().code).toBe('STUDY_ALREADY_SCORED');
    expect((await t.post(`/api/v1/lessons/selections/${roundId}/items/${itemId}/score`, { score: 101 })).statusCode).toBe(400);
    await t.post(`/api/v1/lessons/selections/${roundId}/items/${other}/score`, { score: 70 });
    const a = await h.login(h.tree.users.secretaryA);
    expect((await a.post(`/api/v1/lessons/selections/${roundId}/items/${itemId}/score`, { score: 80 })).statusCode).toBe(201);
    const m = await h.login(h.tree.users.memberA);
    expect([403, 404]).toContain((await m.post(`/api/v1/lessons/selections/${roundId}/items/${other}/score`, { score: 100 })).statusCode);
    const r = (await t.get(`/api/v1/lessons/selections/${roundId}/results`)).json();
    expect(r.items.map((i: { nominee: string; average: number; rank: number }) => [i.nominee, i.average, i.rank])).toEqual([['学习党章', 85, 1], ['外请专家《党史》', 70, 2]]);
  });

  it('branch B can neither read nor change A\'s lessons or rounds', async () => {
    const b = await h.login(h.tree.users.secretaryB);
    const before = [await count(h, 'study_lessons'), await count(h, 'study_selection_scores'), await count(h, 'study_selection_items')];
    expect([403, 404]).toContain((await b.get(`/api/v1/lessons?orgId=${h.tree.branchAId}`)).statusCode);
    expect([403, 404]).toContain((await b.get(`/api/v1/lessons/lecturers?orgId=${h.tree.branchAId}&year=2026`)).statusCode);
    expect([403, 404]).toContain((await b.post('/api/v1/lessons', { orgId: h.tree.branchAId, heldOn: '2026-05-01', title: 'x', lecturerName: 'y' })).statusCode);
    expect([403, 404]).toContain((await b.post('/api/v1/lessons/selections', { orgId: h.tree.branchAId, kind: 'demo_lesson', title: 'x', committee: ['1'] })).statusCode);
    // The town round is above B but B is not on its committee and does not manage it.
    expect((await b.get('/api/v1/lessons/selections')).json().items).toEqual([]);
    expect([403, 404]).toContain((await b.post(`/api/v1/lessons/selections/${roundId}/items`, { nominee: 'x' })).statusCode);
    expect([403, 404]).toContain((await b.post(`/api/v1/lessons/selections/${roundId}/items/${itemId}/score`, { score: 1 })).statusCode);
    expect([403, 404]).toContain((await b.get(`/api/v1/lessons/selections/${roundId}/results`)).statusCode);
    expect([await count(h, 'study_lessons'), await count(h, 'study_selection_scores'), await count(h, 'study_selection_items')]).toEqual(before);
    const seen = await withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.selectFrom('study_lessons').select('id').execute());
    expect(seen).toEqual([]);
  });
});
