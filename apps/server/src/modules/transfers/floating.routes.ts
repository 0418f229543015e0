import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { ErrorBody, FloatingCreateRequest, FloatingListQuery, FloatingListResponse, FloatingMember, IdParam } from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createFloatingService } from './floating.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['transfers'];

/** /api/v1/transfers/floating: 流动党员 out and in. */
export const floatingRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const floating = createFloatingService({ db, clock });
  app.get('/transfers/floating', {
    schema: { tags, summary: '流动党员列表（流出/流入）', querystring: FloatingListQuery, response: { 200: FloatingListResponse, ...errors } },
  }, async (req) => floating.list(sessionOf(req).actor, req.query));
  app.post('/transfers/floating', {
    schema: { tags, summary: '登记流动党员', body: FloatingCreateRequest, response: { 201: FloatingMember, ...errors } },
  }, async (req, reply) => reply.status(201).send(await floating.create(sessionOf(req).actor, req.body)));
  app.post('/transfers/floating/:id/end', {
    schema: { tags, summary: '结束流动登记（返回/离开）', params: IdParam, response: { 200: FloatingMember, ...errors } },
  }, async (req) => floating.end(sessionOf(req).actor, req.params.id));
};
