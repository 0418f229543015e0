import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '@dangjian/db';
import { pathUnder } from '../orgs/orgs.repo.ts';

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL of what hangs on a grid: buildings, assigned members, residents. Callers check the grid first. */
export function createGridPeopleRepo(db: Kysely<DB>) {
  function residentsOf(gridId: string, q: string | undefined) {
    let qb = db.selectFrom('residents as r').leftJoin('grid_buildings as b', 'b.id', 'r.building_id').where('r.grid_id', '=', gridId);
    if (q) qb = qb.where((eb) => eb.or([eb('r.name', 'like', `%${escapeLike(q)}%`), eb('r.address', 'like', `%${escapeLike(q)}%`)]));
    return qb;
  }

  return {
    buildings(gridId: string) {
      return db.selectFrom('grid_buildings as b')
        .select((eb) => [
          'b.id', 'b.name', 'b.units', 'b.households', 'b.remarks',
          eb.selectFrom('residents as r').select(eb.fn.countAll<string>().as('n')).whereRef('r.building_id', '=', 'b.id').as('resident_count'),
        ])
        .where('b.grid_id', '=', gridId)
        // Natural order for "3号楼" before "12号楼": by length, then text.
        .orderBy(sql`length(b.name)`).orderBy('b.name').orderBy('b.id')
        .execute();
    },

    building(gridId: string, id: string) {
      return db.selectFrom('grid_buildings').selectAll().where('grid_id', '=', gridId).where('id', '=', id).executeTakeFirst();
    },

    buildingByName(gridId: string, name: string) {
      return db.selectFrom('grid_buildings').select('id').where('grid_id', '=', gridId).where('name', '=', name).executeTakeFirst();
    },

    async insertBuilding(row: Insertable<DB['grid_buildings']>): Promise<string> {
      return (await db.insertInto('grid_buildings').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    async updateBuilding(id: string, patch: Updateable<DB['grid_buildings']>): Promise<void> {
      await db.updateTable('grid_buildings').set(patch).where('id', '=', id).execute();
    },

    async deleteBuilding(id: string): Promise<void> {
      await db.deleteFrom('grid_buildings').where('id', '=', id).execute();
    },

    /** Members assigned to the grid, by pinyin. */
    members(gridId: string) {
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['m.id', 'm.name', 'm.gender', 'm.status', 'm.phone', 'm.org_id', 'o.name as org_name'])
        .where('m.grid_id', '=', gridId)
        .orderBy('m.name_pinyin').orderBy('m.id')
        .limit(2000)
        .execute();
    },

    /** The given members that are visible, with their org path and current grid. */
    membersByIds(ids: readonly string[]) {
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['m.id', 'm.name', 'm.grid_id', 'o.path as org_path'])
        .where('m.id', 'in', [...ids])
        .execute();
    },

    /** Points the members at the grid; only members inside the community subtree are touched. */
    async assign(gridId: string, ids: readonly string[], communityPath: string): Promise<number> {
      const r = await db.updateTable('members as m').set({ grid_id: gridId, updated_at: sql<Date>`now()` })
        .where('m.id', 'in', [...ids])
        .where((eb) => eb.exists(eb.selectFrom('orgs as o').select('o.id').whereRef('o.id', '=', 'm.org_id')
          .where((e2) => pathUnder(e2.ref('o.path'), communityPath))))
        .executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    async unassign(gridId: string, memberId: string): Promise<number> {
      const r = await db.updateTable('members').set({ grid_id: null, updated_at: sql<Date>`now()` })
        .where('id', '=', memberId).where('grid_id', '=', gridId).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    residentsPage(gridId: string, q: string | undefined, limit: number, offset: number) {
      return residentsOf(gridId, q)
        .select(['r.id', 'r.grid_id', 'r.name', 'r.phone', 'r.address', 'r.building_id', 'b.name as building_name', 'r.is_party_member', 'r.remarks'])
        .orderBy('r.id').limit(limit).offset(offset).execute();
    },

    async residentCount(gridId: string, q: string | undefined): Promise<number> {
      const r = await residentsOf(gridId, q).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    resident(gridId: string, id: string) {
      return db.selectFrom('residents as r').leftJoin('grid_buildings as b', 'b.id', 'r.building_id')
        .select(['r.id', 'r.grid_id', 'r.name', 'r.phone', 'r.address', 'r.building_id', 'b.name as building_name', 'r.is_party_member', 'r.remarks'])
        .where('r.grid_id', '=', gridId).where('r.id', '=', id).executeTakeFirst();
    },

    async insertResident(row: Insertable<DB['residents']>): Promise<string> {
      return (await db.insertInto('residents').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    async updateResident(id: string, patch: Updateable<DB['residents']>): Promise<void> {
      await db.updateTable('residents').set({ ...patch, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    },

    async deleteResident(id: string): Promise<void> {
      await db.deleteFrom('residents').where('id', '=', id).execute();
    },
  };
}

export type ResidentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createGridPeopleRepo>['resident']>>>;
