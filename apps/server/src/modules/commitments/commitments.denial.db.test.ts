import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { anon, approvedCommitment, JPEG, memberIdOf, send, year } from './commitments.test-helpers.ts';

describeOnEngines('commitments denial', (h) => {
  /** Everything a sibling could change, to compare before and after. */
  const snapshot = async () => {
    const db = h.database.db;
    return {
      commitments: await db.selectFrom('commitments').selectAll().orderBy('id').execute(),
      progress: await db.selectFrom('commitment_progress').selectAll().orderBy('id').execute(),
      feedback: await db.selectFrom('commitment_feedback').selectAll().orderBy('id').execute(),
      photos: await db.selectFrom('commitment_photos').select(['id', 'member_id', 'kind']).orderBy('id').execute(),
      points: await db.selectFrom('points_entries').select('id').where('source_type', '=', 'commitment').execute(),
    };
  };

  it('the secretary of sibling branch B and a member of another branch can neither read nor change A\'s commitments', async () => {
    const id = await approvedCommitment(h, '甲村党员承诺：每月走访 3 户');
    const sa = await h.login(h.tree.users.secretaryA);
    const progressId = (await sa.post(`/api/v1/commitments/${id}/progress`, { onDate: '2026-01-05', note: '甲村走访记录' })).json().progress[0].id;
    const fid = (await anon(h, 'POST', `/api/v1/public/commitments/${id}/feedback`, { content: '甲村群众的评价内容' }, '10.8.0.1')).json().id;
    const draft = (await (await h.login(h.tree.users.memberA)).post('/api/v1/commitments', { year: year(), content: '甲村草稿承诺内容' })).json().id;
    const memberA = await memberIdOf(h, h.tree.users.memberA);
    const photo = (await send(h, sa, 'POST', `/api/v1/commitments/photos/members/${memberA}`, JPEG, 'image/jpeg')).json().id;
    const before = await snapshot();

    const A = h.tree.branchAId;
    const b = await h.login(h.tree.users.secretaryB);
    const answers = [
      await b.get(`/api/v1/commitments?orgId=${A}`),
      await b.get(`/api/v1/commitments/export?orgId=${A}`),
      await b.get(`/api/v1/commitments/${id}`),
      await b.post('/api/v1/commitments', { year: year(), content: '乙村替甲村党员写承诺', memberId: memberA }),
      await b.post('/api/v1/commitments', { year: year(), content: '乙村替甲村写班子承诺', branchOrgId: A }),
      await send(h, b, 'PATCH', `/api/v1/commitments/${draft}`, { content: '乙村改写甲村承诺' }),
      await send(h, b, 'DELETE', `/api/v1/commitments/${draft}`),
      await b.post(`/api/v1/commitments/${draft}/submit`),
      await b.post(`/api/v1/commitments/${id}/vet`, { decision: 'return', reason: '乙村退回' }),
      await b.post(`/api/v1/commitments/${id}/progress`, { onDate: '2026-01-06', note: '乙村记录' }),
      await send(h, b, 'POST', `/api/v1/commitments/${id}/progress/${progressId}/photo`, JPEG, 'image/jpeg'),
      await b.post(`/api/v1/commitments/${id}/complete`, { note: '乙村确认完成' }),
      await b.get(`/api/v1/commitments/feedback?orgId=${A}`),
      await b.post(`/api/v1/commitments/feedback/${fid}/answer`, { answer: '乙村回复' }),
      await b.post(`/api/v1/commitments/feedback/${fid}/hide`, { hidden: true }),
      await send(h, b, 'POST', `/api/v1/commitments/photos/members/${memberA}`, JPEG, 'image/jpeg'),
      await b.get(`/api/v1/commitments/photos/${photo}`),
    ];
    for (const res of answers) {
      expect([403, 404], `${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      expect(res.body).not.toContain('甲村');
    }
    // B's own mine view holds nothing of A.
    expect((await b.get('/api/v1/commitments/mine')).json().items).toEqual([]);

    // Member A (a member, not a manager) cannot run the branch's acts, nor see another member's commitment.
    const m = await h.login(h.tree.users.memberA);
    expect((await m.get(`/api/v1/commitments?orgId=${A}`)).statusCode).toBe(404);
    expect((await m.post(`/api/v1/commitments/${id}/complete`, { note: '自己确认完成' })).statusCode).toBe(404);
    expect((await m.post(`/api/v1/commitments/feedback/${fid}/answer`, { answer: '自己回复' })).statusCode).toBe(404);
    const other = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', A).where('id', '!=', memberA).executeTakeFirstOrThrow()).id;
    expect((await m.post('/api/v1/commitments', { year: year(), content: '替别人写的承诺内容', memberId: other })).statusCode).toBe(404);
    const othersC = (await sa.post('/api/v1/commitments', { year: year(), content: '另一位党员的承诺内容', memberId: other })).json().id;
    expect((await m.get(`/api/v1/commitments/${othersC}`)).statusCode).toBe(404);
    expect((await send(h, m, 'PATCH', `/api/v1/commitments/${othersC}`, { content: '改别人的承诺内容' })).statusCode).toBe(404);
    await send(h, sa, 'DELETE', `/api/v1/commitments/${othersC}`);

    // Anonymous visitors reach only the public endpoints.
    expect((await anon(h, 'GET', `/api/v1/commitments/${id}`)).statusCode).toBe(401);
    expect((await anon(h, 'GET', `/api/v1/public/commitment-photos/${photo}`)).statusCode).toBe(200); // member has an approved commitment
    expect((await anon(h, 'POST', `/api/v1/public/commitments/${draft}/feedback`, { content: '给草稿的评价内容' }, '10.8.0.2')).statusCode).toBe(404);

    expect(await snapshot()).toEqual(before);
  });

  it('row-level security: unfiltered queries in B\'s scope return nothing of A and cannot write into A', async () => {
    const id = await approvedCommitment(h, '甲村的承诺用于行级安全测试');
    const sa = await h.login(h.tree.users.secretaryA);
    await sa.post(`/api/v1/commitments/${id}/progress`, { onDate: '2026-01-05', note: '甲村践诺' });
    await anon(h, 'POST', `/api/v1/public/commitments/${id}/feedback`, { content: '甲村群众评价内容' }, '10.8.1.1');
    await send(h, sa, 'POST', `/api/v1/commitments/photos/members/${await memberIdOf(h, h.tree.users.memberA)}`, JPEG, 'image/jpeg');
    const scopeB = [h.tree.paths.branchB];
    const seen = await withScope(h.database.db, scopeB, async (trx) => ({
      commitments: await trx.selectFrom('commitments').select('org_id').execute(),
      progress: await trx.selectFrom('commitment_progress').select('org_id').execute(),
      feedback: await trx.selectFrom('commitment_feedback').select('org_id').execute(),
      photos: await trx.selectFrom('commitment_photos').select('org_id').execute(),
    }));
    const all = [...seen.commitments, ...seen.progress, ...seen.feedback, ...seen.photos].map((r) => r.org_id);
    expect(all).not.toContain(h.tree.branchAId);
    // The same queries in A's scope do see the rows (so the test would fail if the feature broke).
    const seenA = await withScope(h.database.db, [h.tree.paths.branchA], (trx) => trx.selectFrom('commitment_feedback').select('org_id').execute());
    expect(seenA.map((r) => r.org_id)).toContain(h.tree.branchAId);

    await expect(withScope(h.database.db, scopeB, (trx) => trx.insertInto('commitments')
      .values({ org_id: h.tree.branchAId, region_id: null, village_id: h.tree.branchAId, member_id: null, year: 2026, content: '乙村写入甲村' }).execute())).rejects.toThrow();
    const upd = await withScope(h.database.db, scopeB, (trx) => trx.updateTable('commitments').set({ status: 'returned' }).where('id', '=', id).executeTakeFirst());
    expect(Number(upd.numUpdatedRows)).toBe(0);
    const del = await withScope(h.database.db, scopeB, (trx) => trx.deleteFrom('commitment_feedback').where('org_id', '=', h.tree.branchAId).executeTakeFirst());
    expect(Number(del.numDeletedRows)).toBe(0);
  });
});
