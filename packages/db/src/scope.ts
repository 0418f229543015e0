import { AsyncLocalStorage } from 'node:async_hooks';
import { CompiledQuery, PostgresDialect, sql, type DatabaseConnection, type Driver, type Kysely, type Transaction, type TransactionSettings } from 'kysely';
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
  // Paths are ids joined by dots; only then may the settings travel as literals with BEGIN.
  const pending: PendingScope = { sql: scopePaths.every((p) => SAFE_PATH.test(p)) ? settingsSql(scope) : null, sent: false };
  return scopeOfNextBegin.run(pending, () => db.transaction().execute(async (trx) => {
    // set_config('role', …, true) is SET LOCAL ROLE. JIT off: the policies' probes make the
    // planner cost short statements in the millions, and compiling them took 0.3–1 s on
    // PostgreSQL 15 (measured, bench/RESULTS.md); PGlite has no JIT. Normally already sent
    // with BEGIN (ScopeAwareDialect); here when it was not.
    if (!pending.sent) {
      await sql`SELECT set_config('app.scope', ${scope}, true), set_config('role', ${APP_ROLE}, true), set_config('jit', 'off', true)`.execute(trx);
    }
    return fn(trx);
  }));
}

const SAFE_PATH = /^[0-9]+(\.[0-9]+)*$/;

function settingsSql(scope: string): string {
  return `SELECT set_config('app.scope', '${scope}', true), set_config('role', '${APP_ROLE}', true), set_config('jit', 'off', true)`;
}

interface PendingScope {
  /** The settings statement, or null when the scope cannot be written as a literal. */
  sql: string | null;
  sent: boolean;
}

/** The scope of the transaction withScope() is about to begin, for the dialect's BEGIN. */
const scopeOfNextBegin = new AsyncLocalStorage<PendingScope>();

/**
 * PostgresDialect whose BEGIN for withScope() carries the scope settings in the same message
 * (`begin; select set_config(…)`, one simple-protocol round trip on PostgreSQL and PGlite alike)
 * instead of a second statement: a scoped request pays BEGIN, its statements and COMMIT, one
 * round trip fewer. Only the first BEGIN of a withScope() call takes them; any other
 * transaction (or one begun inside `fn`) begins as usual, and withScope() sends the settings
 * itself if they were not sent.
 */
export class ScopeAwareDialect extends PostgresDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    const begin = driver.beginTransaction.bind(driver);
    driver.beginTransaction = async (connection: DatabaseConnection, settings: TransactionSettings) => {
      const pending = scopeOfNextBegin.getStore();
      if (!pending || pending.sent || pending.sql === null || settings.isolationLevel || settings.accessMode) return begin(connection, settings);
      pending.sent = true;
      await connection.executeQuery(CompiledQuery.raw(`begin; ${pending.sql}`));
    };
    return driver;
  }
}
