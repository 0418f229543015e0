import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '@dangjian/db';
import {
  COMMITMENT_PHOTO_MAX_BYTES, COMMITMENT_PHOTO_TYPES, CommitmentAnswerRequest, CommitmentCompleteRequest, CommitmentCreateRequest, CommitmentDeleted,
  CommitmentDetail, CommitmentExportQuery, CommitmentFeedback, CommitmentFeedbackListQuery, CommitmentFeedbackListResponse, CommitmentHideRequest,
  CommitmentIdParam, CommitmentListQuery, CommitmentListResponse, CommitmentMemberParam, CommitmentMineQuery, CommitmentMineResponse, CommitmentPhoto,
  CommitmentProgressParam, CommitmentProgressRequest, CommitmentUpdateRequest, CommitmentVetRequest, ErrorBody, PublicBoardsQuery,
  PublicCommitmentBoardsResponse, PublicCommitmentsQuery, PublicCommitmentsResponse, PublicFeedbackCreated, PublicFeedbackRequest,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createCommitmentsService } from './commitments.service.ts';
import { createCommitmentFeedbackService } from './commitment-feedback.service.ts';
import { createCommitmentPhotosService } from './commitment-photos.service.ts';
import { createCommitmentsPublicService } from './commitments-public.service.ts';
import { commitmentsWorkbook } from './commitments-workbook.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const photoErrors = { ...errors, 413: ErrorBody, 415: ErrorBody };
const tags = ['commitments'];
const ptags = ['public'];
const Completed = CommitmentDetail.extend({ pointsAwarded: z.number() });
const image = { consumes: [...COMMITMENT_PHOTO_TYPES] };

/** 公开承诺 /api/v1/commitments… (console, scoped) and /api/v1/public/commitment… (anonymous board). */
export const commitmentsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const svc = createCommitmentsService({ db, clock });
  const feedback = createCommitmentFeedbackService({ db, clock });
  const photos = createCommitmentPhotosService({ db, clock });
  const board = createCommitmentsPublicService({ db, clock });
  const actor = (req: Parameters<typeof sessionOf>[0]) => sessionOf(req).actor;
  const raw = (req: { body: unknown; headers: Record<string, unknown> }) => ({
    body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
    declared: String(req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase(),
  });

  // Photos arrive as the raw image body; the magic-byte check decides the type.
  app.addContentTypeParser(/^image\/[\w.+-]+$/, { parseAs: 'buffer', bodyLimit: COMMITMENT_PHOTO_MAX_BYTES + 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/commitments', { schema: { tags, summary: '承诺列表（含下级组织，分页）', querystring: CommitmentListQuery, response: { 200: CommitmentListResponse, ...errors } } },
    async (req) => svc.list(actor(req), req.query));
  app.get('/commitments/export', { schema: { tags, summary: '导出承诺践诺台账（Excel）', querystring: CommitmentExportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } },
    async (req, reply) => {
      const { orgName, items } = await svc.exportRows(actor(req), req.query);
      const name = encodeURIComponent(`承诺践诺台账-${orgName}.xlsx`);
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="commitments.xlsx"; filename*=UTF-8''${name}`).send(await commitmentsWorkbook(orgName, items));
    });
  app.get('/commitments/mine', { schema: { tags, summary: '我的承诺（本人，按年度）', querystring: CommitmentMineQuery, response: { 200: CommitmentMineResponse, ...errors } } },
    async (req) => svc.mine(actor(req), req.query.year));
  app.post('/commitments', { schema: { tags, summary: '新建承诺（本人；书记可为党员或支部班子填写）', body: CommitmentCreateRequest, response: { 201: CommitmentDetail, ...errors } } },
    async (req, reply) => reply.status(201).send(await svc.create(actor(req), req.body)));
  app.get('/commitments/feedback', { schema: { tags, summary: '群众评价（含下级组织，分页）', querystring: CommitmentFeedbackListQuery, response: { 200: CommitmentFeedbackListResponse, ...errors } } },
    async (req) => feedback.list(actor(req), req.query));
  app.post('/commitments/feedback/:id/answer', { schema: { tags, summary: '回复群众评价（公开显示）', params: CommitmentIdParam, body: CommitmentAnswerRequest, response: { 200: CommitmentFeedback, ...errors } } },
    async (req) => feedback.answer(actor(req), req.params.id, req.body));
  app.post('/commitments/feedback/:id/hide', { schema: { tags, summary: '隐藏或恢复群众评价（不当内容）', params: CommitmentIdParam, body: CommitmentHideRequest, response: { 200: CommitmentFeedback, ...errors } } },
    async (req) => feedback.hide(actor(req), req.params.id, req.body.hidden));
  app.post('/commitments/photos/me', { bodyLimit: COMMITMENT_PHOTO_MAX_BYTES + 1024 * 1024, schema: { tags, summary: '上传本人亮身份照片（请求体为图片本身）', ...image, response: { 201: CommitmentPhoto, ...photoErrors } } },
    async (req, reply) => { const r = raw(req); return reply.status(201).send(await photos.setMemberPhoto(actor(req), null, r.declared, r.body)); });
  app.post('/commitments/photos/members/:memberId', { bodyLimit: COMMITMENT_PHOTO_MAX_BYTES + 1024 * 1024, schema: { tags, summary: '为党员上传亮身份照片', params: CommitmentMemberParam, ...image, response: { 201: CommitmentPhoto, ...photoErrors } } },
    async (req, reply) => { const r = raw(req); return reply.status(201).send(await photos.setMemberPhoto(actor(req), req.params.memberId, r.declared, r.body)); });
  app.get('/commitments/photos/:id', { schema: { tags, summary: '承诺照片（图片本身）', params: CommitmentIdParam, produces: [...COMMITMENT_PHOTO_TYPES] } },
    async (req, reply) => { const p = await photos.get(actor(req), req.params.id); return reply.header('content-type', p.mime).header('cache-control', 'private, max-age=300').send(p.data); });
  app.get('/commitments/:id', { schema: { tags, summary: '承诺详情（践诺记录、群众评价）', params: CommitmentIdParam, response: { 200: CommitmentDetail, ...errors } } },
    async (req) => svc.get(actor(req), req.params.id));
  app.patch('/commitments/:id', { schema: { tags, summary: '修改承诺内容（草稿或退回时）', params: CommitmentIdParam, body: CommitmentUpdateRequest, response: { 200: CommitmentDetail, ...errors } } },
    async (req) => svc.update(actor(req), req.params.id, req.body));
  app.delete('/commitments/:id', { schema: { tags, summary: '删除承诺（草稿或退回时）', params: CommitmentIdParam, response: { 200: CommitmentDeleted, ...errors } } },
    async (req) => svc.remove(actor(req), req.params.id));
  app.post('/commitments/:id/submit', { schema: { tags, summary: '提交审核', params: CommitmentIdParam, response: { 200: CommitmentDetail, ...errors } } },
    async (req) => svc.submit(actor(req), req.params.id));
  app.post('/commitments/:id/vet', { schema: { tags, summary: '审核承诺（通过或退回并说明原因）', params: CommitmentIdParam, body: CommitmentVetRequest, response: { 200: CommitmentDetail, ...errors } } },
    async (req) => svc.vet(actor(req), req.params.id, req.body));
  app.post('/commitments/:id/progress', { schema: { tags, summary: '记录践诺情况', params: CommitmentIdParam, body: CommitmentProgressRequest, response: { 201: CommitmentDetail, ...errors } } },
    async (req, reply) => reply.status(201).send(await svc.addProgress(actor(req), req.params.id, req.body)));
  app.post('/commitments/:id/progress/:progressId/photo', { bodyLimit: COMMITMENT_PHOTO_MAX_BYTES + 1024 * 1024, schema: { tags, summary: '践诺记录配图（请求体为图片本身）', params: CommitmentProgressParam, ...image, response: { 201: CommitmentPhoto, ...photoErrors } } },
    async (req, reply) => { const r = raw(req); return reply.status(201).send(await photos.setProgressPhoto(actor(req), req.params.id, req.params.progressId, r.declared, r.body)); });
  app.post('/commitments/:id/complete', { schema: { tags, summary: '确认践诺完成（评诺，计入积分）', params: CommitmentIdParam, body: CommitmentCompleteRequest, response: { 200: Completed, ...errors } } },
    async (req) => svc.complete(actor(req), req.params.id, req.body));

  // Anonymous board. Only public columns; never a phone or an ID number.
  app.get('/public/commitment-boards', { config: { public: true }, schema: { tags: ptags, summary: '有公开承诺的村（社区）', querystring: PublicBoardsQuery, response: { 200: PublicCommitmentBoardsResponse, 400: ErrorBody } } },
    async (req) => board.boards(req.query.year));
  app.get('/public/commitments', { config: { public: true }, schema: { tags: ptags, summary: '党员承诺公开栏（一个村或社区）', querystring: PublicCommitmentsQuery, response: { 200: PublicCommitmentsResponse, 400: ErrorBody, 404: ErrorBody } } },
    async (req) => board.commitments(req.query.villageId, req.query.year));
  app.get('/public/commitment-photos/:id', { config: { public: true }, schema: { tags: ptags, summary: '公开栏照片（图片本身）', params: CommitmentIdParam, produces: [...COMMITMENT_PHOTO_TYPES] } },
    async (req, reply) => { const p = await board.photo(req.params.id); return reply.header('content-type', p.mime).header('cache-control', 'public, max-age=600').send(p.data); });
  app.post('/public/commitments/:id/feedback', { config: { public: true }, schema: { tags: ptags, summary: '群众评价承诺（无需登录，按地址限频）', params: CommitmentIdParam, body: PublicFeedbackRequest, response: { 201: PublicFeedbackCreated, 400: ErrorBody, 404: ErrorBody, 429: ErrorBody } } },
    async (req, reply) => reply.status(201).send(await board.feedback(req.params.id, req.body, req.ip)));
};
