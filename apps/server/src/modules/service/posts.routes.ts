import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  ClaimRequest, ErrorBody, MyService, PostClaim, PostClaimListResponse, ServiceDeleted, ServiceIdParam, ServicePost, ServicePostListQuery,
  ServicePostListResponse, ServicePostPatch, ServicePostRequest,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createPostsService } from './posts.service.ts';
import { createMineService } from './mine.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['posts'];

/** /api/v1/posts: service posts 服务岗位, claims 认领, and 我的服务 (/posts/mine). */
export const postsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const posts = createPostsService({ db, clock });
  const mine = createMineService({ db, clock });
  const actor = (req: Parameters<typeof sessionOf>[0]) => sessionOf(req).actor;

  app.get('/posts/mine', { schema: { tags, summary: '我的服务：报到社区、可认领岗位、本年服务时长、结对帮扶', response: { 200: MyService, ...errors } } },
    async (req) => mine.get(actor(req)));
  app.get('/posts', { schema: { tags, summary: '服务岗位（含下级组织，分页，含已认领/名额）', querystring: ServicePostListQuery, response: { 200: ServicePostListResponse, ...errors } } },
    async (req) => posts.list(actor(req), req.query));
  app.post('/posts', { schema: { tags, summary: '设立服务岗位', body: ServicePostRequest, response: { 201: ServicePost, ...errors } } },
    async (req, reply) => reply.status(201).send(await posts.create(actor(req), req.body)));
  app.patch('/posts/:id', { schema: { tags, summary: '修改服务岗位（名额不少于已认领人数）或停用', params: ServiceIdParam, body: ServicePostPatch, response: { 200: ServicePost, ...errors } } },
    async (req) => posts.update(actor(req), req.params.id, req.body));
  app.delete('/posts/:id', { schema: { tags, summary: '删除未使用过的服务岗位', params: ServiceIdParam, response: { 200: ServiceDeleted, ...errors } } },
    async (req) => posts.remove(actor(req), req.params.id));
  app.get('/posts/:id/claims', { schema: { tags, summary: '岗位认领名单', params: ServiceIdParam, response: { 200: PostClaimListResponse, ...errors } } },
    async (req) => posts.claims(actor(req), req.params.id));
  app.post('/posts/:id/claim', { schema: { tags, summary: '认领岗位（本人；书记可指定党员）', params: ServiceIdParam, body: ClaimRequest.optional(), response: { 201: PostClaim, ...errors } } },
    async (req, reply) => reply.status(201).send(await posts.claim(actor(req), req.params.id, req.body ?? {})));
  app.post('/posts/:id/unclaim', { schema: { tags, summary: '退出岗位（本人；书记可为党员办理）', params: ServiceIdParam, body: ClaimRequest.optional(), response: { 200: PostClaim, ...errors } } },
    async (req) => posts.unclaim(actor(req), req.params.id, req.body ?? {}));
};
