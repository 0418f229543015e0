import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  ErrorBody, Pairing, PairingListQuery, PairingListResponse, PairingPatch, PairingRequest, PairingVisit, PairingVisitListResponse, PairingVisitRequest,
  SERVICE_LIMITS, ServiceIdParam, ServiceVisitParam,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createPairingsService } from './pairings.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['pairings'];

/** /api/v1/pairings: 结对帮扶 pairings and their visit log with photos. */
export const pairingsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const p = createPairingsService({ db, clock });
  const actor = (req: Parameters<typeof sessionOf>[0]) => sessionOf(req).actor;
  app.addContentTypeParser(/^image\/[\w.+-]+$/, { parseAs: 'buffer', bodyLimit: SERVICE_LIMITS.photoMaxBytes + 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/pairings', { schema: { tags, summary: '结对帮扶（含下级组织，分页；电话脱敏）', querystring: PairingListQuery, response: { 200: PairingListResponse, ...errors } } },
    async (req) => p.list(actor(req), req.query));
  app.post('/pairings', { schema: { tags, summary: '新建结对', body: PairingRequest, response: { 201: Pairing, ...errors } } },
    async (req, reply) => reply.status(201).send(await p.create(actor(req), req.body)));
  app.get('/pairings/:id', { schema: { tags, summary: '结对详情', params: ServiceIdParam, response: { 200: Pairing, ...errors } } },
    async (req) => p.get(actor(req), req.params.id));
  app.patch('/pairings/:id', { schema: { tags, summary: '修改或结束结对', params: ServiceIdParam, body: PairingPatch, response: { 200: Pairing, ...errors } } },
    async (req) => p.update(actor(req), req.params.id, req.body));
  app.get('/pairings/:id/visits', { schema: { tags, summary: '走访记录', params: ServiceIdParam, response: { 200: PairingVisitListResponse, ...errors } } },
    async (req) => p.visits(actor(req), req.params.id));
  app.post('/pairings/:id/visits', { schema: { tags, summary: '登记走访（照片另行上传）', params: ServiceIdParam, body: PairingVisitRequest, response: { 201: PairingVisit, ...errors } } },
    async (req, reply) => reply.status(201).send(await p.addVisit(actor(req), req.params.id, req.body)));
  app.put('/pairings/:id/visits/:visitId/photo', {
    bodyLimit: SERVICE_LIMITS.photoMaxBytes + 1024 * 1024,
    schema: {
      tags, summary: '上传走访照片（请求体为图片本身：image/jpeg、image/png 或 image/webp，≤5 MB）', params: ServiceVisitParam,
      consumes: ['image/jpeg', 'image/png', 'image/webp'], response: { 200: PairingVisit, ...errors, 413: ErrorBody, 415: ErrorBody },
    },
  }, async (req, reply) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const declared = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    return reply.send(await p.setPhoto(actor(req), req.params.id, req.params.visitId, declared, body));
  });
  app.get('/pairings/:id/visits/:visitId/photo', { schema: { tags, summary: '走访照片（图片本身）', params: ServiceVisitParam, produces: ['image/jpeg', 'image/png', 'image/webp'] } },
    async (req, reply) => {
      const ph = await p.photo(actor(req), req.params.id, req.params.visitId);
      return reply.header('content-type', ph.mime).header('content-disposition', 'inline').header('cache-control', 'private, no-store').send(ph.data);
    });
};
