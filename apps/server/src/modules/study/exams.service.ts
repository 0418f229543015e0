import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  JUDGE_OPTIONS, type ExamCreateRequest, type ExamItem, type ExamListResponse, type ExamPaper, type ExamResult,
  type ExamSubmitRequest, type QuestionCreateRequest, type QuestionItem, type QuestionListQuery, type QuestionListResponse,
  type QuestionType,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { createExamsRepo } from './exams.repo.ts';
import { drawRandom, markPaper, questionProblem } from './exam-marking.ts';
import { audit, iso, managedOrg, orgLabel, participantOf, reaches, STUDY_MANAGE, STUDY_READ } from './study-support.ts';
import { examResults } from './exam-results.ts';

type ExamRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createExamsRepo>['findExam']>>>;
const TYPES: QuestionType[] = ['single', 'multiple', 'judge'];
/** Seconds of network slack after the deadline before an answer sheet is refused. */
const GRACE_MS = 30_000;

const pointsOf = (e: ExamRow) => ({ single: e.single_points, multiple: e.multiple_points, judge: e.judge_points });
const optionsOf = (type: string, raw: unknown) => (type === 'judge' ? [...JUDGE_OPTIONS] : (raw as string[]));

function toExamItem(e: ExamRow, manageScope: readonly string[], mine?: { submitted_at: Date | string | null; score: number | null }): ExamItem {
  const draw = {
    single: { count: e.single_count, points: e.single_points },
    multiple: { count: e.multiple_count, points: e.multiple_points },
    judge: { count: e.judge_count, points: e.judge_points },
  };
  return {
    id: e.id, orgId: e.org_id, orgName: e.org_name, title: e.title, timeLimitMinutes: e.time_limit_minutes, passScore: e.pass_score,
    totalPoints: TYPES.reduce((s, t) => s + draw[t].count * draw[t].points, 0),
    questionCount: TYPES.reduce((s, t) => s + draw[t].count, 0), draw,
    opensAt: iso(e.opens_at), closesAt: iso(e.closes_at),
    manageable: manageScope.some((r) => isUnder(e.org_path, r)),
    myStatus: !mine ? 'not_started' : mine.submitted_at ? 'submitted' : 'in_progress',
    myScore: mine?.score ?? null,
  };
}

/**
 * Exams 考试 (C3): a question bank per subtree, exams that draw a fixed random paper per sitting,
 * a timed closed-book sitting (no answers leave the server before submission) and automatic marking.
 * @example const paper = await exams.start(actor, examId); await exams.submit(actor, examId, { answers: [] });
 */
export function createExamsService(deps: { db: Kysely<DB>; clock: Clock }) {
  async function examInReach(trx: Kysely<DB>, id: string, scope: readonly string[]): Promise<ExamRow> {
    const exam = await createExamsRepo(trx).findExam(id);
    if (!exam || !exam.org_path || !reaches(exam.org_path, scope)) throw new AppError('NOT_FOUND', { details: { entity: 'exam', id } });
    return exam;
  }

  async function resultOf(trx: Kysely<DB>, exam: ExamRow, s: { id: string; question_ids: string[]; answers: unknown; score: number | null; correct_count: number | null; submitted_at: Date | string | null }): Promise<ExamResult> {
    const qs = await createExamsRepo(trx).questionsByIds(s.question_ids.map(String));
    const byId = new Map(qs.map((q) => [String(q.id), q]));
    const choices = (s.answers ?? {}) as Record<string, number[]>;
    const ordered = s.question_ids.map(String).map((id) => byId.get(id)).filter((q) => !!q);
    const marks = markPaper(ordered.map((q) => ({ id: String(q.id), type: q.type as QuestionType, answer: q.answer.map(Number) })), choices, pointsOf(exam));
    const item = toExamItem(exam, []);
    return {
      sittingId: s.id, examId: exam.id, title: exam.title, score: s.score ?? 0, totalPoints: item.totalPoints, passScore: exam.pass_score,
      passed: (s.score ?? 0) >= exam.pass_score, correctCount: s.correct_count ?? 0, questionCount: ordered.length,
      submittedAt: iso(s.submitted_at) ?? '',
      items: ordered.map((q) => ({
        questionId: String(q.id), type: q.type as QuestionType, stem: q.stem, options: optionsOf(q.type, q.options),
        choice: choices[String(q.id)] ?? [], answer: q.answer.map(Number), correct: marks.correct[String(q.id)] ?? false, explanation: q.explanation,
      })),
    };
  }

  return {
    async createQuestion(actor: Actor, body: QuestionCreateRequest): Promise<QuestionItem> {
      const problem = questionProblem(body.type, body.options, body.answer);
      if (problem) throw new AppError('EXAM_QUESTION_INVALID', { details: { field: 'answer', problem } });
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const org = await managedOrg(trx, actor, body.orgId);
        const options = body.type === 'judge' ? [...JUDGE_OPTIONS] : body.options;
        const row = {
          org_id: org.id, type: body.type, stem: body.stem, options: JSON.stringify(options), answer: body.answer,
          explanation: body.explanation || null, tags: body.tags,
        };
        const id = await createExamsRepo(trx).insertQuestion(row);
        await audit(trx, actor, { action: 'exam_question.create', entityType: 'exam_question', entityId: id, orgId: org.id, after: { ...row, options } });
        return { id, orgId: org.id, orgName: org.name, type: body.type, stem: body.stem, options, answer: body.answer, explanation: row.explanation, tags: body.tags };
      });
    },

    async listQuestions(actor: Actor, q: QuestionListQuery): Promise<QuestionListResponse> {
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const org = await managedOrg(trx, actor, q.orgId);
        const repo = createExamsRepo(trx);
        const rows = await repo.listQuestions(org.path, q.type, q.pageSize, (q.page - 1) * q.pageSize);
        return {
          items: rows.map((r) => ({
            id: r.id, orgId: r.org_id, orgName: r.org_name, type: r.type as QuestionType, stem: r.stem,
            options: optionsOf(r.type, r.options), answer: r.answer.map(Number), explanation: r.explanation, tags: r.tags,
          })),
          total: await repo.countQuestions(org.path, q.type), page: q.page, pageSize: q.pageSize,
        };
      });
    },

    async createExam(actor: Actor, body: ExamCreateRequest): Promise<ExamItem> {
      const total = TYPES.reduce((s, t) => s + body.draw[t].count * body.draw[t].points, 0);
      if (total <= 0) throw new AppError('EXAM_POINTS_EMPTY', { details: { field: 'draw' } });
      const manage = scopeFor(actor, STUDY_MANAGE);
      return withScope(deps.db, manage, async (trx) => {
        const org = await managedOrg(trx, actor, body.orgId);
        const repo = createExamsRepo(trx);
        for (const t of TYPES) {
          const have = (await repo.bankIds(org.path, t)).length;
          if (have < body.draw[t].count) throw new AppError('EXAM_BANK_SHORT', { details: { field: `draw.${t}.count`, type: t, have, need: body.draw[t].count } });
        }
        const row = {
          org_id: org.id, title: body.title, time_limit_minutes: body.timeLimitMinutes, pass_score: body.passScore,
          single_count: body.draw.single.count, multiple_count: body.draw.multiple.count, judge_count: body.draw.judge.count,
          single_points: body.draw.single.points, multiple_points: body.draw.multiple.points, judge_points: body.draw.judge.points,
          opens_at: body.opensAt ?? null, closes_at: body.closesAt ?? null, created_by: actor.userId,
        };
        const id = await repo.insertExam(row);
        await audit(trx, actor, { action: 'exam.create', entityType: 'exam', entityId: id, orgId: org.id, after: row });
        return toExamItem((await repo.findExam(id))!, manage);
      });
    },

    async listExams(actor: Actor, page: number, pageSize: number): Promise<ExamListResponse> {
      const scope = scopeFor(actor, STUDY_READ);
      const manage = scopeFor(actor, STUDY_MANAGE);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createExamsRepo(trx);
        const rows = (await repo.listExams(pageSize, (page - 1) * pageSize)).filter((e) => e.org_path && reaches(e.org_path, scope));
        const mine = new Map((await repo.sittingsOfUser(actor.userId, rows.map((r) => r.id))).map((s) => [s.exam_id, s]));
        return { items: rows.map((e) => toExamItem(e, manage, mine.get(e.id))), total: rows.length };
      });
    },

    /**
     * Starts (or resumes) the caller's sitting. The paper is drawn once and stored, so reloading
     * shows the same questions; the deadline runs from the first start, on the server's clock.
     */
    async start(actor: Actor, examId: string): Promise<ExamPaper> {
      const scope = scopeFor(actor, STUDY_READ);
      const who = await participantOf(deps.db, actor);
      return withScope(deps.db, scope, async (trx) => {
        const exam = await examInReach(trx, examId, scope);
        const home = await orgLabel(trx, who.orgId);
        if (!home || !isUnder(home.path, exam.org_path)) throw new AppError('FORBIDDEN');
        const repo = createExamsRepo(trx);
        const now = deps.clock();
        let sitting = await repo.sittingOf(examId, actor.userId);
        if (sitting?.submitted_at) throw new AppError('EXAM_ALREADY_SUBMITTED');
        if (!sitting) {
          if ((exam.opens_at && now < new Date(exam.opens_at)) || (exam.closes_at && now > new Date(exam.closes_at))) throw new AppError('EXAM_NOT_OPEN');
          const ids: string[] = [];
          for (const t of TYPES) {
            const bank = (await repo.bankIds(exam.org_path, t)).map((r) => String(r.id));
            const n = t === 'single' ? exam.single_count : t === 'multiple' ? exam.multiple_count : exam.judge_count;
            if (bank.length < n) throw new AppError('EXAM_BANK_SHORT', { details: { type: t } });
            ids.push(...drawRandom(bank, n));
          }
          const deadline = new Date(now.getTime() + exam.time_limit_minutes * 60_000);
          const row = { exam_id: examId, org_id: who.orgId, user_id: actor.userId, member_id: who.memberId, taker_name: who.name, question_ids: ids, started_at: now, deadline_at: deadline };
          const id = await repo.insertSitting(row);
          await audit(trx, actor, { action: 'exam.start', entityType: 'exam_sitting', entityId: id, orgId: who.orgId, after: { examId, questionIds: ids, deadline } });
          sitting = (await repo.sittingOf(examId, actor.userId))!;
        }
        const qs = new Map((await repo.questionsByIds(sitting.question_ids.map(String))).map((q) => [String(q.id), q]));
        const points = pointsOf(exam);
        return {
          sittingId: sitting.id, examId, title: exam.title, startedAt: iso(sitting.started_at)!, deadlineAt: iso(sitting.deadline_at)!,
          serverNow: now.toISOString(), totalPoints: toExamItem(exam, []).totalPoints,
          // Closed book: stems and options only; answers and explanations stay on the server.
          questions: sitting.question_ids.map(String).flatMap((id) => {
            const q = qs.get(id);
            return q ? [{ id, type: q.type as QuestionType, stem: q.stem, options: optionsOf(q.type, q.options), points: points[q.type as QuestionType] }] : [];
          }),
        };
      });
    },

    /** Marks and stores the answer sheet; refused after the deadline (plus a little network slack). */
    async submit(actor: Actor, examId: string, body: ExamSubmitRequest): Promise<ExamResult> {
      const scope = scopeFor(actor, STUDY_READ);
      return withScope(deps.db, scope, async (trx) => {
        const exam = await examInReach(trx, examId, scope);
        const repo = createExamsRepo(trx);
        const sitting = await repo.sittingOf(examId, actor.userId);
        if (!sitting) throw new AppError('EXAM_NOT_STARTED');
        if (sitting.submitted_at) throw new AppError('EXAM_ALREADY_SUBMITTED');
        const now = deps.clock();
        if (now.getTime() > new Date(sitting.deadline_at).getTime() + GRACE_MS) throw new AppError('EXAM_TIME_UP');
        const paper = new Set(sitting.question_ids.map(String));
        const choices: Record<string, number[]> = {};
        for (const a of body.answers) {
          if (!paper.has(a.questionId)) throw new AppError('EXAM_ANSWER_INVALID', { details: { field: 'answers', questionId: a.questionId } });
          choices[a.questionId] = a.choice;
        }
        const qs = await repo.questionsByIds([...paper]);
        const marks = markPaper(qs.map((q) => ({ id: String(q.id), type: q.type as QuestionType, answer: q.answer.map(Number) })), choices, pointsOf(exam));
        await repo.submitSitting(sitting.id, { answers: JSON.stringify(choices), score: marks.score, correctCount: marks.correctCount, at: now });
        await audit(trx, actor, { action: 'exam.submit', entityType: 'exam_sitting', entityId: sitting.id, orgId: sitting.org_id, before: { submittedAt: null }, after: { answers: choices, score: marks.score } });
        return resultOf(trx, exam, { ...sitting, answers: choices, score: marks.score, correct_count: marks.correctCount, submitted_at: now });
      });
    },

    /** The caller's own marked paper, with answers and explanations (only after submission). */
    async myResult(actor: Actor, examId: string): Promise<ExamResult> {
      const scope = scopeFor(actor, STUDY_READ);
      return withScope(deps.db, scope, async (trx) => {
        const exam = await examInReach(trx, examId, scope);
        const sitting = await createExamsRepo(trx).sittingOf(examId, actor.userId);
        if (!sitting?.submitted_at) throw new AppError('EXAM_NOT_STARTED');
        return resultOf(trx, exam, sitting);
      });
    },

    /** The title of an exam the caller can see (for file names). */
    async examTitle(actor: Actor, examId: string): Promise<string> {
      const scope = scopeFor(actor, STUDY_MANAGE);
      return withScope(deps.db, scope, async (trx) => (await examInReach(trx, examId, scope)).title);
    },

    /** Results per person and per organization, for those who manage the exam's organization. */
    async results(actor: Actor, examId: string) {
      const manage = scopeFor(actor, STUDY_MANAGE);
      return withScope(deps.db, manage, async (trx) => {
        const exam = await examInReach(trx, examId, manage);
        if (!manage.some((r) => isUnder(exam.org_path, r))) throw new AppError('FORBIDDEN');
        return examResults(createExamsRepo(trx), exam);
      });
    },
  };
}

export type ExamsService = ReturnType<typeof createExamsService>;
