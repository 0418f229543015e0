import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../connect.ts';
import { migrateToLatest } from '../migrate.ts';

export type EngineKind = 'pglite' | 'postgres';

/** The engines database tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): EngineKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

async function admin<T>(url: URL, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  const client = new pg.Client({ connectionString: adminUrl.toString() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * A migrated database of its own for one suite: a fresh in-memory PGlite, or on PostgreSQL a
 * new database copied from TEST_DATABASE_URL's (migrated once by the global setup, used only
 * as a template) and dropped on close. Suites never share rows, so "nothing changed"
 * snapshots hold while other files run in parallel.
 */
export async function openTestDatabase(kind: EngineKind): Promise<Database> {
  if (kind === 'postgres') {
    const raw = process.env.TEST_DATABASE_URL;
    if (!raw) throw new Error('TEST_DATABASE_URL is not set');
    const url = new URL(raw);
    const template = decodeURIComponent(url.pathname.slice(1));
    const name = `${template}_t${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(url, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      },
    };
  }
  const database = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(database.db);
  return database;
}
