import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '@dangjian/db';
import type { SiteKind } from '@dangjian/contracts';
import { pathInScope, pathUnder } from '../orgs/orgs.repo.ts';

export interface SiteFilter {
  orgPath: string;
  kind?: SiteKind;
  q?: string;
}

const siteColumns = [
  's.id', 's.org_id', 'o.name as org_name', 'o.path as org_path', 's.name', 's.kind', 's.address', 's.lng', 's.lat',
  's.building_area', 's.property_rights', 's.year_built', 's.year_upgraded', 's.investment', 's.facilities', 's.remarks',
] as const;

/** SQL of sites 阵地 with their upgrade projects and photos. Reads filter on the subtree; RLS again. */
export function createSitesRepo(db: Kysely<DB>) {
  function filtered(f: SiteFilter) {
    let qb = db.selectFrom('sites as s').innerJoin('orgs as o', 'o.id', 's.org_id').where((eb) => pathUnder(eb.ref('o.path'), f.orgPath));
    if (f.kind) qb = qb.where('s.kind', '=', f.kind);
    if (f.q) qb = qb.where('s.name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    return qb;
  }
  const photoCount = sql<string>`(SELECT count(*) FROM site_photos p WHERE p.site_id = s.id)`.as('photo_count');

  return {
    /** One page, in tree order then name; `limit` null for the whole list (export). */
    list(f: SiteFilter, limit: number | null, offset = 0) {
      const qb = filtered(f).select([...siteColumns, photoCount]).orderBy('o.path').orderBy('s.name').orderBy('s.id');
      return (limit === null ? qb : qb.limit(limit).offset(offset)).execute();
    },

    /** Count, total area and investment over the whole filter, summed by the database (exact decimals). */
    async totals(f: SiteFilter) {
      const [sum, byKind] = await Promise.all([
        filtered(f).select((eb) => [
          eb.fn.countAll<string>().as('n'),
          sql<string>`coalesce(sum(s.building_area), 0)`.as('area'),
          sql<string>`coalesce(sum(s.investment), 0)`.as('investment'),
        ]).executeTakeFirstOrThrow(),
        filtered(f).select(['s.kind', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('s.kind').orderBy('s.kind').execute(),
      ]);
      return { count: Number(sum.n), totalArea: Number(sum.area), totalInvestment: Number(sum.investment), byKind: byKind.map((k) => ({ kind: k.kind, count: Number(k.n) })) };
    },

    findInScope(id: string, scope: readonly string[]) {
      return db.selectFrom('sites as s').innerJoin('orgs as o', 'o.id', 's.org_id')
        .select([...siteColumns, photoCount])
        .where('s.id', '=', id).where((eb) => pathInScope(eb.ref('o.path'), scope))
        .executeTakeFirst();
    },

    findByName(orgId: string, name: string) {
      return db.selectFrom('sites').select('id').where('org_id', '=', orgId).where('name', '=', name).executeTakeFirst();
    },

    async insert(row: Insertable<DB['sites']>): Promise<string> {
      return (await db.insertInto('sites').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    async update(id: string, patch: Updateable<DB['sites']>): Promise<void> {
      await db.updateTable('sites').set({ ...patch, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom('sites').where('id', '=', id).execute();
    },

    upgrades(siteId: string) {
      return db.selectFrom('site_upgrades').select(['id', 'year', 'content', 'investment']).where('site_id', '=', siteId).orderBy('year').orderBy('id').execute();
    },

    /** Replaces the site's upgrade projects with `rows` (the form edits them as one list). */
    async replaceUpgrades(siteId: string, rows: { year: number; content: string; investment: number | null }[]): Promise<void> {
      await db.deleteFrom('site_upgrades').where('site_id', '=', siteId).execute();
      if (rows.length > 0) await db.insertInto('site_upgrades').values(rows.map((r) => ({ site_id: siteId, ...r }))).execute();
    },

    photos(siteId: string) {
      return db.selectFrom('site_photos').select(['id', 'mime', 'size', 'created_at']).where('site_id', '=', siteId).orderBy('id').execute();
    },

    photo(siteId: string, id: string) {
      return db.selectFrom('site_photos').selectAll().where('site_id', '=', siteId).where('id', '=', id).executeTakeFirst();
    },

    async insertPhoto(row: Insertable<DB['site_photos']>) {
      return db.insertInto('site_photos').values(row).returning(['id', 'mime', 'size', 'created_at']).executeTakeFirstOrThrow();
    },

    async deletePhoto(id: string): Promise<void> {
      await db.deleteFrom('site_photos').where('id', '=', id).execute();
    },
  };
}

export type SiteRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createSitesRepo>['findInScope']>>>;
