import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  maskPhone, type GridMembersResponse, type Resident, type ResidentListQuery, type ResidentListResponse,
  type ResidentRequest, type ResidentUpdateRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { can, isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { createGridPeopleRepo, type ResidentRow } from './grid-people.repo.ts';
import { gridInScope } from './grids.service.ts';
import { audit } from './grid-support.ts';

function residentView(r: ResidentRow, full: boolean): Resident {
  return {
    id: r.id, gridId: r.grid_id, name: r.name, phone: r.phone && !full ? maskPhone(r.phone) : r.phone, address: r.address,
    buildingId: r.building_id, buildingName: r.building_name, isPartyMember: r.is_party_member, remarks: r.remarks,
  };
}

const residentSnapshot = (r: ResidentRow) => ({
  gridId: r.grid_id, name: r.name, phone: r.phone, address: r.address, buildingId: r.building_id, isPartyMember: r.is_party_member, remarks: r.remarks,
});

/**
 * People of a grid: party members assigned to it (人在网中走) and residents 群众 living in it.
 * A member can only be assigned to a grid of the community whose subtree holds the member.
 * @example await people.assignMembers(actor, gridId, ['101', '102']); // { assigned: 2 }
 */
export function createGridPeopleService(deps: { db: Kysely<DB> }) {
  /** A building chosen for a resident must be one of this grid's. */
  async function checkBuilding(trx: Kysely<DB>, gridId: string, buildingId: string | null | undefined) {
    if (buildingId && !(await createGridPeopleRepo(trx).building(gridId, buildingId))) {
      throw new AppError('GRID_BUILDING_INVALID', { details: { field: 'buildingId' } });
    }
  }

  return {
    async members(actor: Actor, gridId: string): Promise<GridMembersResponse> {
      const scope = scopeFor(actor, 'grids:read');
      return withScope(deps.db, scope, async (trx) => {
        await gridInScope(trx, gridId, scope);
        const rows = await createGridPeopleRepo(trx).members(gridId);
        return {
          items: rows.map((m) => ({
            id: m.id, name: m.name, gender: m.gender, status: m.status, orgId: m.org_id, orgName: m.org_name,
            phoneMasked: m.phone ? maskPhone(m.phone) : null,
          })),
        };
      });
    },

    /**
     * Assigns members to the grid (moving them from any other grid). All or nothing: an id that
     * is not visible is NOT_FOUND, one outside the grid's community is refused.
     */
    async assignMembers(actor: Actor, gridId: string, memberIds: string[]) {
      const scope = scopeFor(actor, 'grids:write');
      const ids = [...new Set(memberIds)];
      return withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, gridId, scope);
        const repo = createGridPeopleRepo(trx);
        const found = await repo.membersByIds(ids);
        const visible = found.filter((m) => scope.some((root) => isUnder(m.org_path, root)));
        const missing = ids.filter((id) => !visible.some((m) => m.id === id));
        if (missing.length > 0) throw new AppError('NOT_FOUND', { details: { entity: 'member', ids: missing } });
        const outside = visible.filter((m) => !isUnder(m.org_path, grid.org_path)).map((m) => m.id);
        if (outside.length > 0) throw new AppError('GRID_MEMBER_OUTSIDE_COMMUNITY', { details: { field: 'memberIds', ids: outside } });
        const assigned = await repo.assign(gridId, ids, grid.org_path);
        await audit(trx, actor, {
          action: 'grid.members.assign', entityType: 'grid', entityId: gridId, orgId: grid.org_id,
          before: visible.map((m) => ({ memberId: m.id, gridId: m.grid_id })),
          after: visible.map((m) => ({ memberId: m.id, gridId })),
        });
        return { assigned };
      });
    },

    async unassignMember(actor: Actor, gridId: string, memberId: string) {
      const scope = scopeFor(actor, 'grids:write');
      return withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, gridId, scope);
        const n = await createGridPeopleRepo(trx).unassign(gridId, memberId);
        if (n === 0) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: memberId } });
        await audit(trx, actor, {
          action: 'grid.members.remove', entityType: 'member', entityId: memberId, orgId: grid.org_id,
          before: { gridId }, after: { gridId: null },
        });
        return { id: memberId, deleted: true as const };
      });
    },

    /** Residents of the grid; phones in full only for those who may edit the grid. */
    async residents(actor: Actor, gridId: string, query: ResidentListQuery): Promise<ResidentListResponse> {
      const scope = scopeFor(actor, 'grids:read');
      return withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, gridId, scope);
        const full = can(actor, 'grids:write', grid.org_path);
        const repo = createGridPeopleRepo(trx);
        const rows = await repo.residentsPage(gridId, query.q, query.pageSize, (query.page - 1) * query.pageSize);
        const total = await repo.residentCount(gridId, query.q);
        return { items: rows.map((r) => residentView(r, full)), total, page: query.page, pageSize: query.pageSize };
      });
    },

    async createResident(actor: Actor, gridId: string, body: ResidentRequest): Promise<Resident> {
      const scope = scopeFor(actor, 'grids:write');
      return withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, gridId, scope);
        await checkBuilding(trx, gridId, body.buildingId);
        const repo = createGridPeopleRepo(trx);
        const id = await repo.insertResident({
          grid_id: gridId, name: body.name, phone: body.phone || null, address: body.address || null,
          building_id: body.buildingId ?? null, is_party_member: body.isPartyMember ?? false, remarks: body.remarks || null,
        });
        const row = (await repo.resident(gridId, id))!;
        await audit(trx, actor, { action: 'grid.resident.create', entityType: 'resident', entityId: id, orgId: grid.org_id, after: residentSnapshot(row) });
        return residentView(row, true);
      });
    },

    async updateResident(actor: Actor, gridId: string, id: string, body: ResidentUpdateRequest): Promise<Resident> {
      const scope = scopeFor(actor, 'grids:write');
      return withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, gridId, scope);
        const repo = createGridPeopleRepo(trx);
        const before = await repo.resident(gridId, id);
        if (!before) throw new AppError('NOT_FOUND', { details: { entity: 'resident', id } });
        await checkBuilding(trx, gridId, body.buildingId);
        const patch = {
          ...(body.name !== undefined && { name: body.name }),
          ...(body.phone !== undefined && { phone: body.phone || null }),
          ...(body.address !== undefined && { address: body.address || null }),
          ...(body.buildingId !== undefined && { building_id: body.buildingId }),
          ...(body.isPartyMember !== undefined && { is_party_member: body.isPartyMember }),
          ...(body.remarks !== undefined && { remarks: body.remarks || null }),
        };
        if (Object.keys(patch).length === 0) return residentView(before, true);
        await repo.updateResident(id, patch);
        const after = (await repo.resident(gridId, id))!;
        await audit(trx, actor, {
          action: 'grid.resident.update', entityType: 'resident', entityId: id, orgId: grid.org_id,
          before: residentSnapshot(before), after: residentSnapshot(after),
        });
        return residentView(after, true);
      });
    },

    async deleteResident(actor: Actor, gridId: string, id: string) {
      const scope = scopeFor(actor, 'grids:write');
      return withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, gridId, scope);
        const repo = createGridPeopleRepo(trx);
        const before = await repo.resident(gridId, id);
        if (!before) throw new AppError('NOT_FOUND', { details: { entity: 'resident', id } });
        await repo.deleteResident(id);
        await audit(trx, actor, { action: 'grid.resident.delete', entityType: 'resident', entityId: id, orgId: grid.org_id, before: residentSnapshot(before) });
        return { id, deleted: true as const };
      });
    },
  };
}

export type GridPeopleService = ReturnType<typeof createGridPeopleService>;
