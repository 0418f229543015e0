import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { StudyIdParam, StudyItem, StudyItemCreateRequest, StudyItemListQuery, StudyItemListResponse, StudyItemStats } from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createStudyItemsService } from './study-items.service.ts';
import { studyErrors } from './exams.routes.ts';

const tags = ['study'];

/** /api/v1/study-items: 学习资料 pushed to a subtree, reads, reach. */
export const studyItemsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const items = createStudyItemsService({ db, clock });

  app.get('/', {
    schema: { tags, summary: '学习资料（本组织及上级推送的）', querystring: StudyItemListQuery, response: { 200: StudyItemListResponse, ...studyErrors } },
  }, async (req) => items.list(sessionOf(req).actor, req.query.page, req.query.pageSize));

  app.post('/', {
    schema: { tags, summary: '推送学习资料', body: StudyItemCreateRequest, response: { 201: StudyItem, ...studyErrors } },
  }, async (req, reply) => reply.status(201).send(await items.create(sessionOf(req).actor, req.body)));

  app.post('/:id/read', {
    schema: { tags, summary: '阅读（记录阅读次数）', params: StudyIdParam, response: { 200: StudyItem, ...studyErrors } },
  }, async (req) => items.read(sessionOf(req).actor, req.params.id));

  app.get('/:id/stats', {
    schema: { tags, summary: '覆盖率与阅读人次', params: StudyIdParam, response: { 200: StudyItemStats, ...studyErrors } },
  }, async (req) => items.stats(sessionOf(req).actor, req.params.id));
};
