import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  ErrorBody, MICRO_MAX_BYTES, MicroCreateRequest, MicroItem, MicroListQuery, MicroListResponse, MicroReviewRequest, MicroUploadQuery,
  StudyIdParam, StudyOkResponse, VoteRequest, VoteResults, VoteRound, VoteRoundCreateRequest, VoteRoundListResponse,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createMicroService } from './micro.service.ts';
import { createVotesService } from './votes.service.ts';
import { studyErrors } from './exams.routes.ts';

const tags = ['study'];
const UPLOAD_TYPES = /^(video\/[\w.+-]+|application\/(pdf|octet-stream|zip|vnd\.openxmlformats[\w.+-]*))$/;

/** /api/v1/lessons/micro and /api/v1/lessons/vote-rounds: 微党课 submissions, review, votes. */
export const microRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const micro = createMicroService({ db, clock });
  const votes = createVotesService({ db });
  // Raw uploads: the body is the file; its real type is checked from its bytes in the service.
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: MICRO_MAX_BYTES + 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/micro', {
    schema: { tags, summary: '微党课、微视频（已通过的；本人的；管理范围内全部）', querystring: MicroListQuery, response: { 200: MicroListResponse, ...studyErrors } },
  }, async (req) => micro.list(sessionOf(req).actor, req.query.status));

  app.post('/micro', {
    schema: { tags, summary: '提交微党课（外部链接）', body: MicroCreateRequest, response: { 201: MicroItem, ...studyErrors } },
  }, async (req, reply) => reply.status(201).send(await micro.submitLink(sessionOf(req).actor, req.body)));

  app.post('/micro/upload', {
    bodyLimit: MICRO_MAX_BYTES + 1024 * 1024,
    schema: {
      tags, summary: '上传微视频或课件（请求体为文件本身，≤50 MB：MP4/MOV/WebM/PDF/PPTX/DOCX）', querystring: MicroUploadQuery,
      consumes: ['video/mp4', 'video/webm', 'video/quicktime', 'application/pdf', 'application/octet-stream'],
      response: { 201: MicroItem, ...studyErrors, 413: ErrorBody, 415: ErrorBody },
    },
  }, async (req, reply) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return reply.status(201).send(await micro.submitFile(sessionOf(req).actor, req.query, body));
  });

  app.get('/micro/:id/file', {
    schema: { tags, summary: '微视频、课件文件', params: StudyIdParam, produces: ['video/mp4', 'video/webm', 'application/pdf'] },
  }, async (req, reply) => {
    const f = await micro.file(sessionOf(req).actor, req.params.id);
    return reply.header('content-type', f.type).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`).send(f.data);
  });

  app.post('/micro/:id/review', {
    schema: { tags, summary: '审核微党课（通过或驳回并说明原因）', params: StudyIdParam, body: MicroReviewRequest, response: { 200: MicroItem, ...studyErrors } },
  }, async (req) => micro.review(sessionOf(req).actor, req.params.id, req.body.approve, req.body.reason));

  app.get('/vote-rounds', {
    schema: { tags, summary: '投票评选轮次', response: { 200: VoteRoundListResponse, ...studyErrors } },
  }, async (req) => votes.list(sessionOf(req).actor));

  app.post('/vote-rounds', {
    schema: { tags, summary: '发起投票评选', body: VoteRoundCreateRequest, response: { 201: VoteRound, ...studyErrors } },
  }, async (req, reply) => reply.status(201).send(await votes.create(sessionOf(req).actor, req.body.orgId, req.body.title)));

  app.post('/vote-rounds/:id/vote', {
    schema: { tags, summary: '投票（每人每轮一票）', params: StudyIdParam, body: VoteRequest, response: { 201: StudyOkResponse, ...studyErrors } },
  }, async (req, reply) => reply.status(201).send(await votes.vote(sessionOf(req).actor, req.params.id, req.body.microLessonId)));

  app.get('/vote-rounds/:id/results', {
    schema: { tags, summary: '投票结果', params: StudyIdParam, response: { 200: VoteResults, ...studyErrors } },
  }, async (req) => votes.results(sessionOf(req).actor, req.params.id));
};
