import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../connect.ts';
import { migrateToLatest } from '../migrate.ts';

export type EngineKind = 'pglite' | 'postgres';

/**
 * Names the variable through which the test run's global setup (testing/global-setup.ts) hands
 * workers the path of a tar of a migrated PGlite data directory.
 */
export const PGLITE_SNAPSHOT_ENV = 'DANGJIAN_TEST_PGLITE_SNAPSHOT';

let snapshot: { path: string; blob: Blob } | undefined;

/** The migrated snapshot of this run, read once per worker process; undefined outside a run. */
function migratedSnapshot(): Blob | undefined {
  const path = process.env[PGLITE_SNAPSHOT_ENV];
  if (!path) return undefined;
  if (snapshot?.path !== path) snapshot = { path, blob: new Blob([readFileSync(path)]) };
  return snapshot.blob;
}

/** The engines database tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testEngines(): EngineKind[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Names the variable through which the global setup gives this run's id to the workers: the
 * PostgreSQL copies a run makes are named `<template>_t<run>_…`, so its teardown can drop the
 * copies it left without touching another run's.
 */
export const TEST_RUN_ENV = 'DANGJIAN_TEST_RUN';

/** How long (ms) a DROP DATABASE may wait before it gives up and leaves the copy to the sweep. */
const DROP_TIMEOUT_MS = 15_000;

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
 * Drops one copy, waiting at most DROP_TIMEOUT_MS. DROP DATABASE waits until every backend of
 * the server has answered a signal barrier, and a long statement of another client (a bulk COPY
 * on a shared server) can hold that for minutes; a suite must not fail for that. Returns false
 * when it gave up: the copy is then left for testing/global-setup's sweep.
 */
async function dropCopy(c: pg.Client, name: string): Promise<boolean> {
  await c.query(`SET statement_timeout = ${DROP_TIMEOUT_MS}`);
  try {
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    return true;
  } catch (err) {
    if ((err as { code?: string }).code === '57014') return false; // query_canceled: the timeout
    throw err;
  }
}

/**
 * Drops the copies of TEST_DATABASE_URL's template whose names start with `<template>_t<prefix>`
 * (every run's copies when prefix is ''); used by the global setup before and after a run.
 * Returns the names it could not drop in time.
 */
export async function dropTestCopies(rawUrl: string, prefix = ''): Promise<string[]> {
  const url = new URL(rawUrl);
  const template = decodeURIComponent(url.pathname.slice(1));
  const like = `${template}_t${prefix}`.replace(/[_%\\]/g, (ch) => `\\${ch}`) + '%';
  return admin(url, async (c) => {
    const copies = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [like]);
    const left: string[] = [];
    for (const r of copies.rows) if (!(await dropCopy(c, r.datname))) left.push(r.datname);
    return left;
  });
}

/**
 * A migrated database of its own for one suite: a fresh in-memory PGlite (loaded from the run's
 * migrated snapshot when there is one, else migrated here), or on PostgreSQL a new database
 * copied from TEST_DATABASE_URL's (migrated once by the global setup, used only as a template)
 * and dropped on close. Suites never share rows, so "nothing changed" snapshots hold while
 * other files run in parallel.
 */
export async function openTestDatabase(kind: EngineKind): Promise<Database> {
  if (kind === 'postgres') {
    const raw = process.env.TEST_DATABASE_URL;
    if (!raw) throw new Error('TEST_DATABASE_URL is not set');
    const url = new URL(raw);
    const template = decodeURIComponent(url.pathname.slice(1));
    const run = process.env[TEST_RUN_ENV] ?? 'x';
    const name = `${template}_t${run}_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin(url, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
    url.pathname = `/${name}`;
    const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 4 });
    return {
      ...database,
      close: async () => {
        await database.close();
        await admin(url, (c) => dropCopy(c, name));
      },
    };
  }
  const loadDataDir = migratedSnapshot();
  if (loadDataDir) return openDatabase({ kind: 'pglite', loadDataDir });
  const database = await openDatabase({ kind: 'pglite' });
  await migrateToLatest(database.db);
  return database;
}
