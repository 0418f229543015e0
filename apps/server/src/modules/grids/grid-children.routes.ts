import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  AssignMembersRequest, AssignMembersResponse, BuildingRequest, BuildingUpdateRequest, ErrorBody, GridBuilding,
  GridBuildingParam, GridIdParam, GridMemberParam, GridMembersResponse, GridResidentParam, RecordDeletedResponse,
  Resident, ResidentListQuery, ResidentListResponse, ResidentRequest, ResidentUpdateRequest,
} from '@dangjian/contracts';
import { sessionOf } from '../../http/session.ts';
import { createGridBuildingsService } from './grid-buildings.service.ts';
import { createGridPeopleService } from './grid-people.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['grids'];

/** /api/v1/grids/:id/{buildings,members,residents}: what hangs on one grid. */
export const gridChildRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  const buildings = createGridBuildingsService({ db });
  const people = createGridPeopleService({ db });

  app.post('/:id/buildings', {
    schema: { tags, summary: '新增楼栋', params: GridIdParam, body: BuildingRequest, response: { 201: GridBuilding, ...errors } },
  }, async (req, reply) => reply.status(201).send(await buildings.create(sessionOf(req).actor, req.params.id, req.body)));

  app.patch('/:id/buildings/:buildingId', {
    schema: { tags, summary: '修改楼栋', params: GridBuildingParam, body: BuildingUpdateRequest, response: { 200: GridBuilding, ...errors } },
  }, async (req) => buildings.update(sessionOf(req).actor, req.params.id, req.params.buildingId, req.body));

  app.delete('/:id/buildings/:buildingId', {
    schema: { tags, summary: '删除楼栋（其群众保留在网格内）', params: GridBuildingParam, response: { 200: RecordDeletedResponse, ...errors } },
  }, async (req) => buildings.remove(sessionOf(req).actor, req.params.id, req.params.buildingId));

  app.get('/:id/members', {
    schema: { tags, summary: '网格内党员', params: GridIdParam, response: { 200: GridMembersResponse, ...errors } },
  }, async (req) => people.members(sessionOf(req).actor, req.params.id));

  app.post('/:id/members', {
    schema: { tags, summary: '把党员分配到网格（须属该村/社区）', params: GridIdParam, body: AssignMembersRequest, response: { 200: AssignMembersResponse, ...errors } },
  }, async (req) => people.assignMembers(sessionOf(req).actor, req.params.id, req.body.memberIds));

  app.delete('/:id/members/:memberId', {
    schema: { tags, summary: '把党员移出网格', params: GridMemberParam, response: { 200: RecordDeletedResponse, ...errors } },
  }, async (req) => people.unassignMember(sessionOf(req).actor, req.params.id, req.params.memberId));

  app.get('/:id/residents', {
    schema: { tags, summary: '网格内群众（分页）', params: GridIdParam, querystring: ResidentListQuery, response: { 200: ResidentListResponse, ...errors } },
  }, async (req) => people.residents(sessionOf(req).actor, req.params.id, req.query));

  app.post('/:id/residents', {
    schema: { tags, summary: '新增群众', params: GridIdParam, body: ResidentRequest, response: { 201: Resident, ...errors } },
  }, async (req, reply) => reply.status(201).send(await people.createResident(sessionOf(req).actor, req.params.id, req.body)));

  app.patch('/:id/residents/:residentId', {
    schema: { tags, summary: '修改群众信息', params: GridResidentParam, body: ResidentUpdateRequest, response: { 200: Resident, ...errors } },
  }, async (req) => people.updateResident(sessionOf(req).actor, req.params.id, req.params.residentId, req.body));

  app.delete('/:id/residents/:residentId', {
    schema: { tags, summary: '删除群众', params: GridResidentParam, response: { 200: RecordDeletedResponse, ...errors } },
  }, async (req) => people.deleteResident(sessionOf(req).actor, req.params.id, req.params.residentId));
};
