import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.ts';

/** The role that row-level security applies to. Created by the first migration. */
export const APP_ROLE = 'dangjian_app';

/**
 * Runs `fn` in a transaction as the app role with the caller's scope set, so PostgreSQL's
 * row-level security hides every row outside the given subtrees, whatever `fn` forgets to filter.
 * An empty scope sees nothing.
 * @example await withScope(db, ['1.12'], (trx) => trx.selectFrom('orgs').selectAll().execute());
 */
export async function withScope<T>(
  db: Kysely<DB>,
  scopePaths: readonly string[],
  fn: (trx: Transaction<DB>) => Promise<T>,
): Promise<T> {
  const scope = `{${scopePaths.map((p) => `"${p}"`).join(',')}}`;
  return db.transaction().execute(async (trx) => {
    // One round trip: set_config('role', …, true) is SET LOCAL ROLE. JIT off: the policies'
    // probes make the planner cost short statements in the millions, and compiling them took
    // 0.3–1 s on PostgreSQL 15 (measured, bench/RESULTS.md); PGlite has no JIT.
    await sql`SELECT set_config('app.scope', ${scope}, true), set_config('role', ${APP_ROLE}, true), set_config('jit', 'off', true)`.execute(trx);
    return fn(trx);
  });
}
