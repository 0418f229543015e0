import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CreateTeamRequest, ErrorBody, ExpiringTeamsQuery, ExpiringTeamsResponse, IdParam, Team, TeamListResponse, TeamParams,
  UpdateTeamRequest,
} from '@dangjian/contracts';
import { sessionOf } from '../../http/session.ts';
import type { TeamsService } from './teams.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** /api/v1/orgs: leadership teams 领导班子 of an organization, and 换届提醒. */
export const teamsRoutes: FastifyPluginAsyncZod<{ teams: TeamsService }> = async (app, { teams }) => {
  app.get('/teams/expiring', {
    schema: { tags: ['teams'], summary: '换届提醒（90 天内届满或已届满）', querystring: ExpiringTeamsQuery, response: { 200: ExpiringTeamsResponse, ...errors } },
  }, async (req) => teams.expiring(sessionOf(req).actor, req.query));

  app.get('/:id/teams', {
    schema: { tags: ['teams'], summary: '领导班子列表', params: IdParam, response: { 200: TeamListResponse, ...errors } },
  }, async (req) => teams.list(sessionOf(req).actor, req.params.id));

  app.post('/:id/teams', {
    schema: { tags: ['teams'], summary: '新建领导班子', params: IdParam, body: CreateTeamRequest, response: { 201: Team, ...errors } },
  }, async (req, reply) => reply.status(201).send(await teams.create(sessionOf(req).actor, req.params.id, req.body)));

  app.get('/:id/teams/:teamId', {
    schema: { tags: ['teams'], summary: '领导班子详情（含成员）', params: TeamParams, response: { 200: Team, ...errors } },
  }, async (req) => teams.get(sessionOf(req).actor, req.params.id, req.params.teamId));

  app.patch('/:id/teams/:teamId', {
    schema: { tags: ['teams'], summary: '修改领导班子（含成员）', params: TeamParams, body: UpdateTeamRequest, response: { 200: Team, ...errors } },
  }, async (req) => teams.update(sessionOf(req).actor, req.params.id, req.params.teamId, req.body));

  app.delete('/:id/teams/:teamId', {
    schema: { tags: ['teams'], summary: '删除领导班子', params: TeamParams, response: { 200: z.object({ id: z.string() }), ...errors } },
  }, async (req) => teams.remove(sessionOf(req).actor, req.params.id, req.params.teamId));
};
