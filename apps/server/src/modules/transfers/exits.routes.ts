import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  ErrorBody, IdParam, LapseQuery, LapseResponse, MemberExit, MemberExitCreateRequest, MemberExitDetail,
  MemberExitListQuery, MemberExitListResponse,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createExitsService } from './exits.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['member-exits'];

/** /api/v1/member-exits: 出党/党员减少 and other dispositions, the history store, lapse candidates. */
export const exitsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const exits = createExitsService({ db, clock });
  app.get('/member-exits', {
    schema: { tags, summary: '出党/处置记录（历史党员库，按组织与姓名查找）', querystring: MemberExitListQuery, response: { 200: MemberExitListResponse, ...errors } },
  }, async (req) => exits.list(sessionOf(req).actor, req.query));
  app.get('/member-exits/lapse-candidates', {
    schema: { tags, summary: '连续 6 个月未参加组织生活的党员（供支部研究）', querystring: LapseQuery, response: { 200: LapseResponse, ...errors } },
  }, async (req) => exits.lapse(sessionOf(req).actor, req.query));
  app.get('/member-exits/:id', {
    schema: { tags, summary: '处置记录详情（含党员信息快照）', params: IdParam, response: { 200: MemberExitDetail, ...errors } },
  }, async (req) => exits.detail(sessionOf(req).actor, req.params.id));
  app.post('/member-exits', {
    schema: { tags, summary: '登记处置/出党（不合格党员处置、纪律处分、自行脱党、死亡、退党）', body: MemberExitCreateRequest, response: { 201: MemberExit, ...errors, 409: ErrorBody } },
  }, async (req, reply) => reply.status(201).send(await exits.create(sessionOf(req).actor, req.body)));
};
