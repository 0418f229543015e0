import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  ErrorBody, ServiceDemandRequest, ServiceIdParam, ServiceItem, ServiceItemListQuery, ServiceItemListResponse, ServiceItemPatch, ServiceProject,
  ServiceProjectListQuery, ServiceProjectListResponse, ServiceProjectPatch, ServiceProjectRequest, ServiceResourceRequest,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createMatchingService } from './matching.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['service-matching'];

/** /api/v1/service-resources (资源清单), /service-demands (需求清单), /service-projects (项目清单): 双向认领. */
export const matchingRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const m = createMatchingService({ db, clock });
  const actor = (req: Parameters<typeof sessionOf>[0]) => sessionOf(req).actor;

  app.get('/service-resources', { schema: { tags, summary: '资源清单（本组织提供的和提供给本社区的）', querystring: ServiceItemListQuery, response: { 200: ServiceItemListResponse, ...errors } } },
    async (req) => m.resources(actor(req), req.query));
  app.post('/service-resources', { schema: { tags, summary: '登记资源（向某社区提供）', body: ServiceResourceRequest, response: { 201: ServiceItem, ...errors } } },
    async (req, reply) => reply.status(201).send(await m.addResource(actor(req), req.body)));
  app.patch('/service-resources/:id', { schema: { tags, summary: '修改或关闭资源', params: ServiceIdParam, body: ServiceItemPatch, response: { 200: ServiceItem, ...errors } } },
    async (req) => m.patchResource(actor(req), req.params.id, req.body));
  app.get('/service-demands', { schema: { tags, summary: '需求清单', querystring: ServiceItemListQuery, response: { 200: ServiceItemListResponse, ...errors } } },
    async (req) => m.demands(actor(req), req.query));
  app.post('/service-demands', { schema: { tags, summary: '登记社区需求', body: ServiceDemandRequest, response: { 201: ServiceItem, ...errors } } },
    async (req, reply) => reply.status(201).send(await m.addDemand(actor(req), req.body)));
  app.patch('/service-demands/:id', { schema: { tags, summary: '修改或关闭需求', params: ServiceIdParam, body: ServiceItemPatch, response: { 200: ServiceItem, ...errors } } },
    async (req) => m.patchDemand(actor(req), req.params.id, req.body));
  app.get('/service-projects', { schema: { tags, summary: '项目清单（本社区对接的和本组织负责的）', querystring: ServiceProjectListQuery, response: { 200: ServiceProjectListResponse, ...errors } } },
    async (req) => m.projects(actor(req), req.query));
  app.post('/service-projects', { schema: { tags, summary: '资源与需求对接成项目', body: ServiceProjectRequest, response: { 201: ServiceProject, ...errors } } },
    async (req, reply) => reply.status(201).send(await m.createProject(actor(req), req.body)));
  app.patch('/service-projects/:id', { schema: { tags, summary: '更新项目进度与成效', params: ServiceIdParam, body: ServiceProjectPatch, response: { 200: ServiceProject, ...errors } } },
    async (req) => m.updateProject(actor(req), req.params.id, req.body));
};
