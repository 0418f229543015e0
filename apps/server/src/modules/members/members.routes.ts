import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBody, MemberListQuery, MemberListResponse } from '@dangjian/contracts';
import { sessionOf } from '../../http/session.ts';
import type { MembersService } from './members.service.ts';

/** /api/v1/members: the roster of a subtree. */
export const membersRoutes: FastifyPluginAsyncZod<{ members: MembersService }> = async (app, { members }) => {
  app.get('/', {
    schema: {
      tags: ['members'], summary: '党员列表（含下级组织，分页）', querystring: MemberListQuery,
      response: { 200: MemberListResponse, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => members.list(sessionOf(req).actor, req.query));
};
