import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, IdParam, MoveOrgRequest, MoveOrgResponse, OrgDetail, OrgTreeQuery, OrgTreeResponse } from '@dangjian/contracts';
import { sessionOf } from '../../http/session.ts';
import type { OrgsService } from './orgs.service.ts';
import { orgAdminRoutes } from './org-admin.routes.ts';
import { teamsRoutes } from './teams.routes.ts';
import { sizeReportRoutes } from './size-report.routes.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * /api/v1/orgs: the tree of the caller's scope, one organization with its figures and
 * warnings, move; administration, teams and the size report are registered from their files.
 */
export const orgsRoutes: FastifyPluginAsyncZod<{ orgs: OrgsService }> = async (app, { orgs }) => {
  await app.register(orgAdminRoutes, { admin: orgs.admin });
  await app.register(teamsRoutes, { teams: orgs.teams });
  await app.register(sizeReportRoutes, { sizes: orgs.sizes });

  app.get('/tree', {
    schema: { tags: ['orgs'], summary: '组织树（当前用户管理范围；过大时按层加载）', querystring: OrgTreeQuery, response: { 200: OrgTreeResponse, ...errors } },
  }, async (req) => orgs.tree(sessionOf(req).actor, req.query));

  app.get('/:id', {
    schema: { tags: ['orgs'], summary: '组织详情与统计', params: IdParam, response: { 200: OrgDetail, ...errors } },
  }, async (req) => orgs.detail(sessionOf(req).actor, req.params.id));

  app.post('/:id/move', {
    schema: {
      tags: ['orgs'], summary: '移动组织（含全部下级）', params: IdParam, body: MoveOrgRequest,
      response: { 200: MoveOrgResponse, ...errors, 409: ErrorBody },
    },
  }, async (req) => orgs.move(sessionOf(req).actor, req.params.id, req.body.newParentId, req.body.reason));
};
