/**
 * `npm run backup`: one backup of the embedded database to `<DANGJIAN_DATA_DIR>/backups`,
 * then pruning to BACKUP_KEEP_DAYS. Needs the server stopped (a consistent copy needs the data
 * directory to itself); the running server already backs up daily and at clean shutdown.
 * With DATABASE_URL set it only explains how to back up PostgreSQL.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { openDatabase } from '../connect.ts';
import {
  DEFAULT_KEEP_DAYS,
  DataDirLockedError,
  acquireDataDirLock,
  backupPglite,
  embeddedPaths,
  formatBytes,
  releaseDataDirLock,
} from '../backup/index.ts';

const POSTGRES_HELP = `使用 PostgreSQL（已设置 DATABASE_URL）时，请用 PostgreSQL 自带工具备份，本命令不做任何操作。
PostgreSQL mode (DATABASE_URL is set): back up with PostgreSQL's own tools; this command does nothing.

  逻辑备份 (logical dump):   pg_dump --format=custom --file=dangjian-$(date +%Y%m%d-%H%M%S).dump "$DATABASE_URL"
  恢复 (restore):            pg_restore --clean --if-exists --dbname="$DATABASE_URL" dangjian-YYYYMMDD-HHmmss.dump
  物理备份 (base backup):    pg_basebackup --pgdata=/backup/dangjian-base --format=tar --gzip --wal-method=stream -d "$DATABASE_URL"
`;

async function main(): Promise<number> {
  if (process.env.DATABASE_URL) {
    console.log(POSTGRES_HELP);
    return 0;
  }
  const dataDir = process.env.DANGJIAN_DATA_DIR || './data';
  const keepDays = parseKeepDays(process.env.BACKUP_KEEP_DAYS);
  const paths = embeddedPaths(dataDir);
  if (!(await fs.stat(path.join(paths.db, 'PG_VERSION')).catch(() => null))) {
    throw new Error(`未找到嵌入式数据库 ${paths.db}，请检查 DANGJIAN_DATA_DIR (no embedded database found)`);
  }
  try {
    await acquireDataDirLock(dataDir);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    console.error(`${err.message}
服务器运行时会自动备份：每天一次，以及正常停止时一次，备份在 ${paths.backups}。
The running server backs up by itself, daily and at clean shutdown, into ${paths.backups}.`);
    return 1;
  }
  try {
    const { pglite, close } = await openDatabase({ kind: 'pglite', dataDir: paths.db });
    try {
      const result = await backupPglite(pglite!, paths.backups, { keepDays });
      console.log(`备份完成 (backup written): ${result.file}`);
      console.log(`大小 (size): ${formatBytes(result.bytes)} (${result.bytes} bytes)`);
      if (result.pruned.length > 0) {
        console.log(`已删除 ${keepDays} 天前的旧备份 (pruned backups older than ${keepDays} days): ${result.pruned.length}`);
      }
    } finally {
      await close();
    }
  } finally {
    await releaseDataDirLock(dataDir);
  }
  return 0;
}

function parseKeepDays(raw: string | undefined): number {
  if (!raw) return DEFAULT_KEEP_DAYS;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`BACKUP_KEEP_DAYS 必须是正整数 (must be a positive integer): ${raw}`);
  return n;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`备份失败 (backup failed): ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
