import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { withScope } from '@dangjian/db';
import { describeOnEngines, type Agent, type Harness } from '../../test/harness.ts';

/** A small bank of branch A: 3 single, 2 multiple, 2 judge questions; answers are option 0 (+2 for multiple). */
export async function seedBank(a: Agent, orgId: string) {
  for (let i = 0; i < 3; i++) expect((await a.post('/api/v1/exams/questions', { orgId, type: 'single', stem: `单选${i}`, options: ['甲', '乙', '丙'], answer: [0] })).statusCode).toBe(201);
  for (let i = 0; i < 2; i++) expect((await a.post('/api/v1/exams/questions', { orgId, type: 'multiple', stem: `多选${i}`, options: ['甲', '乙', '丙'], answer: [0, 2] })).statusCode).toBe(201);
  for (let i = 0; i < 2; i++) expect((await a.post('/api/v1/exams/questions', { orgId, type: 'judge', stem: `判断${i}`, answer: [0] })).statusCode).toBe(201);
}

const draw = { single: { count: 2, points: 10 }, multiple: { count: 1, points: 20 }, judge: { count: 2, points: 5 } };
const counts = (h: Harness) => h.database.db.selectFrom('exam_sittings').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();

describeOnEngines('exams', (h) => {
  let examId = '';

  it('builds a bank and an exam; refuses a bad question and a short bank', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    await seedBank(a, h.tree.branchAId);
    const bad = await a.post('/api/v1/exams/questions', { orgId: h.tree.branchAId, type: 'multiple', stem: 'x', options: ['a', 'b'], answer: [0] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('EXAM_QUESTION_INVALID');
    const noTitle = await a.post('/api/v1/exams', { orgId: h.tree.branchAId, title: '', timeLimitMinutes: 30, passScore: 30, draw });
    expect(noTitle.statusCode).toBe(400);
    const short = await a.post('/api/v1/exams', { orgId: h.tree.branchAId, title: '测验', timeLimitMinutes: 30, passScore: 30, draw: { ...draw, judge: { count: 9, points: 1 } } });
    expect(short.json().code).toBe('EXAM_BANK_SHORT');
    const res = await a.post('/api/v1/exams', { orgId: h.tree.branchAId, title: '党章知识测试', timeLimitMinutes: 30, passScore: 30, draw });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ totalPoints: 50, questionCount: 5, manageable: true });
    examId = res.json().id;
    const bank = await a.get(`/api/v1/exams/questions?orgId=${h.tree.branchAId}`);
    expect(bank.json().total).toBe(7);
  });

  it('a member sits the exam: fixed paper without answers, automatic marking, once only', async () => {
    const m = await h.login(h.tree.users.memberA);
    const list = await m.get('/api/v1/exams');
    expect(list.json().items.map((e: { id: string }) => e.id)).toContain(examId);
    const paper = await m.post(`/api/v1/exams/${examId}/start`);
    expect(paper.statusCode).toBe(200);
    expect(paper.body).not.toMatch(/"answer"|explanation/);
    const qs = paper.json().questions as { id: string; type: string }[];
    expect(qs.map((q) => q.type).sort()).toEqual(['judge', 'judge', 'multiple', 'single', 'single']);
    const again = await m.post(`/api/v1/exams/${examId}/start`);
    expect(again.json().questions.map((q: { id: string }) => q.id)).toEqual(qs.map((q) => q.id));
    // Right on all but one single-choice question; the multiple-choice one is half right (scores 0).
    const firstSingle = qs.find((q) => q.type === 'single')!.id;
    const answers = qs.map((q) => ({ questionId: q.id, choice: q.type === 'multiple' ? [0] : q.id === firstSingle ? [1] : [0] }));
    const res = await m.post(`/api/v1/exams/${examId}/submit`, { answers });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ score: 20, correctCount: 3, passed: false, totalPoints: 50 });
    expect(res.json().items[0].answer).toBeDefined();
    expect((await m.post(`/api/v1/exams/${examId}/submit`, { answers })).json().code).toBe('EXAM_ALREADY_SUBMITTED');
    expect((await m.get(`/api/v1/exams/${examId}/my-result`)).json().score).toBe(20);

    const a = await h.login(h.tree.users.secretaryA);
    const results = (await a.get(`/api/v1/exams/${examId}/results`)).json();
    expect(results.people).toHaveLength(1);
    const orgA = results.orgs.find((o: { orgId: string }) => o.orgId === h.tree.branchAId);
    expect(orgA).toMatchObject({ memberCount: 5, participants: 1, participationRate: 20, average: 20, passRate: 0 });
    expect([403, 404]).toContain((await m.get(`/api/v1/exams/${examId}/results`)).statusCode);
    const xlsx = await a.get(`/api/v1/exams/${examId}/results/export`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('按人员')!.getRow(2).getCell(6).value).toBe(20);
  });

  it('refuses an answer sheet after the deadline', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const exam = (await a.post('/api/v1/exams', { orgId: h.tree.branchAId, title: '限时测验', timeLimitMinutes: 1, passScore: 1, draw })).json();
    const paper = (await a.post(`/api/v1/exams/${exam.id}/start`)).json();
    h.clock.advance(2 * 60_000);
    const late = await a.post(`/api/v1/exams/${exam.id}/submit`, { answers: [{ questionId: paper.questions[0].id, choice: [0] }] });
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('EXAM_TIME_UP');
    const row = await h.database.db.selectFrom('exam_sittings').select(['submitted_at', 'score']).where('exam_id', '=', exam.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ submitted_at: null, score: null });
  });

  it('branch B can neither see, manage nor sit branch A\'s exam; RLS hides it too', async () => {
    const b = await h.login(h.tree.users.secretaryB);
    const before = await counts(h);
    expect((await b.get('/api/v1/exams')).json().items.map((e: { id: string }) => e.id)).not.toContain(examId);
    expect([403, 404]).toContain((await b.get(`/api/v1/exams/${examId}/results`)).statusCode);
    expect([403, 404]).toContain((await b.get(`/api/v1/exams/${examId}/results/export`)).statusCode);
    expect([403, 404]).toContain((await b.post(`/api/v1/exams/${examId}/start`)).statusCode);
    expect([403, 404]).toContain((await b.post(`/api/v1/exams/${examId}/submit`, { answers: [] })).statusCode);
    expect([403, 404]).toContain((await b.get(`/api/v1/exams/${examId}/my-result`)).statusCode);
    expect([403, 404]).toContain((await b.get(`/api/v1/exams/questions?orgId=${h.tree.branchAId}`)).statusCode);
    const q = await b.post('/api/v1/exams/questions', { orgId: h.tree.branchAId, type: 'judge', stem: '越权', answer: [0] });
    expect([403, 404]).toContain(q.statusCode);
    expect([403, 404]).toContain((await b.post('/api/v1/exams', { orgId: h.tree.branchAId, title: '越权', timeLimitMinutes: 5, passScore: 1, draw })).statusCode);
    expect(await counts(h)).toEqual(before);
    const seen = await withScope(h.database.db, [h.tree.paths.branchB], async (trx) => ({
      exams: await trx.selectFrom('exams').select('id').where('org_id', '=', h.tree.branchAId).execute(),
      questions: await trx.selectFrom('exam_questions').select('id').execute(),
      sittings: await trx.selectFrom('exam_sittings').select('id').execute(),
    }));
    expect(seen).toEqual({ exams: [], questions: [], sittings: [] });
  });

  it('a town exam reaches a branch member, who cannot manage it', async () => {
    const t = await h.login(h.tree.users.town);
    await seedBank(t, h.tree.townId);
    const exam = (await t.post('/api/v1/exams', { orgId: h.tree.townId, title: '全镇测试', timeLimitMinutes: 20, passScore: 10, draw })).json();
    const a = await h.login(h.tree.users.secretaryA);
    const item = (await a.get('/api/v1/exams')).json().items.find((e: { id: string }) => e.id === exam.id);
    expect(item).toMatchObject({ orgName: expect.stringContaining('镇党委'), manageable: false });
    expect((await a.get(`/api/v1/exams/${exam.id}/results`)).statusCode).toBe(403);
    const m = await h.login(h.tree.users.memberA);
    expect((await m.post(`/api/v1/exams/${exam.id}/start`)).statusCode).toBe(200);
  });
});
