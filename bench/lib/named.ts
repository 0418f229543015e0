/**
 * The organizations and accounts the benchmarks use, found in the generated data (not
 * remembered from the generator): the root, the first town secretary's town, a member's branch.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../packages/db/src/index.ts';

/**
 * Why a whole-root report is skipped at province scale (over 1,000,000 members): it reads every
 * member of the root in one request, which is not an interactive request at that size.
 */
export function provinceWide(n: Named): string | null {
  return n.memberCount > 1_000_000
    ? `a report over all ${n.memberCount.toLocaleString('en')} members of the root in one request: not an interactive request at this size (RESULTS.md)`
    : null;
}

export interface Named {
  rootId: string;
  rootPath: string;
  townId: string;
  townPath: string;
  orgCount: number;
  memberCount: number;
  /** A member registered in the town's subtree (member detail). */
  memberId: string;
  /** The grid and village with the most wishes on the public wall; null without the wishes table or data. */
  wishGridId: string | null;
  wishVillageId: string | null;
}

/** Whether a table exists here (a capability whose migration has not landed yet has none). */
export async function hasTable(db: Kysely<DB>, table: string): Promise<boolean> {
  const r = await sql<{ t: string | null }>`SELECT to_regclass(${table})::text AS t`.execute(db);
  return !!r.rows[0]?.t;
}

export async function findNamed(db: Kysely<DB>): Promise<Named> {
  const root = await db.selectFrom('orgs').select(['id', 'path']).where('parent_id', 'is', null).orderBy('id').executeTakeFirst();
  const town = await db
    .selectFrom('users as u').innerJoin('user_roles as r', 'r.user_id', 'u.id').innerJoin('orgs as o', 'o.id', 'r.org_id')
    .select(['o.id', 'o.path']).where('u.username', '=', 'bench-town-001').executeTakeFirst();
  if (!root || !town) throw new Error('no generated data here: run `npm run gen` with the same --scale/--db first');
  // Estimates are enough for labels and choices, and free at any size.
  const est = await sql<{ relname: string; n: string }>`SELECT relname, reltuples::bigint::text AS n FROM pg_class WHERE relname IN ('orgs', 'members')`.execute(db);
  const n = (t: string) => Number(est.rows.find((r) => r.relname === t)?.n ?? 0);
  const member = await db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select('m.id')
    .where(sql<boolean>`o.path <@ ${town.path}::ltree`).orderBy('m.id').limit(1).executeTakeFirst();
  let wishGridId: string | null = null;
  let wishVillageId: string | null = null;
  if (await hasTable(db, 'wishes')) {
    // The busiest village's busiest grid: a full wall page.
    const v = await sql<{ village_id: string; grid_id: string }>`
      SELECT village_id::text, grid_id::text FROM wishes WHERE status IN ('open', 'claimed', 'fulfilled', 'confirmed')
      GROUP BY village_id, grid_id ORDER BY count(*) OVER (PARTITION BY village_id) DESC, count(*) DESC, grid_id LIMIT 1`.execute(db);
    wishGridId = v.rows[0]?.grid_id ?? null;
    wishVillageId = v.rows[0]?.village_id ?? null;
  }
  return {
    rootId: root.id, rootPath: root.path, townId: town.id, townPath: town.path, orgCount: n('orgs'), memberCount: n('members'),
    memberId: member?.id ?? '1', wishGridId, wishVillageId,
  };
}
