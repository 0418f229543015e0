/**
 * `npm run restore -- FILE`: replaces the embedded database `<DANGJIAN_DATA_DIR>/db` with a
 * backup. Non-interactive: naming the file is the confirmation. The current database is moved
 * aside (never deleted). Refuses while the server runs. FILE may be a path or a file name
 * inside `<DANGJIAN_DATA_DIR>/backups`.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { embeddedPaths, formatBytes, listBackups, restorePglite } from '../backup/index.ts';

async function main(): Promise<number> {
  if (process.env.DATABASE_URL) {
    console.error(`已设置 DATABASE_URL：本命令只恢复嵌入式数据库。PostgreSQL 请用 pg_restore，例如：
DATABASE_URL is set: this command restores the embedded database only. For PostgreSQL use pg_restore, e.g.
  pg_restore --clean --if-exists --dbname="$DATABASE_URL" dangjian-YYYYMMDD-HHmmss.dump`);
    return 1;
  }
  const dataDir = process.env.DANGJIAN_DATA_DIR || './data';
  const paths = embeddedPaths(dataDir);
  const arg = process.argv[2];
  if (!arg) {
    const recent = (await listBackups(paths.backups)).slice(-5).reverse();
    console.error(`用法 (usage): npm run restore -- <备份文件 backup file>
${recent.length ? `最近的备份 (recent backups in ${paths.backups}):\n${recent.map((b) => `  ${b.name}  ${formatBytes(b.bytes)}`).join('\n')}` : `在 ${paths.backups} 中没有备份 (no backups found)`}`);
    return 1;
  }
  const file = await resolveBackup(arg, paths.backups);
  console.log(`将用备份恢复数据库 (restoring the database from backup):
  备份 (backup):   ${file}
  数据库 (target): ${paths.db}
当前数据库将被移到一旁保留，不会删除 (the current database will be moved aside, not deleted).`);
  const result = await restorePglite(file, dataDir);
  console.log(`恢复完成 (restore complete).`);
  console.log(
    result.movedAsideTo
      ? `原数据库已移至 (previous database moved to): ${result.movedAsideTo}`
      : `原先没有数据库，无需移走 (there was no previous database).`,
  );
  if (result.orgs !== null) console.log(`备份中的组织数 (organizations in the backup): ${result.orgs}`);
  console.log(`现在可以启动服务器 (you can start the server now): npm start`);
  return 0;
}

/** A path as given, or else a name inside the backups folder. */
async function resolveBackup(arg: string, backupDir: string): Promise<string> {
  for (const candidate of [path.resolve(arg), path.join(backupDir, arg)]) {
    if (await fs.stat(candidate).then((s) => s.isFile(), () => false)) return candidate;
  }
  throw new Error(`找不到备份文件 ${arg} (backup file not found)`);
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`恢复失败，数据库未改动 (restore failed; database unchanged): ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
