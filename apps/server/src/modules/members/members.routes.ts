import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBody, IdParam, MemberCreateRequest, MemberDetail, MemberHistoryResponse, MemberListQuery, MemberListResponse,
  MemberMoveRequest, MemberPatchRequest, MemberRevealRequest, MemberRevealResponse,
} from '@dangjian/contracts';
import { sessionOf } from '../../http/session.ts';
import type { MembersService } from './members.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const writeErrors = { ...errors, 409: ErrorBody };

/** /api/v1/members: the roster of a subtree, one member, its history, writes and the audited reveal. */
export const membersRoutes: FastifyPluginAsyncZod<{ members: MembersService }> = async (app, { members }) => {
  app.get('/', {
    schema: {
      tags: ['members'], summary: '党员列表（含下级组织，筛选、排序、分页）', querystring: MemberListQuery,
      response: { 200: MemberListResponse, ...errors },
    },
  }, async (req) => members.list(sessionOf(req).actor, req.query));

  app.post('/', {
    schema: { tags: ['members'], summary: '新增党员', body: MemberCreateRequest, response: { 201: MemberDetail, ...writeErrors } },
  }, async (req, reply) => reply.status(201).send(await members.create(sessionOf(req).actor, req.body)));

  app.get('/:id', {
    schema: { tags: ['members'], summary: '党员详情（身份证号、手机号脱敏）', params: IdParam, response: { 200: MemberDetail, ...errors } },
  }, async (req) => members.detail(sessionOf(req).actor, req.params.id));

  app.patch('/:id', {
    schema: { tags: ['members'], summary: '修改党员信息（部分字段）', params: IdParam, body: MemberPatchRequest, response: { 200: MemberDetail, ...writeErrors } },
  }, async (req) => members.update(sessionOf(req).actor, req.params.id, req.body));

  app.post('/:id/move', {
    schema: { tags: ['members'], summary: '组织内转接（管理范围内调动）', params: IdParam, body: MemberMoveRequest, response: { 200: MemberDetail, ...writeErrors } },
  }, async (req) => members.move(sessionOf(req).actor, req.params.id, req.body.toOrgId, req.body.reason));

  app.get('/:id/history', {
    schema: { tags: ['members'], summary: '党员信息变更记录', params: IdParam, response: { 200: MemberHistoryResponse, ...errors } },
  }, async (req) => members.history(sessionOf(req).actor, req.params.id));

  app.post('/:id/reveal', {
    schema: { tags: ['members'], summary: '查看完整身份证号或手机号（留痕）', params: IdParam, body: MemberRevealRequest, response: { 200: MemberRevealResponse, ...errors } },
  }, async (req) => members.reveal(sessionOf(req).actor, req.params.id, req.body.field));
};
