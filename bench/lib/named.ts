/**
 * The organizations and accounts the benchmarks use, found in the generated data (not
 * remembered from the generator): the root, the first town secretary's town, a member's branch.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../packages/db/src/index.ts';

export interface Named {
  rootId: string;
  rootPath: string;
  townId: string;
  townPath: string;
  orgCount: number;
  memberCount: number;
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
  return { rootId: root.id, rootPath: root.path, townId: town.id, townPath: town.path, orgCount: n('orgs'), memberCount: n('members') };
}
