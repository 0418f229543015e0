import { openFromSettings } from './open.ts';
import { acquireDataDirLock, releaseDataDirLock } from './backup/lock.ts';
import type { Database } from './connect.ts';

/**
 * For command-line tools: opens DATABASE_URL or the embedded database (taking the data-dir
 * lock first, since the embedded database admits one process and refuses while the server
 * runs), runs `fn`, then closes and releases. Sets exit code 1 with the message on a lock.
 * @example await withCliDatabase(async ({ db }) => { await migrateToLatest(db); });
 */
export async function withCliDatabase(fn: (database: Database) => Promise<void>): Promise<void> {
  const dataDir = process.env.DANGJIAN_DATA_DIR || './data';
  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    try {
      await acquireDataDirLock(dataDir);
    } catch (err) {
      console.error((err as Error).message);
      process.exitCode = 1;
      return;
    }
  }
  const database = await openFromSettings({ DATABASE_URL: process.env.DATABASE_URL, DANGJIAN_DATA_DIR: dataDir });
  try {
    await fn(database);
  } finally {
    await database.close();
    if (embedded) await releaseDataDirLock(dataDir);
  }
}
