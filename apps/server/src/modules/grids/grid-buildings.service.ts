import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { BuildingRequest, BuildingUpdateRequest, GridBuilding } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { createGridPeopleRepo } from './grid-people.repo.ts';
import { gridInScope } from './grids.service.ts';
import { audit, isUniqueViolation } from './grid-support.ts';

const taken = () => new AppError('GRID_BUILDING_NAME_TAKEN', { details: { field: 'name' } });

/**
 * Buildings 楼栋 of a grid, with units and households; a grid's household figure is their sum
 * unless one was typed in. The grid must lie in the caller's write scope.
 * @example await buildings.create(actor, gridId, { name: '3号楼', units: 2, households: 48 });
 */
export function createGridBuildingsService(deps: { db: Kysely<DB> }) {
  async function load(trx: Kysely<DB>, gridId: string, id: string) {
    const b = await createGridPeopleRepo(trx).building(gridId, id);
    if (!b) throw new AppError('NOT_FOUND', { details: { entity: 'building', id } });
    return b;
  }
  const view = (b: { id: string; name: string; units: number; households: number; remarks: string | null }, residentCount = 0): GridBuilding =>
    ({ id: b.id, name: b.name, units: b.units, households: b.households, remarks: b.remarks, residentCount });

  return {
    async create(actor: Actor, gridId: string, body: BuildingRequest): Promise<GridBuilding> {
      const scope = scopeFor(actor, 'grids:write');
      return withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, gridId, scope);
        const repo = createGridPeopleRepo(trx);
        if (await repo.buildingByName(gridId, body.name)) throw taken();
        const row = { grid_id: gridId, name: body.name, units: body.units ?? 1, households: body.households ?? 0, remarks: body.remarks || null };
        const id = await repo.insertBuilding(row).catch((e: unknown) => { throw isUniqueViolation(e) ? taken() : e; });
        await audit(trx, actor, { action: 'grid.building.create', entityType: 'grid_building', entityId: id, orgId: grid.org_id, after: row });
        return view({ id, ...row });
      });
    },

    async update(actor: Actor, gridId: string, id: string, body: BuildingUpdateRequest): Promise<GridBuilding> {
      const scope = scopeFor(actor, 'grids:write');
      return withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, gridId, scope);
        const before = await load(trx, gridId, id);
        const repo = createGridPeopleRepo(trx);
        if (body.name !== undefined && body.name !== before.name && (await repo.buildingByName(gridId, body.name))) throw taken();
        const patch = {
          ...(body.name !== undefined && { name: body.name }),
          ...(body.units !== undefined && { units: body.units }),
          ...(body.households !== undefined && { households: body.households }),
          ...(body.remarks !== undefined && { remarks: body.remarks || null }),
        };
        if (Object.keys(patch).length > 0) {
          await repo.updateBuilding(id, patch).catch((e: unknown) => { throw isUniqueViolation(e) ? taken() : e; });
          const snap = { name: before.name, units: before.units, households: before.households, remarks: before.remarks };
          await audit(trx, actor, { action: 'grid.building.update', entityType: 'grid_building', entityId: id, orgId: grid.org_id, before: snap, after: { ...snap, ...patch } });
        }
        const after = (await repo.buildings(gridId)).find((b) => b.id === id)!;
        return view(after, Number(after.resident_count ?? 0));
      });
    },

    /** Deletes a building; its residents stay in the grid without a building. */
    async remove(actor: Actor, gridId: string, id: string) {
      const scope = scopeFor(actor, 'grids:write');
      return withScope(deps.db, scope, async (trx) => {
        const grid = await gridInScope(trx, gridId, scope);
        const before = await load(trx, gridId, id);
        await createGridPeopleRepo(trx).deleteBuilding(id);
        await audit(trx, actor, {
          action: 'grid.building.delete', entityType: 'grid_building', entityId: id, orgId: grid.org_id,
          before: { gridId, name: before.name, units: before.units, households: before.households, remarks: before.remarks },
        });
        return { id, deleted: true as const };
      });
    },
  };
}

export type GridBuildingsService = ReturnType<typeof createGridBuildingsService>;
