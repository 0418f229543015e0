import { sql, type Kysely } from 'kysely';

/**
 * Row-level security that the path index can serve (issue 4, measured in bench/RESULTS.md).
 *
 * Every policy tested `path <@ app_scope()`: an ltree against an ltree[] — an operator the gist
 * index on orgs.path cannot answer. A policy's test runs before the query's own conditions, and
 * ltree's operators are not leakproof, so the query's `path <@ '1.79'` could not use the index
 * either: every query under a scope read all of orgs (2,007 rows in a county, 400,000 in a
 * province) to find the scope's organizations, once per statement and per policy.
 *
 * `path ? app_scope_lq()` — the same subtrees written as lquery patterns ('1.79.*' matches
 * '1.79' and everything below it) — is answered by the gist index, so a town's queries visit
 * the town's organizations only. app_scope_lq() is a one-expression SQL function over
 * app_scope(), called as a scalar subquery, `(SELECT app_scope_lq())`: an InitPlan computed once
 * per statement. Inlined instead, its regexp ran once per row wherever the planner preferred a
 * scan to the index (measured on a province: 870 ms for a town's wish list, 79 ms as InitPlan). Every policy of the schema that has the old test is
 * rewritten in place (the expressions are otherwise unchanged); tests of ancestors
 * (`@> app_scope()`) and of path labels stay as they were.
 */
const OLD = '<@ app_scope()';
const NEW = '? (SELECT app_scope_lq())';

async function rewrite(db: Kysely<any>, from: string, to: string): Promise<void> {
  const { rows } = await sql<{ tablename: string; policyname: string; qual: string | null; with_check: string | null }>`
    SELECT tablename, policyname, qual, with_check FROM pg_policies WHERE schemaname = current_schema()`.execute(db);
  for (const p of rows) {
    const hit = (e: string | null) => e !== null && e.includes(from);
    if (!hit(p.qual) && !hit(p.with_check)) continue;
    const using = p.qual === null ? sql`` : sql` USING (${sql.raw(p.qual.split(from).join(to))})`;
    const check = p.with_check === null ? sql`` : sql` WITH CHECK (${sql.raw(p.with_check.split(from).join(to))})`;
    await sql`ALTER POLICY ${sql.id(p.policyname)} ON ${sql.id(p.tablename)}${using}${check}`.execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION app_scope_lq() RETURNS lquery[]
    LANGUAGE sql STABLE AS $$
      SELECT regexp_replace(app_scope()::text, '([^{},"]+)', '\\1.*', 'g')::lquery[]
    $$`.execute(db);
  await sql`GRANT EXECUTE ON FUNCTION app_scope_lq() TO dangjian_app`.execute(db);
  await rewrite(db, OLD, NEW);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rewrite(db, NEW, OLD);
  await sql`DROP FUNCTION IF EXISTS app_scope_lq()`.execute(db);
}
