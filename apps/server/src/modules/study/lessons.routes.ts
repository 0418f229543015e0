import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  LecturerCountQuery, LecturerCountResponse, LessonCreateRequest, LessonItem, LessonListQuery, LessonListResponse,
  SelectionCreateRequest, SelectionItemParam, SelectionListResponse, SelectionNominateRequest, SelectionResults,
  SelectionRound, SelectionScoreRequest, StudyIdParam, StudyOkResponse,
} from '@dangjian/contracts';
import { sessionOf } from '../../http/session.ts';
import { createLessonsService } from './lessons.service.ts';
import { createSelectionsService } from './selections.service.ts';
import { studyErrors } from './exams.routes.ts';

const tags = ['study'];

/** /api/v1/lessons: party lessons, lecturer counts, 示范党课/党课名师 selection rounds. */
export const lessonsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  const lessons = createLessonsService({ db });
  const selections = createSelectionsService({ db });

  app.get('/', {
    schema: { tags, summary: '党课记录（本组织及下级）', querystring: LessonListQuery, response: { 200: LessonListResponse, ...studyErrors } },
  }, async (req) => lessons.list(sessionOf(req).actor, req.query));

  app.post('/', {
    schema: { tags, summary: '登记党课', body: LessonCreateRequest, response: { 201: LessonItem, ...studyErrors } },
  }, async (req, reply) => reply.status(201).send(await lessons.create(sessionOf(req).actor, req.body)));

  app.get('/lecturers', {
    schema: { tags, summary: '授课人年度讲党课次数', querystring: LecturerCountQuery, response: { 200: LecturerCountResponse, ...studyErrors } },
  }, async (req) => lessons.lecturers(sessionOf(req).actor, req.query.orgId, req.query.year));

  app.get('/selections', {
    schema: { tags, summary: '示范党课、党课名师评选轮次', response: { 200: SelectionListResponse, ...studyErrors } },
  }, async (req) => selections.list(sessionOf(req).actor));

  app.post('/selections', {
    schema: { tags, summary: '发起评选（指定评委）', body: SelectionCreateRequest, response: { 201: SelectionRound, ...studyErrors } },
  }, async (req, reply) => reply.status(201).send(await selections.create(sessionOf(req).actor, req.body)));

  app.post('/selections/:id/items', {
    schema: { tags, summary: '推荐参评党课或授课人', params: StudyIdParam, body: SelectionNominateRequest, response: { 201: StudyOkResponse, ...studyErrors } },
  }, async (req, reply) => reply.status(201).send(await selections.nominate(sessionOf(req).actor, req.params.id, req.body)));

  app.post('/selections/:id/items/:itemId/score', {
    schema: { tags, summary: '评委打分（0–100，每人每项一次）', params: SelectionItemParam, body: SelectionScoreRequest, response: { 201: StudyOkResponse, ...studyErrors } },
  }, async (req, reply) => reply.status(201).send(await selections.score(sessionOf(req).actor, req.params.id, req.params.itemId, req.body.score)));

  app.get('/selections/:id/results', {
    schema: { tags, summary: '评选结果（按平均分排名）', params: StudyIdParam, response: { 200: SelectionResults, ...studyErrors } },
  }, async (req) => selections.results(sessionOf(req).actor, req.params.id));
};
