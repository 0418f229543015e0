import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CreateOrgRequest, DissolveOrgRequest, DissolveOrgResponse, ErrorBody, IdParam, MergeOrgRequest, MergeOrgResponse,
  OrgHistoryResponse, OrgPageQuery, OrgRecord, UpdateOrgRequest,
} from '@dangjian/contracts';
import { sessionOf } from '../../http/session.ts';
import type { OrgAdminService } from './org-admin.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** /api/v1/orgs: create, edit/rename, merge, dissolve, history. */
export const orgAdminRoutes: FastifyPluginAsyncZod<{ admin: OrgAdminService }> = async (app, { admin }) => {
  app.post('/', {
    schema: { tags: ['orgs'], summary: '新建下级组织', body: CreateOrgRequest, response: { 201: OrgRecord, ...errors } },
  }, async (req, reply) => reply.status(201).send(await admin.create(sessionOf(req).actor, req.body)));

  app.patch('/:id', {
    schema: { tags: ['orgs'], summary: '修改组织信息（更名须填写原因）', params: IdParam, body: UpdateOrgRequest, response: { 200: OrgRecord, ...errors } },
  }, async (req) => admin.update(sessionOf(req).actor, req.params.id, req.body));

  app.post('/:id/merge', {
    schema: { tags: ['orgs'], summary: '合并组织（党员、下级组织、角色随迁）', params: IdParam, body: MergeOrgRequest, response: { 200: MergeOrgResponse, ...errors } },
  }, async (req) => admin.merge(sessionOf(req).actor, req.params.id, req.body.intoId, req.body.reason));

  app.post('/:id/dissolve', {
    schema: { tags: ['orgs'], summary: '撤销组织', params: IdParam, body: DissolveOrgRequest, response: { 200: DissolveOrgResponse, ...errors } },
  }, async (req) => admin.dissolve(sessionOf(req).actor, req.params.id, req.body.reason, req.body.transferMembersTo));

  app.get('/:id/history', {
    schema: { tags: ['orgs'], summary: '组织变更记录', params: IdParam, querystring: OrgPageQuery, response: { 200: OrgHistoryResponse, ...errors } },
  }, async (req) => admin.history(sessionOf(req).actor, req.params.id, req.query));
};
