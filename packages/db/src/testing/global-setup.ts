import { sql } from 'kysely';
import { openDatabase } from '../connect.ts';
import { migrateToLatest } from '../migrate.ts';

/**
 * Before the test run: when TEST_DATABASE_URL is set, reset that database's public schema and
 * migrate it once; test files then share it, each working in its own organization subtree.
 * Fails loudly if the server cannot be reached.
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
}
