import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '@dangjian/db';

/** Number of active (not merged or dissolved) children of `o`, as `child_count`. */
function activeChildCount(eb: ExpressionBuilder<DB & { o: DB['orgs'] }, 'o'>) {
  return eb.selectFrom('orgs as c').select(eb.fn.countAll<string>().as('n'))
    .whereRef('c.parent_id', '=', 'o.id').where('c.status', '=', 'active').as('child_count');
}

/** `path <@ ANY(roots)`: the row's path lies in one of the given subtrees. */
export function pathInScope(path: Expression<string>, roots: readonly string[]): Expression<SqlBool> {
  return sql<SqlBool>`${path} <@ ${`{${roots.map((r) => `"${r}"`).join(',')}}`}::ltree[]`;
}

/** `path <@ root`: the row lies in the subtree of root (root included). */
export function pathUnder(path: Expression<string>, root: string): Expression<SqlBool> {
  return sql<SqlBool>`${path} <@ ${root}::ltree`;
}

/** The scope's roots that lie under no other root of it (a grant inside another adds nothing). */
function outermost(scope: readonly string[]): string[] {
  return scope.filter((p) => !scope.some((q) => q !== p && p.startsWith(`${q}.`)));
}

type TreeRow = { id: string; parent_id: string | null; name: string; type: string; path: string; depth: number; sort_order: number; child_count: string | null; status: string };

/**
 * The first levels of a large tree, level by level through parent_id (its btree index): one
 * query per level over the level's few hundred nodes. Asked by depth instead, the planner
 * reads the whole scope through the path index under the scope policy and then drops the deep
 * rows (a province admin's first view: 400,000 rows for 217).
 */
async function listLevels(db: Kysely<DB>, scope: readonly string[], path: string | undefined, maxDepth: number, budget = Infinity) {
  const starts = path ? [path] : outermost(scope);
  const base = () => db.selectFrom('orgs as o')
    .select((eb) => ['o.id', 'o.parent_id', 'o.name', 'o.type', 'o.path', 'o.depth', 'o.sort_order', 'o.status', activeChildCount(eb)])
    .where((eb) => pathInScope(eb.ref('o.path'), scope))
    .where('o.depth', '<=', maxDepth);
  const out: TreeRow[] = [];
  let level: TreeRow[] = starts.length === 0 ? [] : await base().where('o.id', 'in', [...new Set(starts.map((p) => p.split('.').pop()!))]).execute();
  let levels = 0;
  while (level.length > 0) {
    out.push(...level);
    levels++;
    const parents = level.filter((r) => r.depth < maxDepth).map((r) => r.id);
    if (parents.length === 0) break;
    const children = sql<SqlBool>`o.parent_id = ANY(${`{${parents.join(',')}}`}::bigint[])`;
    // Within a budget of nodes, a level that would overflow it is left for the client to open
    // (counted first, by the same index); the first level below the start is always sent.
    if (budget !== Infinity && levels >= 2) {
      const next = await db.selectFrom('orgs as o').select((eb) => eb.fn.countAll<string>().as('n'))
        .where((eb) => pathInScope(eb.ref('o.path'), scope)).where(children).executeTakeFirst();
      if (out.length + Number(next?.n ?? 0) > budget) break;
    }
    level = await base().where(children).execute();
  }
  return out
    .filter((r) => r.status === 'active')
    .sort((a, b) => a.depth - b.depth || a.sort_order - b.sort_order || (BigInt(a.id) < BigInt(b.id) ? -1 : BigInt(a.id) > BigInt(b.id) ? 1 : 0))
    .map(({ status: _s, ...r }) => r);
}

/**
 * SQL of the organization tree. Every read takes the caller's scope roots and filters on them
 * explicitly; row-level security filters the same rows again underneath.
 */
export function createOrgsRepo(db: Kysely<DB>) {
  return {
    /**
     * Organizations in the scope subtrees (or under `under.path` only), in tree order, with
     * their number of children; `under.maxDepth` stops at an absolute depth.
     */
    listTree(scope: readonly string[], under: { path?: string; maxDepth?: number; budget?: number } = {}) {
      if (under.maxDepth !== undefined) return listLevels(db, scope, under.path, under.maxDepth, under.budget);
      let qb = db
        .selectFrom('orgs as o')
        .select((eb) => [
          'o.id', 'o.parent_id', 'o.name', 'o.type', 'o.path', 'o.depth', 'o.sort_order',
          activeChildCount(eb),
        ])
        .where((eb) => pathInScope(eb.ref('o.path'), scope))
        .where('o.status', '=', 'active');
      if (under.path) qb = qb.where((eb) => pathUnder(eb.ref('o.path'), under.path!));
      if (under.maxDepth !== undefined) qb = qb.where('o.depth', '<=', under.maxDepth);
      return qb
        .orderBy('o.depth')
        .orderBy('o.sort_order')
        .orderBy('o.id')
        .execute();
    },

    /**
     * How many active organizations the scope holds (decides whether the tree is sent whole):
     * the active scope roots plus their pre-aggregated active descendants (org_rollups), so a
     * province costs what a branch does. Roots under another root are counted with that one.
     */
    async countInScope(scope: readonly string[]): Promise<number> {
      const ids = [...new Set(outermost(scope).map((p) => p.split('.').pop()!))];
      if (ids.length === 0) return 0;
      const [active, below] = await Promise.all([
        db.selectFrom('orgs').select((eb) => eb.fn.countAll<string>().as('n')).where('id', 'in', ids).where('status', '=', 'active').executeTakeFirst(),
        db.selectFrom('org_rollups').select((eb) => eb.fn.sum<string>('n').as('n')).where('org_id', 'in', ids).where('measure', 'like', 'orgs:%').executeTakeFirst(),
      ]);
      return Number(active?.n ?? 0) + Number(below?.n ?? 0);
    },

    findInScope(id: string, scope: readonly string[]) {
      return db
        .selectFrom('orgs as o')
        .select((eb) => [
          'o.id', 'o.parent_id', 'o.name', 'o.short_name', 'o.code', 'o.type', 'o.path', 'o.depth', 'o.status',
          'o.sort_order', 'o.temp_reason', 'o.valid_until', 'o.building_kind',
          activeChildCount(eb),
        ])
        .where('o.id', '=', id)
        .where((eb) => pathInScope(eb.ref('o.path'), scope))
        .executeTakeFirst();
    },

    /** Ancestors by id, root first (the path holds their ids). Only those visible are returned. */
    ancestors(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('orgs').select(['id', 'name', 'depth']).where('id', 'in', [...ids]).orderBy('depth').execute();
    },

    /**
     * The organization's pre-aggregated figures (migration 0021, kept by triggers): members of
     * its subtree by status and active organizations strictly below it by type, sorted by key.
     * A few rows of one organization however large the subtree.
     */
    async rollup(orgId: string): Promise<{ membersByStatus: { status: string; count: number }[]; orgsByType: { type: string; count: number }[] }> {
      const rows = await db.selectFrom('org_rollups')
        .select(['measure', (eb) => eb.fn.sum<string>('n').as('n')])
        .where('org_id', '=', orgId)
        .groupBy('measure')
        .having((eb) => eb.fn.sum('n'), '<>', 0)
        .orderBy('measure')
        .execute();
      const of = (prefix: string) => rows.filter((r) => r.measure.startsWith(prefix))
        .map((r) => ({ key: r.measure.slice(prefix.length), count: Number(r.n) }));
      return {
        membersByStatus: of('members:').map((r) => ({ status: r.key, count: r.count })),
        orgsByType: of('orgs:').map((r) => ({ type: r.key, count: r.count })),
      };
    },

    /**
     * Moves the subtree at `oldPath` under `newParentPath`: one UPDATE rewrites the path of the
     * organization and every descendant, and re-points the organization's parent_id.
     */
    async moveSubtree(id: string, oldPath: string, newParentId: string, newParentPath: string) {
      const r = await sql<{ id: string; path: string }>`
        UPDATE orgs SET
          path = ${newParentPath}::ltree || subpath(path, nlevel(${oldPath}::ltree) - 1),
          parent_id = CASE WHEN id = ${id}::bigint THEN ${newParentId}::bigint ELSE parent_id END,
          updated_at = now()
        WHERE path <@ ${oldPath}::ltree
        RETURNING id, path::text AS path`.execute(db);
      return r.rows;
    },
  };
}

export type OrgsRepo = ReturnType<typeof createOrgsRepo>;
