import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../connect.ts';
import { migrateToLatest } from '../migrate.ts';

/**
 * Before the test run: when TEST_DATABASE_URL is set, reset that database's public schema and
 * migrate it once. It then serves as the template each suite copies into a database of its own
 * (testing/engines.ts), so nothing may stay connected to it. Leftover copies of an interrupted
 * run are dropped. Fails loudly if the server cannot be reached.
 */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return;
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 1 });
  try {
    await sql`DROP SCHEMA IF EXISTS public CASCADE`.execute(database.db);
    await sql`CREATE SCHEMA public`.execute(database.db);
    await migrateToLatest(database.db);
  } catch (err) {
    throw new Error(`TEST_DATABASE_URL (${url}) unusable: ${(err as Error).message}`, { cause: err });
  } finally {
    await database.close();
  }
  const adminUrl = new URL(url);
  const template = decodeURIComponent(adminUrl.pathname.slice(1));
  adminUrl.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  try {
    const stale = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [`${template}\\_t%`]);
    for (const r of stale.rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}
