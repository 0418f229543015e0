import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  ErrorBody, SITE_PHOTO_MAX_BYTES, SiteCreateRequest, SiteDeletedResponse, SiteDetail, SiteExportQuery, SiteIdParam,
  SiteListQuery, SiteListResponse, SitePhoto, SitePhotoParam, SiteUpdateRequest,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createSitesService } from './sites.service.ts';
import { createSitePhotosService } from './site-photos.service.ts';
import { sitesWorkbook } from './sites.export.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['sites'];
// The two binary routes (export, photo) carry no response schema: their 200 is a file, and
// errors keep the usual ErrorBody shape from the error handler.

/** /api/v1/sites: sites 阵地 of a subtree with totals, Excel export, photos. */
export const sitesRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const sites = createSitesService({ db });
  const photos = createSitePhotosService({ db });

  // Photos arrive as the raw image body. Any image/* is accepted here so that a GIF or a
  // mislabelled file reaches the magic-byte check and gets its own error code, not a bare 415.
  app.addContentTypeParser(/^image\/[\w.+-]+$/, { parseAs: 'buffer', bodyLimit: SITE_PHOTO_MAX_BYTES + 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/', {
    schema: { tags, summary: '阵地列表（含下级组织，分页，含数量/面积/投入合计）', querystring: SiteListQuery, response: { 200: SiteListResponse, ...errors } },
  }, async (req) => sites.list(sessionOf(req).actor, req.query));

  app.get('/export', {
    schema: { tags, summary: '导出阵地台账 Excel（含合计行）', querystring: SiteExportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  }, async (req, reply) => {
    const { orgName, items, totals } = await sites.exportRows(sessionOf(req).actor, req.query);
    const buf = await sitesWorkbook(orgName, items, totals);
    const d = clock().toISOString().slice(0, 10).replaceAll('-', '');
    const name = encodeURIComponent(`阵地台账-${orgName}-${d}.xlsx`);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="sites-${d}.xlsx"; filename*=UTF-8''${name}`)
      .send(buf);
  });

  app.post('/', {
    schema: { tags, summary: '新建阵地', body: SiteCreateRequest, response: { 201: SiteDetail, ...errors, 409: ErrorBody } },
  }, async (req, reply) => reply.status(201).send(await sites.create(sessionOf(req).actor, req.body)));

  app.get('/:id', {
    schema: { tags, summary: '阵地详情（含提升改造项目、照片）', params: SiteIdParam, response: { 200: SiteDetail, ...errors } },
  }, async (req) => sites.get(sessionOf(req).actor, req.params.id));

  app.patch('/:id', {
    schema: { tags, summary: '修改阵地', params: SiteIdParam, body: SiteUpdateRequest, response: { 200: SiteDetail, ...errors, 409: ErrorBody } },
  }, async (req) => sites.update(sessionOf(req).actor, req.params.id, req.body));

  app.delete('/:id', {
    schema: { tags, summary: '删除阵地（连同照片与提升改造项目）', params: SiteIdParam, response: { 200: SiteDeletedResponse, ...errors } },
  }, async (req) => sites.remove(sessionOf(req).actor, req.params.id));

  app.post('/:id/photos', {
    bodyLimit: SITE_PHOTO_MAX_BYTES + 1024 * 1024,
    schema: {
      tags, summary: '上传阵地照片（请求体为图片本身：image/jpeg、image/png 或 image/webp，≤5 MB）', params: SiteIdParam,
      consumes: ['image/jpeg', 'image/png', 'image/webp'],
      response: { 201: SitePhoto, ...errors, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
  }, async (req, reply) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const declared = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    return reply.status(201).send(await photos.upload(sessionOf(req).actor, req.params.id, declared, body));
  });

  app.get('/:id/photos/:photoId', {
    schema: { tags, summary: '阵地照片（图片本身）', params: SitePhotoParam, produces: ['image/jpeg', 'image/png', 'image/webp'] },
  }, async (req, reply) => {
    const p = await photos.get(sessionOf(req).actor, req.params.id, req.params.photoId);
    return reply.header('content-type', p.mime).header('content-disposition', 'inline').send(p.data);
  });

  app.delete('/:id/photos/:photoId', {
    schema: { tags, summary: '删除阵地照片', params: SitePhotoParam, response: { 200: SiteDeletedResponse, ...errors } },
  }, async (req) => photos.remove(sessionOf(req).actor, req.params.id, req.params.photoId));
};
