import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { z } from 'zod';
import {
  ErrorBody, IdParam, IncomingLetterRequest, InternalTransferRequest, LetterReceiptRequest, OutLetterRequest,
  Transfer, TransferDecisionRequest, TransferListQuery, TransferListResponse,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createTransfersService } from './transfers.service.ts';
import { createLettersService } from './letters.service.ts';
import { exitsRoutes } from './exits.routes.ts';
import { floatingRoutes } from './floating.routes.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const writeErrors = { ...errors, 409: ErrorBody };
const tags = ['transfers'];
const DestinationsQuery = z.strictObject({ q: z.string().trim().max(50).default('') });
const DestinationsResponse = z.object({ items: z.array(z.object({ id: z.string(), name: z.string() })) });

/**
 * /api/v1/transfers (组织关系转接: inside the tree, 介绍信 out and in, queues, 流动党员) and
 * /api/v1/member-exits (出党/党员减少). Every route: session → zod contract → scoped service.
 */
export const transfersRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const transfers = createTransfersService({ db, clock });
  const letters = createLettersService({ db, clock, get: transfers.get });
  const actor = (req: Parameters<typeof sessionOf>[0]) => sessionOf(req).actor;

  app.get('/transfers', {
    schema: { tags, summary: '转接列表与待办队列（转出/转入，待接收、未办结、即将到期、已过期）', querystring: TransferListQuery, response: { 200: TransferListResponse, ...errors } },
  }, async (req) => transfers.list(actor(req), req.query));

  app.get('/transfers/destinations', {
    schema: { tags, summary: '可转入的系统内党支部/党小组（按名称查找）', querystring: DestinationsQuery, response: { 200: DestinationsResponse, ...errors } },
  }, async (req) => transfers.destinations(actor(req), req.query.q));

  app.get('/transfers/:id', {
    schema: { tags, summary: '转接详情（含介绍信内容）', params: IdParam, response: { 200: Transfer, ...errors } },
  }, async (req) => transfers.get(actor(req), req.params.id));

  app.post('/transfers/internal', {
    schema: { tags, summary: '系统内转接（范围内一步办结，跨支部待接收方确认）', body: InternalTransferRequest, response: { 201: Transfer, ...writeErrors } },
  }, async (req, reply) => reply.status(201).send(await transfers.internal(actor(req), req.body)));

  app.post('/transfers/:id/accept', {
    schema: { tags, summary: '接收方确认接收', params: IdParam, body: TransferDecisionRequest, response: { 200: Transfer, ...writeErrors } },
  }, async (req) => transfers.accept(actor(req), req.params.id, req.body.note));

  app.post('/transfers/:id/reject', {
    schema: { tags, summary: '接收方退回', params: IdParam, body: TransferDecisionRequest, response: { 200: Transfer, ...writeErrors } },
  }, async (req) => transfers.reject(actor(req), req.params.id, req.body.note));

  app.post('/transfers/:id/cancel', {
    schema: { tags, summary: '转出方撤销申请', params: IdParam, response: { 200: Transfer, ...writeErrors } },
  }, async (req) => transfers.cancel(actor(req), req.params.id));

  app.post('/transfers/letters', {
    schema: { tags, summary: '开具组织关系介绍信（转往系统外）', body: OutLetterRequest, response: { 201: Transfer, ...writeErrors } },
  }, async (req, reply) => reply.status(201).send(await letters.issue(actor(req), req.body)));

  app.post('/transfers/:id/receipt', {
    schema: { tags, summary: '登记回执', params: IdParam, body: LetterReceiptRequest, response: { 200: Transfer, ...writeErrors } },
  }, async (req) => letters.receipt(actor(req), req.params.id, req.body.receiptOn));

  app.post('/transfers/:id/file', {
    schema: { tags, summary: '回执归档', params: IdParam, response: { 200: Transfer, ...writeErrors } },
  }, async (req) => letters.file(actor(req), req.params.id));

  app.post('/transfers/incoming', {
    schema: { tags, summary: '登记系统外转入的介绍信并编入支部', body: IncomingLetterRequest, response: { 201: Transfer, ...writeErrors } },
  }, async (req, reply) => reply.status(201).send(await letters.incoming(actor(req), req.body)));

  await app.register(floatingRoutes, { db, clock });
  await app.register(exitsRoutes, { db, clock });
};
