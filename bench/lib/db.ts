/**
 * Opening a bench database. The product's Kysely is built on the same pool type the server uses
 * (pg.Pool on PostgreSQL, the pg.Pool adapter on PGlite), with a log hook that can capture the
 * exact SQL a repository function sends, so the bare baseline replays the very same statements.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { Kysely, PostgresDialect, type LogEvent } from 'kysely';
import pg from 'pg';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { openDatabase, type Database, type DB } from '../../packages/db/src/index.ts';
import { embeddedPaths } from '../../packages/db/src/backup/paths.ts';
import type { Target } from './cli.ts';

export interface Statement {
  sql: string;
  params: readonly unknown[];
}

export interface BenchDb {
  kind: Target['kind'];
  /** The product's query builder (what repositories and buildApp get). */
  db: Kysely<DB>;
  /** Runs `fn` and returns the statements the product sent meanwhile. Not for concurrent use. */
  capture<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }>;
  /** Sends statements bare through the driver, in order, on one connection; returns each result's rows. */
  bare(statements: readonly Statement[]): Promise<unknown[][]>;
  /** The underlying engine, for PGlite COPY from a blob. */
  database: Database;
  close(): Promise<void>;
}

/** Creates the PostgreSQL database if it does not exist (bench databases only). */
async function ensurePgDatabase(url: string): Promise<void> {
  const u = new URL(url);
  const name = u.pathname.slice(1);
  u.pathname = '/postgres';
  const c = new pg.Client({ connectionString: u.toString() });
  await c.connect();
  try {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await c.end();
  }
}

/**
 * Empties a target so the generator starts from nothing: drops the public schema on
 * PostgreSQL (the app role survives, the migrations grant again), removes the PGlite folder.
 */
export async function resetTarget(t: Target): Promise<void> {
  if (t.kind === 'pglite') {
    rmSync(t.dataDir!, { recursive: true, force: true });
    return;
  }
  await ensurePgDatabase(t.url!);
  const c = new pg.Client({ connectionString: t.url });
  await c.connect();
  try {
    await c.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;');
  } finally {
    await c.end();
  }
}

/** Opens a target for the bench (the database must exist). */
export async function openBenchDb(t: Target, poolSize = 10): Promise<BenchDb> {
  let database: Database;
  let pool: pg.Pool;
  let barePool: pg.Pool | null = null;
  if (t.kind === 'postgres') {
    await ensurePgDatabase(t.url!);
    database = await openDatabase({ kind: 'postgres', url: t.url!, poolSize: 2 });
    pool = new pg.Pool({ connectionString: t.url, max: poolSize });
    barePool = new pg.Pool({ connectionString: t.url, max: poolSize });
  } else {
    const dir = embeddedPaths(t.dataDir!).db;
    mkdirSync(dir, { recursive: true });
    database = await openDatabase({ kind: 'pglite', dataDir: dir });
    pool = new pg.Pool(createPgConfig(database.pglite!));
  }
  let sink: Statement[] | null = null;
  const log = (e: LogEvent) => {
    if (sink && e.level === 'query') sink.push({ sql: e.query.sql, params: e.query.parameters });
  };
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log });
  const pglite = database.pglite;
  return {
    kind: t.kind,
    db,
    database,
    async capture(fn) {
      sink = [];
      try {
        const result = await fn();
        return { result, statements: sink };
      } finally {
        sink = null;
      }
    },
    async bare(statements) {
      if (pglite) {
        const out: unknown[][] = [];
        for (const s of statements) out.push((await pglite.query(s.sql, s.params as unknown[])).rows);
        return out;
      }
      const client = await barePool!.connect();
      try {
        const out: unknown[][] = [];
        for (const s of statements) out.push((await client.query(s.sql, s.params as unknown[])).rows);
        return out;
      } finally {
        client.release();
      }
    },
    async close() {
      await db.destroy();
      if (barePool) await barePool.end();
      await database.close();
    },
  };
}

/**
 * Statements that only set up the row-level-security transaction (begin/commit, withScope's
 * set_config and SET LOCAL ROLE): the bare baseline leaves them out, because they are the product's overhead.
 */
export function isScopeSetup(s: Statement): boolean {
  return /set_config\('app\.scope'|^SET LOCAL ROLE|^(begin|commit|rollback)\b/i.test(s.sql.trim());
}
