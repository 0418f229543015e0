import { Kysely } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { DB } from './schema.ts';
import { ScopeAwareDialect } from './scope.ts';

// bigint (int8) and numeric come back as strings; dates (no time) stay 'YYYY-MM-DD' strings.
pg.types.setTypeParser(1082, (v: string) => v);

export type DatabaseOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob };

export interface Database {
  db: Kysely<DB>;
  kind: 'postgres' | 'pglite';
  /** The embedded engine, when kind is 'pglite' (used for backups). */
  pglite?: PGlite;
  close(): Promise<void>;
}

/**
 * Opens the database: a pg.Pool on a PostgreSQL server, or embedded PGlite reached through the
 * same pg.Pool interface, so the rest of the code runs one path on both.
 * @example const { db, close } = await openDatabase({ kind: 'pglite', dataDir: './data/db' });
 */
export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle client whose connection the server ended (restart, failover, an administrator's
    // terminate) emits 'error' on the pool; without a listener that would crash the process.
    // The pool drops that client and opens a new one on the next query.
    pool.on('error', (err) => {
      if (process.env.NODE_ENV !== 'test' && !process.env.VITEST) console.warn(`database connection lost: ${err.message}`);
    });
    const db = new Kysely<DB>({ dialect: new ScopeAwareDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const pglite = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
    extensions: { ltree, pg_trgm },
    postgresqlconf: ['max_wal_size = 256MB'],
  });
  const pool = new pg.Pool(createPgConfig(pglite));
  const db = new Kysely<DB>({ dialect: new ScopeAwareDialect({ pool }) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
