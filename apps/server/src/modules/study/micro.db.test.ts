import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';

const MP4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(2048, 1)]);

describeOnEngines('micro-lessons and votes', (h) => {
  let linkId = '';
  let fileId = '';
  let roundId = '';

  it('members submit; secretaries review; uploads are typed by their bytes', async () => {
    const m = await h.login(h.tree.users.memberA);
    const link = await m.post('/api/v1/lessons/micro', { title: '我的入党故事', link: 'https://example.org/v/1' });
    expect(link.statusCode).toBe(201);
    expect(link.json()).toMatchObject({ status: 'pending', mine: true, reviewable: false });
    linkId = link.json().id;
    const up = await m.post(`/api/v1/lessons/micro/upload?title=${encodeURIComponent('微视频')}&fileName=a.mp4`, MP4, { 'content-type': 'video/mp4' });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ fileType: 'video/mp4', fileSize: MP4.length });
    fileId = up.json().id;
    const fake = await m.post('/api/v1/lessons/micro/upload?title=x', Buffer.from('MZ not a video'), { 'content-type': 'video/mp4' });
    expect(fake.statusCode).toBe(415);

    const a = await h.login(h.tree.users.secretaryA);
    const pending = (await a.get('/api/v1/lessons/micro?status=pending')).json().items;
    expect(pending.map((i: { id: string }) => i.id).sort()).toEqual([linkId, fileId].sort());
    expect((await a.post(`/api/v1/lessons/micro/${linkId}/review`, { approve: false })).json().code).toBe('STUDY_REJECT_REASON_REQUIRED');
    expect((await a.post(`/api/v1/lessons/micro/${linkId}/review`, { approve: true })).json().status).toBe('approved');
    expect((await a.post(`/api/v1/lessons/micro/${linkId}/review`, { approve: true })).json().code).toBe('STUDY_ALREADY_REVIEWED');
    const file = await a.get(`/api/v1/lessons/micro/${fileId}/file`);
    expect(file.headers['content-type']).toBe('video/mp4');
    expect(file.rawPayload.equals(MP4)).toBe(true);
  });

  it('one vote per member per round, only for approved entries', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    roundId = (await a.post('/api/v1/lessons/vote-rounds', { orgId: h.tree.branchAId, title: '优秀微党课评选' })).json().id;
    const m = await h.login(h.tree.users.memberA);
    expect((await m.post(`/api/v1/lessons/vote-rounds/${roundId}/vote`, { microLessonId: fileId })).json().code).toBe('STUDY_NOT_APPROVED');
    expect((await m.post(`/api/v1/lessons/vote-rounds/${roundId}/vote`, { microLessonId: linkId })).statusCode).toBe(201);
    expect((await m.post(`/api/v1/lessons/vote-rounds/${roundId}/vote`, { microLessonId: linkId })).json().code).toBe('STUDY_ALREADY_VOTED');
    expect((await a.post(`/api/v1/lessons/vote-rounds/${roundId}/vote`, { microLessonId: linkId })).statusCode).toBe(201);
    const r = (await m.get(`/api/v1/lessons/vote-rounds/${roundId}/results`)).json();
    expect(r).toMatchObject({ totalVotes: 2, round: { myVote: linkId } });
    expect(r.items).toEqual([expect.objectContaining({ microLessonId: linkId, votes: 2 })]);
  });

  it('branch B can neither see, review nor vote in A\'s round', async () => {
    const b = await h.login(h.tree.users.secretaryB);
    const snapshot = async () => [await h.database.db.selectFrom('study_votes').selectAll().execute(), await h.database.db.selectFrom('study_micro_lessons').select(['id', 'status']).orderBy('id').execute()];
    const before = await snapshot();
    expect((await b.get('/api/v1/lessons/micro')).json().items).toEqual([]);
    expect((await b.get('/api/v1/lessons/vote-rounds')).json().items).toEqual([]);
    expect([403, 404]).toContain((await b.post(`/api/v1/lessons/micro/${fileId}/review`, { approve: true })).statusCode);
    expect([403, 404]).toContain((await b.get(`/api/v1/lessons/micro/${fileId}/file`)).statusCode);
    expect([403, 404]).toContain((await b.post(`/api/v1/lessons/vote-rounds/${roundId}/vote`, { microLessonId: linkId })).statusCode);
    expect([403, 404]).toContain((await b.get(`/api/v1/lessons/vote-rounds/${roundId}/results`)).statusCode);
    expect([403, 404]).toContain((await b.post('/api/v1/lessons/vote-rounds', { orgId: h.tree.branchAId, title: 'x' })).statusCode);
    expect(await snapshot()).toEqual(before);
    const seen = await withScope(h.database.db, [h.tree.paths.branchB], async (trx) => [
      ...(await trx.selectFrom('study_micro_lessons').select('id').execute()), ...(await trx.selectFrom('study_votes').select('id').execute()),
      ...(await trx.selectFrom('study_vote_rounds').select('id').execute()),
    ]);
    expect(seen).toEqual([]);
  });
});
