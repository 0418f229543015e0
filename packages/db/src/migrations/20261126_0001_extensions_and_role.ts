import { sql, type Kysely } from 'kysely';

/**
 * Extensions and the application role. The role `dangjian_app` owns nothing, so row-level
 * security applies to it; the server switches to it (SET LOCAL ROLE) for every scoped query.
 * Frozen: never edit after it has shipped.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS ltree`.execute(db);
  await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db);
  await sql`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dangjian_app') THEN
        CREATE ROLE dangjian_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
      END IF;
    END
    $$`.execute(db);
  await sql`GRANT dangjian_app TO CURRENT_USER`.execute(db).catch(() => undefined);
  await sql`GRANT USAGE ON SCHEMA public TO dangjian_app`.execute(db);
  // The caller's scope: ltree paths of the organizations its roles are granted on.
  await sql`
    CREATE OR REPLACE FUNCTION app_scope() RETURNS ltree[]
    LANGUAGE sql STABLE AS $$
      SELECT coalesce(nullif(current_setting('app.scope', true), ''), '{}')::ltree[]
    $$`.execute(db);
  await sql`GRANT EXECUTE ON FUNCTION app_scope() TO dangjian_app`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP FUNCTION IF EXISTS app_scope()`.execute(db);
}
