import { sql, type Kysely, type Updateable, type Insertable } from 'kysely';
import type { DB } from '@dangjian/db';
import { pathInScope, pathUnder } from '../orgs/orgs.repo.ts';

/** Grid rows with their community and grid organization names and their counts. */
function gridRows(db: Kysely<DB>) {
  return db
    .selectFrom('grids as g')
    .innerJoin('orgs as o', 'o.id', 'g.org_id')
    .leftJoin('orgs as go', 'go.id', 'g.grid_org_id')
    .select((eb) => [
      'g.id', 'g.org_id', 'g.grid_org_id', 'g.name', 'g.leader_name', 'g.leader_phone', 'g.households', 'g.remarks',
      'o.name as org_name', 'o.path as org_path', 'go.name as grid_org_name',
      eb.selectFrom('members as m').select(eb.fn.countAll<string>().as('n')).whereRef('m.grid_id', '=', 'g.id').as('member_count'),
      eb.selectFrom('residents as r').select(eb.fn.countAll<string>().as('n')).whereRef('r.grid_id', '=', 'g.id').as('resident_count'),
      eb.selectFrom('grid_buildings as b').select(eb.fn.countAll<string>().as('n')).whereRef('b.grid_id', '=', 'g.id').as('building_count'),
      eb.selectFrom('grid_buildings as b').select(sql<string>`coalesce(sum(b.households), 0)`.as('n'))
        .whereRef('b.grid_id', '=', 'g.id').as('building_households'),
    ]);
}

export type GridRow = Awaited<ReturnType<ReturnType<typeof gridRows>['executeTakeFirstOrThrow']>>;

/** SQL of grids 网格. Reads filter on the caller's subtree explicitly; RLS filters again. */
export function createGridsRepo(db: Kysely<DB>) {
  function filtered(orgPath: string, q: string | undefined) {
    let qb = gridRows(db).where((eb) => pathUnder(eb.ref('o.path'), orgPath));
    if (q) qb = qb.where('g.name', 'like', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return qb;
  }

  return {
    /** One page of the grids whose community lies in the subtree at `orgPath`, in tree order. */
    listPage(orgPath: string, q: string | undefined, limit: number, offset: number) {
      return filtered(orgPath, q).orderBy('o.path').orderBy('g.name').orderBy('g.id').limit(limit).offset(offset).execute();
    },

    async count(orgPath: string, q: string | undefined): Promise<number> {
      let qb = db.selectFrom('grids as g').innerJoin('orgs as o', 'o.id', 'g.org_id')
        .where((eb) => pathUnder(eb.ref('o.path'), orgPath));
      if (q) qb = qb.where('g.name', 'like', `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      const r = await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    findInScope(id: string, scope: readonly string[]) {
      return gridRows(db).where('g.id', '=', id).where((eb) => pathInScope(eb.ref('o.path'), scope)).executeTakeFirst();
    },

    /** Grids of the subtrees in `roots`, light, for the organization tree. */
    listForTree(roots: readonly string[]) {
      return db.selectFrom('grids as g').innerJoin('orgs as o', 'o.id', 'g.org_id')
        .select(['g.id', 'g.name', 'g.org_id', 'g.grid_org_id'])
        .where((eb) => pathInScope(eb.ref('o.path'), roots))
        .orderBy('g.org_id').orderBy('g.name').orderBy('g.id')
        .execute();
    },

    async insert(row: Insertable<DB['grids']>): Promise<string> {
      const r = await db.insertInto('grids').values(row).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    async update(id: string, patch: Updateable<DB['grids']>): Promise<void> {
      await db.updateTable('grids').set({ ...patch, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom('grid_buildings').where('grid_id', '=', id).execute();
      await db.deleteFrom('grids').where('id', '=', id).execute();
    },

    /** Another grid of the same community with this name, if any. */
    findByName(orgId: string, name: string) {
      return db.selectFrom('grids').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();
    },
  };
}

export type GridsRepo = ReturnType<typeof createGridsRepo>;
