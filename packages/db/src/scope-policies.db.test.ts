import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { DB } from './schema.ts';
import type { Database } from './connect.ts';
import { withScope } from './scope.ts';
import { openTestDatabase, testEngines } from './testing/engines.ts';

/**
 * Migration 0022: every policy tests the scope with the index-served `path ? app_scope_lq()`,
 * which must select exactly the subtrees `path <@ app_scope()` selected.
 */
describe.each(testEngines())('scope policies on %s', (kind) => {
  let database: Database;
  let db: Kysely<DB>;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    db = database.db;
  });
  afterAll(() => database.close());

  it('no policy keeps the form the path index cannot serve', async () => {
    const { rows } = await sql<{ policyname: string }>`
      SELECT policyname FROM pg_policies WHERE schemaname = current_schema()
        AND (coalesce(qual, '') LIKE '%<@ app_scope()%' OR coalesce(with_check, '') LIKE '%<@ app_scope()%'
          -- inlined, its regexp would run per row wherever the planner scans: it must be an InitPlan
          OR coalesce(qual, '') LIKE '%? app_scope_lq()%' OR coalesce(with_check, '') LIKE '%? app_scope_lq()%')`.execute(db);
    expect(rows).toEqual([]);
    const { rows: using } = await sql<{ n: string }>`
      SELECT count(*) AS n FROM pg_policies WHERE schemaname = current_schema() AND coalesce(qual, '') LIKE '%app_scope_lq()%'`.execute(db);
    expect(Number(using[0]!.n)).toBeGreaterThan(40);
  });

  it('the lquery scope selects the same organizations as the subtree test, for one, several, nested and no roots', async () => {
    const ids: string[] = [];
    const add = async (parent: string | null) => {
      const { rows } = await sql<{ id: string; path: string }>`
        WITH n AS (SELECT nextval(pg_get_serial_sequence('orgs', 'id')) AS id)
        INSERT INTO orgs (id, parent_id, path, type, name)
        SELECT n.id, ${parent === null ? null : parent.split('.').pop()!}::bigint,
          (CASE WHEN ${parent}::text IS NULL THEN n.id::text ELSE ${parent ?? ''} || '.' || n.id END)::ltree, 'branch', 's' || n.id FROM n
        RETURNING id::text AS id, path::text AS path`.execute(db);
      ids.push(rows[0]!.id);
      return rows[0]!.path;
    };
    const root = await add(null);
    const a = await add(root);
    const a1 = await add(a);
    await add(a1);
    const b = await add(root);
    await add(b);
    // A second tree outside every scope but the one that names it.
    const other = await add(null);
    for (const scope of [[root], [a], [a, b], [a, a1], [b, other], [], [a1]]) {
      const literal = `{${scope.map((p) => `"${p}"`).join(',')}}`;
      const seen = await withScope(db, scope, async (trx) =>
        (await sql<{ id: string }>`SELECT id::text AS id FROM orgs WHERE id = ANY(${`{${ids.join(',')}}`}::bigint[]) ORDER BY id`.execute(trx)).rows.map((r) => r.id));
      const expected = (await sql<{ id: string }>`
        SELECT id::text AS id FROM orgs WHERE id = ANY(${`{${ids.join(',')}}`}::bigint[]) AND path <@ ${literal}::ltree[] ORDER BY id`.execute(db)).rows.map((r) => r.id);
      expect(seen).toEqual(expected);
    }
  });

  it('withScope begins with the scope set (sent with BEGIN), for the transaction only, and other transactions begin as usual', async () => {
    const inside = await withScope(db, ['1.2', '3'], async (trx) => {
      const own = (await sql<{ u: string; s: string; j: string }>`SELECT current_user AS u, current_setting('app.scope') AS s, current_setting('jit') AS j`.execute(trx)).rows[0]!;
      // Another transaction begun meanwhile on the pool (PostgreSQL: PGlite has one connection)
      // runs as the owner, with no scope.
      const other = kind === 'pglite' ? null : await db.transaction().execute(async (t2) =>
        (await sql<{ u: string; s: string }>`SELECT current_user AS u, coalesce(current_setting('app.scope', true), '') AS s`.execute(t2)).rows[0]!);
      return { own, other };
    });
    expect(inside.own).toEqual({ u: 'dangjian_app', s: '{"1.2","3"}', j: 'off' });
    if (inside.other) {
      expect(inside.other.u).not.toBe('dangjian_app');
      expect(inside.other.s).toBe('');
    }
    // Paths that are not ids joined by dots are never written into SQL; they are still applied.
    const odd = await withScope(db, ["1.2'x"], async (trx) =>
      (await sql<{ u: string; s: string }>`SELECT current_user AS u, current_setting('app.scope') AS s`.execute(trx)).rows[0]!);
    expect(odd).toEqual({ u: 'dangjian_app', s: `{"1.2'x"}` });
    const after = (await sql<{ u: string; s: string }>`SELECT current_user AS u, coalesce(current_setting('app.scope', true), '') AS s`.execute(db)).rows[0]!;
    expect(after.u).not.toBe('dangjian_app');
    expect(after.s).toBe('');
  });
});
