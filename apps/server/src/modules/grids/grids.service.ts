import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  GRID_COMMUNITY_ORG_TYPES, GRID_ORG_TYPES, type GridCreateRequest, type GridDetail, type GridListQuery,
  type GridListResponse, type GridTreeResponse, type GridUpdateRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { createGridsRepo, type GridRow } from './grids.repo.ts';
import { createGridPeopleRepo } from './grid-people.repo.ts';
import { audit, gridSnapshot, isUniqueViolation, toGridItem } from './grid-support.ts';

type Trx = Kysely<DB>;

/** The grid `id` if it lies in `scope`, else NOT_FOUND (never a hint that it exists elsewhere). */
export async function gridInScope(trx: Trx, id: string, scope: readonly string[]): Promise<GridRow> {
  const grid = await createGridsRepo(trx).findInScope(id, scope);
  if (!grid) throw new AppError('NOT_FOUND', { details: { entity: 'grid', id } });
  return grid;
}

/** Checks the grid organization: a grid branch / building group / 党小组 inside the community. */
async function checkGridOrg(trx: Trx, gridOrgId: string, communityPath: string, scope: readonly string[]) {
  const org = await createOrgsRepo(trx).findInScope(gridOrgId, scope);
  const types: readonly string[] = GRID_ORG_TYPES;
  if (!org || !types.includes(org.type) || org.path === communityPath || !isUnder(org.path, communityPath)) {
    throw new AppError('GRID_ORG_INVALID', { details: { field: 'gridOrgId' } });
  }
}

/**
 * Grids 网格 of capability A2: communities split into service grids. Every call runs in
 * withScope() with the caller's scope for the permission, and filters on it explicitly too.
 * @example await grids.create(actor, { orgId: communityId, name: '第一网格', leaderName: '张三' });
 */
export function createGridsService(deps: { db: Kysely<DB> }) {
  const service = {
    async list(actor: Actor, query: GridListQuery): Promise<GridListResponse> {
      const scope = scopeFor(actor, 'grids:read');
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(query.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: query.orgId } });
        const repo = createGridsRepo(trx);
        const rows = await repo.listPage(org.path, query.q, query.pageSize, (query.page - 1) * query.pageSize);
        const total = await repo.count(org.path, query.q);
        return { items: rows.map(toGridItem), total, page: query.page, pageSize: query.pageSize };
      });
    },

    async get(actor: Actor, id: string): Promise<GridDetail> {
      const scope = scopeFor(actor, 'grids:read');
      return withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, id, scope);
        const buildings = await createGridPeopleRepo(trx).buildings(id);
        return {
          ...toGridItem(grid),
          buildings: buildings.map((b) => ({
            id: b.id, name: b.name, units: b.units, households: b.households, remarks: b.remarks,
            residentCount: Number(b.resident_count ?? 0),
          })),
        };
      });
    },

    /** Grids of the caller's read scope (or of one subtree) grouped by community, for the tree. */
    async tree(actor: Actor, orgId: string | undefined): Promise<GridTreeResponse> {
      const scope = scopeFor(actor, 'grids:read');
      return withScope(deps.db, scope, async (trx) => {
        let roots = scope;
        if (orgId) {
          const org = await createOrgsRepo(trx).findInScope(orgId, scope);
          if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
          roots = [org.path];
        }
        const rows = await createGridsRepo(trx).listForTree(roots);
        const byOrg = new Map<string, GridTreeResponse['communities'][number]>();
        for (const r of rows) {
          const c = byOrg.get(r.org_id) ?? { orgId: r.org_id, grids: [] };
          c.grids.push({ id: r.id, name: r.name, gridOrgId: r.grid_org_id });
          byOrg.set(r.org_id, c);
        }
        return { communities: [...byOrg.values()] };
      });
    },

    async create(actor: Actor, body: GridCreateRequest): Promise<GridDetail> {
      const scope = scopeFor(actor, 'grids:write');
      const id = await withScope(deps.db, scope, async (trx) => {
        const community = await createOrgsRepo(trx).findInScope(body.orgId, scope);
        if (!community) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: body.orgId } });
        if (!(GRID_COMMUNITY_ORG_TYPES as readonly string[]).includes(community.type)) {
          throw new AppError('GRID_COMMUNITY_INVALID', { details: { field: 'orgId' } });
        }
        if (body.gridOrgId) await checkGridOrg(trx, body.gridOrgId, community.path, scope);
        const repo = createGridsRepo(trx);
        if (await repo.findByName(community.id, body.name)) throw new AppError('GRID_NAME_TAKEN', { details: { field: 'name' } });
        const row = {
          org_id: community.id, name: body.name, grid_org_id: body.gridOrgId ?? null, leader_name: body.leaderName || null,
          leader_phone: body.leaderPhone || null, households: body.households ?? null, remarks: body.remarks || null,
        };
        const newId = await repo.insert(row).catch((e: unknown) => {
          throw isUniqueViolation(e) ? new AppError('GRID_NAME_TAKEN', { details: { field: 'name' } }) : e;
        });
        await audit(trx, actor, { action: 'grid.create', entityType: 'grid', entityId: newId, orgId: community.id, after: row });
        return newId;
      });
      return service.get(actor, id);
    },

    async update(actor: Actor, id: string, body: GridUpdateRequest): Promise<GridDetail> {
      const scope = scopeFor(actor, 'grids:write');
      await withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, id, scope);
        if (body.gridOrgId) await checkGridOrg(trx, body.gridOrgId, grid.org_path, scope);
        const repo = createGridsRepo(trx);
        if (body.name !== undefined && body.name !== grid.name && (await repo.findByName(grid.org_id, body.name))) {
          throw new AppError('GRID_NAME_TAKEN', { details: { field: 'name' } });
        }
        const patch = {
          ...(body.name !== undefined && { name: body.name }),
          ...(body.gridOrgId !== undefined && { grid_org_id: body.gridOrgId }),
          ...(body.leaderName !== undefined && { leader_name: body.leaderName || null }),
          ...(body.leaderPhone !== undefined && { leader_phone: body.leaderPhone || null }),
          ...(body.households !== undefined && { households: body.households }),
          ...(body.remarks !== undefined && { remarks: body.remarks || null }),
        };
        if (Object.keys(patch).length === 0) return;
        await repo.update(id, patch).catch((e: unknown) => {
          throw isUniqueViolation(e) ? new AppError('GRID_NAME_TAKEN', { details: { field: 'name' } }) : e;
        });
        const before = gridSnapshot(grid);
        await audit(trx, actor, { action: 'grid.update', entityType: 'grid', entityId: id, orgId: grid.org_id, before, after: { ...before, ...patch } });
      });
      return service.get(actor, id);
    },

    /** Deletes an empty grid (its buildings go with it); refuses while members or residents remain. */
    async remove(actor: Actor, id: string) {
      const scope = scopeFor(actor, 'grids:write');
      return withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, id, scope);
        const memberCount = Number(grid.member_count ?? 0);
        const residentCount = Number(grid.resident_count ?? 0);
        if (memberCount > 0 || residentCount > 0) throw new AppError('GRID_NOT_EMPTY', { details: { memberCount, residentCount } });
        const buildings = await createGridPeopleRepo(trx).buildings(id);
        await createGridsRepo(trx).remove(id);
        await audit(trx, actor, {
          action: 'grid.delete', entityType: 'grid', entityId: id, orgId: grid.org_id,
          before: { ...gridSnapshot(grid), buildings: buildings.map((b) => ({ name: b.name, units: b.units, households: b.households })) },
        });
        return { id, deleted: true as const };
      });
    },
  };
  return service;
}

export type GridsService = ReturnType<typeof createGridsService>;
