import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  ErrorBody, ExamCreateRequest, ExamItem, ExamListQuery, ExamListResponse, ExamPaper, ExamResult, ExamResultsResponse,
  ExamSubmitRequest, QuestionCreateRequest, QuestionItem, QuestionListQuery, QuestionListResponse, StudyIdParam,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createExamsService } from './exams.service.ts';
import { examResultsWorkbook } from './exam-results.export.ts';

export const studyErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['study'];

/** /api/v1/exams: question bank, exams, sittings and results. */
export const examsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const exams = createExamsService({ db, clock });

  app.get('/questions', {
    schema: { tags, summary: '题库（本组织及下级）', querystring: QuestionListQuery, response: { 200: QuestionListResponse, ...studyErrors } },
  }, async (req) => exams.listQuestions(sessionOf(req).actor, req.query));

  app.post('/questions', {
    schema: { tags, summary: '新增试题（单选、多选、判断）', body: QuestionCreateRequest, response: { 201: QuestionItem, ...studyErrors } },
  }, async (req, reply) => reply.status(201).send(await exams.createQuestion(sessionOf(req).actor, req.body)));

  app.get('/', {
    schema: { tags, summary: '考试列表（本组织及上级发布的）', querystring: ExamListQuery, response: { 200: ExamListResponse, ...studyErrors } },
  }, async (req) => exams.listExams(sessionOf(req).actor, req.query.page, req.query.pageSize));

  app.post('/', {
    schema: { tags, summary: '发布考试（按题型随机抽题）', body: ExamCreateRequest, response: { 201: ExamItem, ...studyErrors } },
  }, async (req, reply) => reply.status(201).send(await exams.createExam(sessionOf(req).actor, req.body)));

  app.post('/:id/start', {
    schema: { tags, summary: '开始（或继续）考试：返回试卷，不含答案', params: StudyIdParam, response: { 200: ExamPaper, ...studyErrors } },
  }, async (req) => exams.start(sessionOf(req).actor, req.params.id));

  app.post('/:id/submit', {
    schema: { tags, summary: '交卷并自动判分', params: StudyIdParam, body: ExamSubmitRequest, response: { 200: ExamResult, ...studyErrors } },
  }, async (req) => exams.submit(sessionOf(req).actor, req.params.id, req.body));

  app.get('/:id/my-result', {
    schema: { tags, summary: '本人成绩与解析（交卷后）', params: StudyIdParam, response: { 200: ExamResult, ...studyErrors } },
  }, async (req) => exams.myResult(sessionOf(req).actor, req.params.id));

  app.get('/:id/results', {
    schema: { tags, summary: '成绩：按人、按组织（参考率、平均分、及格率）', params: StudyIdParam, response: { 200: ExamResultsResponse, ...studyErrors } },
  }, async (req) => exams.results(sessionOf(req).actor, req.params.id));

  // A file, so no response schema (as with the other Excel exports).
  app.get('/:id/results/export', {
    schema: { tags, summary: '导出成绩 Excel（按组织、按人员）', params: StudyIdParam, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  }, async (req, reply) => {
    const actor = sessionOf(req).actor;
    const title = await exams.examTitle(actor, req.params.id);
    const buf = await examResultsWorkbook(title, await exams.results(actor, req.params.id));
    const name = encodeURIComponent(`考试成绩-${title}.xlsx`);
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="exam-${req.params.id}.xlsx"; filename*=UTF-8''${name}`).send(buf);
  });
};
