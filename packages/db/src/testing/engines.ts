import { openDatabase, type Database } from '../connect.ts';
import { migrateToLatest } from '../migrate.ts';

export type EngineKind = 'pglite' | 'postgres';

/** The engines database tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): EngineKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A migrated database for one test file: a fresh in-memory PGlite, or the shared PostgreSQL
 * test database (migrated by the global setup; tests there must keep to their own subtrees).
 */
export async function openTestDatabase(kind: EngineKind): Promise<Database> {
  if (kind === 'postgres') {
    const url = process.env.TEST_DATABASE_URL;
    if (!url) throw new Error('TEST_DATABASE_URL is not set');
    return openDatabase({ kind: 'postgres', url, poolSize: 4 });
  }
  const database = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(database.db);
  return database;
}
