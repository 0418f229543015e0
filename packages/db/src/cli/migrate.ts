/** `npm run migrate`: applies pending migrations to DATABASE_URL or the embedded database. */
import { withCliDatabase } from '../cli-support.ts';
import { migrateToLatest } from '../migrate.ts';

await withCliDatabase(async ({ db }) => {
  try {
    const result = await migrateToLatest(db);
    const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
    console.log(applied.length ? `已执行迁移 (applied): ${applied.join(', ')}` : '数据库已是最新 (up to date)');
  } catch (err) {
    console.error(`迁移失败 (migration failed): ${(err as Error).message}`);
    process.exitCode = 1;
  }
});
