import { sql, type Kysely, type RawBuilder } from 'kysely';

/**
 * Points: the read policy of the member-keyed tables as sets, the writes as before (issue: the
 * county leaderboard under RLS was 5-6x its bare SQL).
 *
 * 0016 gave points_entries, points_balances, points_monthly and points_orders one FOR ALL policy,
 * `USING (orgOk OR memberOk) WITH CHECK (orgOk AND memberOk)`, with correlated EXISTS probes. A
 * scan re-probes orgs (and members) for every row, and the planner, which costs the probes per
 * row, often keeps them inside nested loops or, on PostgreSQL, pays the JIT compiler for a plan
 * it believes costs millions. Here each table gets one policy per command:
 * - SELECT: the same rows as sets, `org_id IN (scope's orgs) OR member_id IN (scope's members)`,
 *   hashed once per statement.
 * - INSERT / UPDATE / DELETE: exactly 0016's correlated expressions.
 *
 * PostgreSQL also applies SELECT policies to the writes that read rows (UPDATE … WHERE,
 * SELECT … FOR UPDATE, INSERT … ON CONFLICT with a target, RETURNING), so the sets must be cheap
 * to build for a single-row write in a big tree. A plain `SELECT id FROM orgs WHERE path <@
 * app_scope()` is not: orgs' own policy is not leakproof, so the GiST index on orgs.path cannot
 * be used under it and every statement scans all organizations (measured: 1.4-1.8 s for one
 * postEntry upsert in a town scope with 400,000 organizations, against 0.5 ms before). Hence:
 * - app_scope_org_ids(): SECURITY DEFINER (owned by the migrating role, so orgs' policy does not
 *   apply inside), the scope's organizations by the GiST index, one scan per scope root. It
 *   returns exactly the rows orgs' policy shows the caller (`path <@ app_scope()`), so keep it
 *   in step if that policy ever changes.
 * - app_scope_member_ids(): SECURITY INVOKER, so members' policies (scope, active-only) apply as
 *   in 0016's memberOk. Both carry a SET clause and a ROWS estimate, which keeps them from being
 *   inlined: the planner sees a small function scan, not a join it misestimates.
 * - app_scope_covers_all(): SECURITY DEFINER, true when the scope holds every root organization.
 *   Paths are made of ids from the root down (ADR 0002), so every organization is then in scope
 *   and orgOk holds for every row: the policy answers without building a set (a province admin's
 *   set would be 400,000 organizations; measured 1.5-4.6 s per single-row statement without it).
 *   Evaluated once per statement as an InitPlan.
 * A single-row statement in any other scope builds that scope's sets, about 1 ms per 2,000
 * organizations (measured on the county's 2,007); the writes' own checks stay index probes.
 * Frozen: never edit after it has shipped.
 */
const tables = ['points_entries', 'points_balances', 'points_monthly', 'points_orders'] as const;

/** 0016's correlated probes, as they were. */
function correlated(t: string) {
  const orgOk = sql`EXISTS (SELECT 1 FROM orgs o WHERE o.id = ${sql.ref(`${t}.org_id`)} AND o.path <@ app_scope())`;
  const memberOk = sql`EXISTS (SELECT 1 FROM members m JOIN orgs o ON o.id = m.org_id WHERE m.id = ${sql.ref(`${t}.member_id`)} AND o.path <@ app_scope())`;
  return { visible: sql`(${orgOk} OR ${memberOk})`, writable: sql`(${orgOk} AND ${memberOk})` };
}

const policy = (t: string, op: string) => sql.id(`${t}_${op}`);

async function createPolicy(db: Kysely<any>, t: string, op: 'read' | 'insert' | 'update' | 'delete', clause: RawBuilder<unknown>) {
  const command = op === 'read' ? 'SELECT' : op.toUpperCase();
  await sql`CREATE POLICY ${policy(t, op)} ON ${sql.table(t)} FOR ${sql.raw(command)} TO dangjian_app ${clause}`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION app_scope_org_ids() RETURNS SETOF bigint
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 10 AS $$
      SELECT o.id FROM unnest(app_scope()) AS r(root) JOIN orgs o ON o.path <@ r.root
    $$`.execute(db);
  await sql`
    CREATE FUNCTION app_scope_member_ids() RETURNS SETOF bigint
    LANGUAGE sql STABLE SET search_path = public, pg_temp ROWS 10 AS $$
      SELECT m.id FROM members m WHERE m.org_id IN (SELECT s.id FROM app_scope_org_ids() AS s(id))
    $$`.execute(db);
  await sql`
    CREATE FUNCTION app_scope_covers_all() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
      SELECT NOT EXISTS (SELECT 1 FROM orgs o WHERE o.parent_id IS NULL AND NOT o.path <@ app_scope())
    $$`.execute(db);
  for (const f of ['app_scope_org_ids', 'app_scope_member_ids', 'app_scope_covers_all']) {
    await sql`REVOKE ALL ON FUNCTION ${sql.id(f)}() FROM PUBLIC`.execute(db);
    await sql`GRANT EXECUTE ON FUNCTION ${sql.id(f)}() TO dangjian_app`.execute(db);
  }

  for (const t of tables) {
    const { visible, writable } = correlated(t);
    const asSets = sql`((SELECT app_scope_covers_all()) OR ${sql.ref(`${t}.org_id`)} IN (SELECT s.id FROM app_scope_org_ids() AS s(id))
      OR ${sql.ref(`${t}.member_id`)} IN (SELECT s.id FROM app_scope_member_ids() AS s(id)))`;
    await sql`DROP POLICY ${policy(t, 'scope')} ON ${sql.table(t)}`.execute(db);
    await createPolicy(db, t, 'read', sql`USING ${asSets}`);
    await createPolicy(db, t, 'insert', sql`WITH CHECK ${writable}`);
    await createPolicy(db, t, 'update', sql`USING ${visible} WITH CHECK ${writable}`);
    await createPolicy(db, t, 'delete', sql`USING ${visible}`);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of tables) {
    for (const op of ['read', 'insert', 'update', 'delete']) await sql`DROP POLICY ${policy(t, op)} ON ${sql.table(t)}`.execute(db);
    const { visible, writable } = correlated(t);
    await sql`CREATE POLICY ${policy(t, 'scope')} ON ${sql.table(t)} TO dangjian_app USING ${visible} WITH CHECK ${writable}`.execute(db);
  }
  await sql`DROP FUNCTION app_scope_covers_all()`.execute(db);
  await sql`DROP FUNCTION app_scope_member_ids()`.execute(db);
  await sql`DROP FUNCTION app_scope_org_ids()`.execute(db);
}
