import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  ErrorBody, GridCreateRequest, GridDetail, GridIdParam, GridListQuery, GridListResponse, GridTreeQuery,
  GridTreeResponse, GridUpdateRequest, RecordDeletedResponse,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createGridsService } from './grids.service.ts';
import { gridChildRoutes } from './grid-children.routes.ts';

export const gridErrors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const tags = ['grids'];

/** /api/v1/grids: grids 网格 of a subtree, each with buildings, members and residents. */
export const gridsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db }) => {
  const grids = createGridsService({ db });

  app.get('/', {
    schema: { tags, summary: '网格列表（含下级组织，分页，含党员/群众/楼栋/户数统计）', querystring: GridListQuery, response: { 200: GridListResponse, ...gridErrors } },
  }, async (req) => grids.list(sessionOf(req).actor, req.query));

  app.get('/tree', {
    schema: { tags, summary: '网格按所属村（社区）分组，供组织树显示', querystring: GridTreeQuery, response: { 200: GridTreeResponse, ...gridErrors } },
  }, async (req) => grids.tree(sessionOf(req).actor, req.query.orgId));

  app.post('/', {
    schema: { tags, summary: '新建网格', body: GridCreateRequest, response: { 201: GridDetail, ...gridErrors, 409: ErrorBody } },
  }, async (req, reply) => reply.status(201).send(await grids.create(sessionOf(req).actor, req.body)));

  app.get('/:id', {
    schema: { tags, summary: '网格详情（含楼栋）', params: GridIdParam, response: { 200: GridDetail, ...gridErrors } },
  }, async (req) => grids.get(sessionOf(req).actor, req.params.id));

  app.patch('/:id', {
    schema: { tags, summary: '修改网格', params: GridIdParam, body: GridUpdateRequest, response: { 200: GridDetail, ...gridErrors, 409: ErrorBody } },
  }, async (req) => grids.update(sessionOf(req).actor, req.params.id, req.body));

  app.delete('/:id', {
    schema: { tags, summary: '删除网格（须无党员、群众）', params: GridIdParam, response: { 200: RecordDeletedResponse, ...gridErrors, 409: ErrorBody } },
  }, async (req) => grids.remove(sessionOf(req).actor, req.params.id));

  await app.register(gridChildRoutes, { db });
};
