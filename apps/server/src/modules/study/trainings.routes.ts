import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  MyTrainingRecord, StudyIdParam, StudyOkResponse, TrainingCreateRequest, TrainingListResponse, TrainingMembersRequest,
  TrainingRoster, TrainingSessionParam,
} from '@dangjian/contracts';
import { sessionOf } from '../../http/session.ts';
import { createTrainingsService } from './trainings.service.ts';
import { studyErrors } from './exams.routes.ts';

const tags = ['study'];

/** /api/v1/trainings: 培训班 with sessions, enrolment, attendance, completion. */
export const trainingsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  const trainings = createTrainingsService({ db });

  app.get('/', {
    schema: { tags, summary: '培训班（本组织及上级举办的）', response: { 200: TrainingListResponse, ...studyErrors } },
  }, async (req) => trainings.list(sessionOf(req).actor));

  app.post('/', {
    schema: { tags, summary: '开设培训班（含课次与学时）', body: TrainingCreateRequest, response: { 201: StudyOkResponse, ...studyErrors } },
  }, async (req, reply) => reply.status(201).send(await trainings.create(sessionOf(req).actor, req.body)));

  app.get('/mine', {
    schema: { tags, summary: '本人培训档案', response: { 200: MyTrainingRecord, ...studyErrors } },
  }, async (req) => trainings.mine(sessionOf(req).actor));

  app.post('/:id/enrol', {
    schema: { tags, summary: '报名（本组织范围内党员）', params: StudyIdParam, body: TrainingMembersRequest, response: { 200: StudyOkResponse, ...studyErrors } },
  }, async (req) => trainings.enrol(sessionOf(req).actor, req.params.id, req.body.memberIds));

  app.post('/:id/sessions/:sessionId/attendance', {
    schema: { tags, summary: '登记课次出勤', params: TrainingSessionParam, body: TrainingMembersRequest, response: { 200: StudyOkResponse, ...studyErrors } },
  }, async (req) => trainings.attend(sessionOf(req).actor, req.params.id, req.params.sessionId, req.body.memberIds));

  app.get('/:id/roster', {
    schema: { tags, summary: '学员名单：出勤学时与结业', params: StudyIdParam, response: { 200: TrainingRoster, ...studyErrors } },
  }, async (req) => trainings.roster(sessionOf(req).actor, req.params.id));
};
