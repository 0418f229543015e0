/** `npm run migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
import { openFromSettings } from '../open.ts';
import { migrateToLatest } from '../migrate.ts';
import { acquireDataDirLock, releaseDataDirLock } from '../backup/lock.ts';

const dataDir = process.env.DANGJIAN_DATA_DIR || './data';
const embedded = !process.env.DATABASE_URL;
// The embedded database admits one process: refuse while the server holds it.
if (embedded) {
  try {
    await acquireDataDirLock(dataDir);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
const database = await openFromSettings({
  DATABASE_URL: process.env.DATABASE_URL,
  DANGJIAN_DATA_DIR: dataDir,
});
try {
  const result = await migrateToLatest(database.db);
  const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
  console.log(applied.length ? `已执行迁移 (applied): ${applied.join(', ')}` : '数据库已是最新 (up to date)');
} catch (err) {
  console.error(`迁移失败 (migration failed): ${(err as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
  if (embedded) await releaseDataDirLock(dataDir);
}
