import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '@dangjian/db';
import {
  ErrorBody, MyWishesResponse, PublicWish, PublicWishCreated, PublicWishGridsQuery, PublicWishGridsResponse, PublicWishRequest,
  PublicWishWallQuery, PublicWishWallResponse, ResidentConfirmRequest, ResidentLookupRequest, ResidentWish, ResidentWishesRequest,
  ResidentWishesResponse, WISH_LIMITS, Wish, WishClaimRequest, WishCloseRequest, WishCodeRequest, WishCodeResponse, WishConfirmRequest,
  WishCreateRequest, WishDetail, WishFulfilRequest, WishIdParam, WishListQuery, WishListResponse, WishMergeRequest, WishPhotoCreated,
  WishPhotoQuery, WishReleaseRequest, WishReviewRequest,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { codeSenderFor, type SmsConfig } from './sms.ts';
import { createWishesService } from './wishes.service.ts';
import { createWishesPublicService } from './wishes-public.service.ts';
import { wishesWorkbook } from './wishes-workbook.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['wishes'];
const ptags = ['public'];
const pub = { public: true } as const;
const images = ['image/jpeg', 'image/png', 'image/webp'];
const photoLimit = WISH_LIMITS.photoMaxBytes + 1024 * 1024;
const PhotoParam = z.strictObject({ id: WishIdParam.shape.id, photoId: WishIdParam.shape.id });
const PublicPhotoParam = z.strictObject({ photoId: WishIdParam.shape.id });
const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

const rawImage = (req: FastifyRequest) => ({
  body: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
  declared: (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase(),
});

/**
 * 微心愿 (F1): /api/v1/wishes… for the console (signed in) and /api/v1/public/wish… for residents
 * (no session; see wishes-public.service.ts for what they may see).
 */
export const wishesRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock; sms?: SmsConfig }> = async (app, { db, clock, sms }) => {
  const wishes = createWishesService({ db, clock });
  const residents = createWishesPublicService({ db, clock, sender: () => codeSenderFor(db, sms ?? { kind: 'log' }, app.log) });
  const actor = (req: FastifyRequest) => sessionOf(req).actor;

  // Photos arrive as the raw image body; any image/* reaches the magic-byte check and gets its own error code.
  app.addContentTypeParser(/^image\/[\w.+-]+$/, { parseAs: 'buffer', bodyLimit: photoLimit }, (_req, body, done) => done(null, body));

  // ---------- public (anonymous) ----------
  app.get('/public/wish-grids', { config: pub, schema: { tags: ptags, summary: '可选择的网格（许愿用）', querystring: PublicWishGridsQuery, response: { 200: PublicWishGridsResponse, ...errors } } },
    async (req) => residents.grids(req.query));
  app.post('/public/wishes/code', { config: pub, schema: { tags: ptags, summary: '发送手机验证码（每号 60 秒一次，按号码和地址限流）', body: WishCodeRequest, response: { 200: WishCodeResponse, ...errors, 429: ErrorBody } } },
    async (req) => residents.sendCode(req.body.phone, req.ip));
  app.post('/public/wishes', { config: pub, schema: { tags: ptags, summary: '群众提交微心愿（待审核）', body: PublicWishRequest, response: { 201: PublicWishCreated, ...errors, 429: ErrorBody } } },
    async (req, reply) => reply.status(201).send(await residents.post(req.body, req.ip)));
  app.post('/public/wishes/:id/photos', {
    config: pub, bodyLimit: photoLimit,
    schema: {
      tags: ptags, summary: '为自己的心愿上传照片（请求体为图片本身，请求头 x-wish-token，最多 3 张）', params: WishIdParam, consumes: images,
      response: { 201: WishPhotoCreated, ...errors, 413: ErrorBody, 415: ErrorBody },
    },
  }, async (req, reply) => {
    const token = String(req.headers['x-wish-token'] ?? '');
    if (!TOKEN.test(token)) return reply.status(403).send({ code: 'WISH_TOKEN_INVALID', message: '心愿凭证无效，请用手机号重新找回', details: { field: 'x-wish-token' }, requestId: String(req.id) });
    const { body, declared } = rawImage(req);
    return reply.status(201).send(await residents.uploadPhoto(req.params.id, token, declared, body, req.ip));
  });
  app.get('/public/wishes', { config: pub, schema: { tags: ptags, summary: '微心愿墙（按网格或村/社区，不含个人信息）', querystring: PublicWishWallQuery, response: { 200: PublicWishWallResponse, ...errors } } },
    async (req) => residents.wall(req.query));
  app.get('/public/wishes/:id', { config: pub, schema: { tags: ptags, summary: '一条公开的微心愿', params: WishIdParam, response: { 200: PublicWish, ...errors } } },
    async (req) => residents.get(req.params.id));
  app.get('/public/wish-photos/:photoId', { config: pub, schema: { tags: ptags, summary: '公开心愿的照片（图片本身）', params: PublicPhotoParam, produces: images } },
    async (req, reply) => {
      const p = await residents.photo(req.params.photoId);
      return reply.header('content-type', p.mime).header('content-disposition', 'inline').send(p.data);
    });
  app.post('/public/wishes/mine', { config: pub, schema: { tags: ptags, summary: '我的心愿（凭手机上保存的凭证）', body: ResidentWishesRequest, response: { 200: ResidentWishesResponse, ...errors } } },
    async (req) => residents.mine(req.body.tokens));
  app.post('/public/wishes/lookup', { config: pub, schema: { tags: ptags, summary: '用手机号和验证码找回我的心愿（发放新凭证）', body: ResidentLookupRequest, response: { 200: ResidentWishesResponse, ...errors, 429: ErrorBody } } },
    async (req) => residents.lookup(req.body.phone, req.body.code, req.ip));
  app.post('/public/wishes/:id/confirm', { config: pub, schema: { tags: ptags, summary: '群众确认完成或提出异议', params: WishIdParam, body: ResidentConfirmRequest, response: { 200: ResidentWish, ...errors } } },
    async (req) => residents.confirm(req.params.id, req.body, req.ip));

  // ---------- console (signed in) ----------
  app.get('/wishes', { schema: { tags, summary: '微心愿列表（含下级组织，分页，按状态计数）', querystring: WishListQuery, response: { 200: WishListResponse, ...errors } } },
    async (req) => wishes.list(actor(req), req.query));
  app.get('/wishes/export', { schema: { tags, summary: '导出微心愿台账（Excel）', querystring: WishListQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] } },
    async (req, reply) => {
      const { orgName, items } = await wishes.exportRows(actor(req), req.query);
      const d = clock().toISOString().slice(0, 10).replaceAll('-', '');
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="wishes-${d}.xlsx"; filename*=UTF-8''${encodeURIComponent(`微心愿台账-${orgName}-${d}.xlsx`)}`)
        .send(await wishesWorkbook(orgName, items));
    });
  app.get('/wishes/mine', { schema: { tags, summary: '我的微心愿（已认领、可认领、已完成）', response: { 200: MyWishesResponse, ...errors } } },
    async (req) => wishes.mine(actor(req)));
  app.post('/wishes', { schema: { tags, summary: '支部代群众登记心愿（直接待认领）', body: WishCreateRequest, response: { 201: Wish, ...errors } } },
    async (req, reply) => reply.status(201).send(await wishes.create(actor(req), req.body)));
  app.get('/wishes/:id', { schema: { tags, summary: '微心愿详情（含办理过程）', params: WishIdParam, response: { 200: WishDetail, ...errors } } },
    async (req) => wishes.detail(actor(req), req.params.id));
  app.post('/wishes/:id/review', { schema: { tags, summary: '审核（通过或不通过并说明原因）', params: WishIdParam, body: WishReviewRequest, response: { 200: Wish, ...errors } } },
    async (req) => wishes.review(actor(req), req.params.id, req.body));
  app.post('/wishes/:id/merge', { schema: { tags, summary: '合并重复心愿', params: WishIdParam, body: WishMergeRequest, response: { 200: Wish, ...errors } } },
    async (req) => wishes.merge(actor(req), req.params.id, req.body));
  app.post('/wishes/:id/claim', { schema: { tags, summary: '认领（本人，或书记指派本村党员）', params: WishIdParam, body: WishClaimRequest, response: { 200: Wish, ...errors } } },
    async (req) => wishes.claim(actor(req), req.params.id, req.body));
  app.post('/wishes/:id/release', { schema: { tags, summary: '释放认领', params: WishIdParam, body: WishReleaseRequest, response: { 200: Wish, ...errors } } },
    async (req) => wishes.release(actor(req), req.params.id, req.body.reason));
  app.post('/wishes/:id/photos', {
    bodyLimit: photoLimit,
    schema: {
      tags, summary: '上传照片（kind=fulfil 完成照片：认领人或书记；kind=wish 心愿照片：书记）', params: WishIdParam, querystring: WishPhotoQuery, consumes: images,
      response: { 201: WishPhotoCreated, ...errors, 413: ErrorBody, 415: ErrorBody },
    },
  }, async (req, reply) => {
    const { body, declared } = rawImage(req);
    return reply.status(201).send(await wishes.uploadPhoto(actor(req), req.params.id, req.query.kind, declared, body));
  });
  app.get('/wishes/:id/photos/:photoId', { schema: { tags, summary: '心愿照片（图片本身）', params: PhotoParam, produces: images } },
    async (req, reply) => {
      const p = await wishes.photo(actor(req), req.params.id, req.params.photoId);
      return reply.header('content-type', p.mime).header('content-disposition', 'inline').send(p.data);
    });
  app.post('/wishes/:id/fulfil', { schema: { tags, summary: '登记完成情况（认领人或书记）', params: WishIdParam, body: WishFulfilRequest, response: { 200: Wish, ...errors } } },
    async (req) => wishes.fulfil(actor(req), req.params.id, req.body.note));
  app.post('/wishes/:id/confirm', { schema: { tags, summary: '登记群众确认或异议（确认后认领党员获得积分）', params: WishIdParam, body: WishConfirmRequest, response: { 200: Wish, ...errors } } },
    async (req) => wishes.confirm(actor(req), req.params.id, req.body));
  app.post('/wishes/:id/close', { schema: { tags, summary: '关闭心愿', params: WishIdParam, body: WishCloseRequest, response: { 200: Wish, ...errors } } },
    async (req) => wishes.close(actor(req), req.params.id, req.body.reason));
  app.post('/wishes/:id/reopen', { schema: { tags, summary: '重新开放（已确认的心愿冲销积分）', params: WishIdParam, body: WishReleaseRequest, response: { 200: Wish, ...errors } } },
    async (req) => wishes.reopen(actor(req), req.params.id, req.body.reason));
};
