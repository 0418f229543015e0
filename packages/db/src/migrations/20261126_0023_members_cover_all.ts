import { sql, type Kysely } from 'kysely';

/**
 * Members' scope policy answers at once for a scope that holds every root organization (the
 * organization department of the whole installation): `(SELECT app_scope_covers_all()) OR …`,
 * evaluated once per statement (migration 0020). Before, such a caller's every statement on
 * members built the set of all organizations in scope (400,000 in a province: ~440 ms) to test
 * the rows against. The rows allowed are the same: when every root is in scope, every
 * organization is (paths are ids from the root down, ADR 0002), and every member belongs to one.
 * WITH CHECK (writes) keeps the probe of the row's own organization.
 */
async function setUsing(db: Kysely<any>, coverAll: boolean): Promise<void> {
  const { rows } = await sql<{ qual: string; with_check: string }>`
    SELECT qual, with_check FROM pg_policies
    WHERE schemaname = current_schema() AND tablename = 'members' AND policyname = 'members_scope'`.execute(db);
  const p = rows[0];
  if (!p) throw new Error('policy members_scope not found');
  const prefix = '((SELECT app_scope_covers_all() AS app_scope_covers_all) OR ';
  const base = p.qual.startsWith(prefix) ? p.qual.slice(prefix.length, -1) : p.qual;
  const using = coverAll ? `(SELECT app_scope_covers_all()) OR ${base}` : base;
  await sql`ALTER POLICY members_scope ON members USING (${sql.raw(using)}) WITH CHECK (${sql.raw(p.with_check)})`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await setUsing(db, true);
}

export async function down(db: Kysely<any>): Promise<void> {
  await setUsing(db, false);
}
