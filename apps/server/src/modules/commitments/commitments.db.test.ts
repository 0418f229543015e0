import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeOnEngines } from '../../test/harness.ts';
import { placementOf } from './commitments.repo.ts';
import { anon, approvedCommitment, ID_RE, JPEG, memberIdOf, PHONE_RE, send, year } from './commitments.test-helpers.ts';

describeOnEngines('commitments', (h) => {
  it('journey: write → submit → approve → public board → progress → complete (points once) → feedback → answer shown publicly', async () => {
    const Y = year();
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    const m = await h.login(h.tree.users.memberA);
    let res = await m.post('/api/v1/commitments', { year: Y, content: '帮助 2 户困难群众' });
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ kind: 'member', memberId, status: 'draft', orgId: h.tree.branchAId, villageId: h.tree.branchAId, year: Y });
    res = await send(h, m, 'PATCH', `/api/v1/commitments/${c.id}`, { content: '帮助 2 户困难群众解决实际困难' });
    expect([res.statusCode, res.json().content]).toEqual([200, '帮助 2 户困难群众解决实际困难']);
    res = await m.post('/api/v1/commitments', { year: Y + 3, content: '三年后的承诺内容' });
    expect([res.statusCode, res.json().code]).toEqual([400, 'COMMITMENT_YEAR_INVALID']);

    // Not on the board while a draft; the member cannot vet; the branch returns, then approves.
    expect((await anon(h, 'GET', `/api/v1/public/commitments?villageId=${h.tree.branchAId}&year=${Y}`)).statusCode).toBe(404); // not a board yet
    expect((await m.post(`/api/v1/commitments/${c.id}/submit`)).json().status).toBe('submitted');
    expect((await m.post(`/api/v1/commitments/${c.id}/vet`, { decision: 'approve' })).statusCode).toBe(404);
    const a = await h.login(h.tree.users.secretaryA);
    res = await a.post(`/api/v1/commitments/${c.id}/vet`, { decision: 'return' });
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(res.json().details)).toContain('reason');
    res = await a.post(`/api/v1/commitments/${c.id}/vet`, { decision: 'return', reason: '请写明具体户数和措施' });
    expect(res.json()).toMatchObject({ status: 'returned', returnReason: '请写明具体户数和措施' });
    await m.post(`/api/v1/commitments/${c.id}/submit`);
    res = await a.post(`/api/v1/commitments/${c.id}/vet`, { decision: 'approve' });
    expect(res.json().status).toBe('approved');
    expect((await send(h, m, 'PATCH', `/api/v1/commitments/${c.id}`, { content: '批准后不能再改的内容' })).json().code).toBe('COMMITMENT_STATE');

    // The board lists the village and the member's card.
    const boards = (await anon(h, 'GET', '/api/v1/public/commitment-boards')).json();
    expect(boards.items).toContainEqual({ id: h.tree.branchAId, name: expect.stringContaining('甲村'), count: 1 });
    let board = (await anon(h, 'GET', `/api/v1/public/commitments?villageId=${h.tree.branchAId}`)).json();
    expect(board.cards).toHaveLength(1);
    expect(board.cards[0]).toMatchObject({ kind: 'member', post: expect.any(String), photoId: null, commitments: [{ id: c.id, content: '帮助 2 户困难群众解决实际困难', completedAt: null }] });

    // Progress with a photo, and the member's own board photo.
    const today = new Date().toISOString().slice(0, 10);
    res = await m.post(`/api/v1/commitments/${c.id}/progress`, { onDate: today, note: '走访王大爷家，帮助联系医保报销' });
    expect(res.statusCode, res.body).toBe(201);
    const progressId = res.json().progress[0].id;
    expect((await send(h, m, 'POST', `/api/v1/commitments/${c.id}/progress/${progressId}/photo`, JPEG, 'image/jpeg')).statusCode).toBe(201);
    res = await send(h, m, 'POST', '/api/v1/commitments/photos/me', Buffer.from('GIF89a-not-allowed'), 'image/jpeg');
    expect([res.statusCode, res.json().code]).toEqual([415, 'COMMITMENT_PHOTO_TYPE_INVALID']);
    res = await send(h, m, 'POST', '/api/v1/commitments/photos/me', JPEG, 'image/jpeg');
    expect(res.statusCode, res.body).toBe(201);
    board = (await anon(h, 'GET', `/api/v1/public/commitments?villageId=${h.tree.branchAId}`)).json();
    const card = board.cards[0];
    expect(card.photoId).toBe(res.json().id);
    expect(card.commitments[0].progress).toEqual([{ onDate: today, note: '走访王大爷家，帮助联系医保报销', photoId: expect.any(String) }]);
    const photo = await anon(h, 'GET', `/api/v1/public/commitment-photos/${card.photoId}`);
    expect([photo.statusCode, photo.headers['content-type']]).toEqual([200, 'image/jpeg']);
    expect((await anon(h, 'GET', `/api/v1/public/commitment-photos/${card.commitments[0].progress[0].photoId}`)).statusCode).toBe(200);

    // Completion by the branch: +2 points (commitment_done), once.
    expect((await m.post(`/api/v1/commitments/${c.id}/complete`, { note: '已完成' })).statusCode).toBe(404);
    res = await a.post(`/api/v1/commitments/${c.id}/complete`, { note: '两户困难群众的医保和低保均已办结', rating: 'excellent' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ pointsAwarded: 2, rating: 'excellent', completionNote: '两户困难群众的医保和低保均已办结' });
    expect((await a.post(`/api/v1/commitments/${c.id}/complete`, { note: '再次完成' })).json().code).toBe('COMMITMENT_STATE');
    const entries = await h.database.db.selectFrom('points_entries').select(['member_id', 'delta']).where('source_type', '=', 'commitment').where('source_id', '=', c.id).execute();
    expect(entries).toEqual([{ member_id: memberId, delta: 2 }]);

    // A resident's feedback (no login), the branch's answer shown publicly; hiding removes it.
    res = await anon(h, 'POST', `/api/v1/public/commitments/${c.id}/feedback`, { nickname: '王大爷', content: '党员同志帮了大忙，谢谢！' }, '10.9.1.1');
    expect(res.statusCode, res.body).toBe(201);
    const fid = res.json().id;
    res = await anon(h, 'POST', `/api/v1/public/commitments/${c.id}/feedback`, { content: '短' }, '10.9.1.1');
    expect([res.statusCode, res.json().code]).toEqual([400, 'VALIDATION_FAILED']);
    const list = (await a.get(`/api/v1/commitments/feedback?orgId=${h.tree.branchAId}`)).json();
    expect(list.items.map((f: { id: string }) => f.id)).toEqual([fid]);
    res = await a.post(`/api/v1/commitments/feedback/${fid}/answer`, { answer: '感谢监督，我们会继续做好' });
    expect(res.json()).toMatchObject({ answer: '感谢监督，我们会继续做好', hidden: false });
    board = (await anon(h, 'GET', `/api/v1/public/commitments?villageId=${h.tree.branchAId}`)).json();
    expect(board.cards[0].commitments[0]).toMatchObject({ completedAt: expect.any(String), rating: '优秀' });
    expect(board.cards[0].commitments[0].feedback).toEqual([expect.objectContaining({ nickname: '王大爷', content: '党员同志帮了大忙，谢谢！', answer: '感谢监督，我们会继续做好' })]);
    const mine = (await m.get('/api/v1/commitments/mine')).json();
    expect(mine.member).toMatchObject({ id: memberId, photoId: card.photoId });
    expect(mine.items[0].feedback[0].answer).toBe('感谢监督，我们会继续做好');
    expect((await a.post(`/api/v1/commitments/feedback/${fid}/hide`, { hidden: true })).json().hidden).toBe(true);
    board = (await anon(h, 'GET', `/api/v1/public/commitments?villageId=${h.tree.branchAId}`)).json();
    expect(board.cards[0].commitments[0].feedback).toEqual([]);

    const actions = (await h.database.db.selectFrom('audit_log').select('action').where('entity_id', 'in', [c.id, fid]).execute()).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['commitment.create', 'commitment.update', 'commitment.submit', 'commitment.return', 'commitment.approve',
      'commitment.progress', 'commitment.progress_photo', 'commitment.complete', 'commitment.feedback.create', 'commitment.feedback.answer', 'commitment.feedback.hide']));
  });

  it('branch commitments come first on the board; list filters; Excel export', async () => {
    const Y = year();
    const a = await h.login(h.tree.users.secretaryA);
    let res = await a.post('/api/v1/commitments', { year: Y, content: '班子成员每人联系 5 户群众', branchOrgId: h.tree.branchAId });
    expect(res.statusCode, res.body).toBe(201);
    const branchC = res.json();
    expect(branchC).toMatchObject({ kind: 'branch', memberId: null, name: expect.stringContaining('甲村') });
    await a.post(`/api/v1/commitments/${branchC.id}/submit`);
    await a.post(`/api/v1/commitments/${branchC.id}/vet`, { decision: 'approve' });
    const other = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchAId).where('id', '!=', await memberIdOf(h, h.tree.users.memberA)).executeTakeFirstOrThrow()).id;
    res = await a.post('/api/v1/commitments', { year: Y, content: '每周到党群服务中心值班一次', memberId: other });
    expect(res.json()).toMatchObject({ kind: 'member', memberId: other, status: 'draft' });

    const board = (await anon(h, 'GET', `/api/v1/public/commitments?villageId=${h.tree.branchAId}&year=${Y}`)).json();
    expect(board.cards[0]).toMatchObject({ kind: 'branch', post: '支部班子' });
    expect(board.cards.flatMap((x: { commitments: { id: string }[] }) => x.commitments.map((y) => y.id))).not.toContain(res.json().id); // drafts never shown

    const list = (await a.get(`/api/v1/commitments?orgId=${h.tree.branchAId}&year=${Y}&kind=branch`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([branchC.id]);
    expect((await a.get(`/api/v1/commitments?orgId=${h.tree.branchAId}&status=draft`)).json().items.map((i: { memberId: string }) => i.memberId)).toContain(other);
    const town = await h.login(h.tree.users.town);
    expect((await town.get(`/api/v1/commitments?orgId=${h.tree.townId}&kind=branch`)).json().total).toBeGreaterThanOrEqual(1);

    const xlsx = await a.get(`/api/v1/commitments/export?orgId=${h.tree.branchAId}&year=${Y}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('承诺践诺台账')!;
    const texts = Array.from({ length: ws.rowCount }, (_, i) => String(ws.getRow(i + 1).getCell(6).value ?? ''));
    expect(texts).toEqual(expect.arrayContaining(['班子成员每人联系 5 户群众', '每周到党群服务中心值班一次']));
  });

  it('public answers never carry a phone or ID number, even typed into free text; feedback is rate-limited per address', async () => {
    const id = await approvedCommitment(h, '为群众代办证件，联系电话 13912345678');
    const idNo = (await h.database.db.selectFrom('members').select('id_number').where('id', '=', await memberIdOf(h, h.tree.users.memberA)).executeTakeFirstOrThrow()).id_number;
    const post = (content: string, ip: string) => anon(h, 'POST', `/api/v1/public/commitments/${id}/feedback`, { nickname: '13800001111', content }, ip);
    expect((await post(`身份证 ${idNo} 电话 13700001234`, '10.9.2.1')).statusCode).toBe(201);
    const urls = ['/api/v1/public/commitment-boards', `/api/v1/public/commitments?villageId=${h.tree.branchAId}`];
    for (const url of urls) {
      const res = await anon(h, 'GET', url);
      expect(res.statusCode).toBe(200);
      expect(res.body).not.toMatch(PHONE_RE);
      expect(res.body).not.toMatch(ID_RE);
      expect(res.body).not.toContain(idNo);
    }
    expect((await anon(h, 'GET', `/api/v1/public/commitments?villageId=${h.tree.branchAId}`)).body).toContain('139****5678');

    const codes = [];
    for (let i = 0; i < 6; i++) codes.push((await post(`第 ${i} 条评价内容`, '10.9.3.1')).statusCode);
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await post('换一个地址的评价', '10.9.3.2')).statusCode).toBe(201);
  });

  it('places a 党小组 member\'s commitments on its branch and the village board; the API is in OpenAPI', async () => {
    const db = h.database.db;
    const groupPath = (await db.selectFrom('orgs').select('path').where('id', '=', h.tree.groupAId).executeTakeFirstOrThrow()).path;
    expect(await placementOf(db, groupPath)).toMatchObject({ orgId: h.tree.branchAId, villageId: h.tree.branchAId });
    // A town (no 村/社区 above or at it) is its own board.
    expect(await placementOf(db, h.tree.paths.town)).toMatchObject({ orgId: h.tree.townId, villageId: h.tree.townId });
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/commitments', '/api/v1/commitments/{id}/vet', '/api/v1/public/commitments', '/api/v1/public/commitments/{id}/feedback']));
  });
});
