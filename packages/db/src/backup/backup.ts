import fs from 'node:fs/promises';
import path from 'node:path';
import dayjs from 'dayjs';
import type { Kysely } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import type { DB } from '../schema.ts';
import { backupFileName, parseBackupFileName } from './paths.ts';

/** Default number of days of backups kept (env BACKUP_KEEP_DAYS). */
export const DEFAULT_KEEP_DAYS = 14;

/** One backup archive on disk. */
export interface BackupFile {
  file: string;
  name: string;
  /** The time encoded in the name (local time of the machine that wrote it). */
  at: Date;
  seq: number;
  bytes: number;
}

export interface BackupResult {
  file: string;
  bytes: number;
  /** Older backups removed by the pruning that follows every backup. */
  pruned: string[];
}

const TEMP_PREFIX = '.dangjian-';
const TEMP_SUFFIX = '.tmp';

/**
 * Writes a gzip'd tar of the whole PGlite data directory to `backupDir` as
 * `dangjian-YYYYMMDD-HHmmss.tar.gz`, then prunes backups older than `keepDays`.
 * A CHECKPOINT runs first so the data files are current; the tar also carries the WAL, so the
 * copy is at least crash-consistent. The archive goes to a temp file (fsync'd) and is then
 * hard-linked to its final name, which never replaces an existing file: a second backup in
 * the same second gets `_01`. The whole archive is built in memory (PGlite's dumpDataDir).
 * Pass `db` (the Kysely instance over this PGlite) when the app is running: the dump then
 * waits for, and holds, its single pooled connection, so it never lands in the middle of an
 * app transaction. (Do not call it with `db` from inside a transaction on that db: it would wait
 * forever.) Loading it back: restorePglite(), or `PGlite.create({ loadDataDir })`.
 * @example const { file, bytes } = await backupPglite(pglite, './data/backups', { keepDays: 14 });
 */
export async function backupPglite(
  pglite: PGlite,
  backupDir: string,
  opts: { now?: Date; keepDays?: number; db?: Kysely<DB> } = {},
): Promise<BackupResult> {
  const now = opts.now ?? new Date();
  await fs.mkdir(backupDir, { recursive: true });
  const dump = async (): Promise<Blob> => {
    await pglite.exec('CHECKPOINT');
    return pglite.dumpDataDir('gzip');
  };
  const blob = opts.db ? await opts.db.connection().execute(dump) : await dump();
  const archive = Buffer.from(await blob.arrayBuffer());
  const tmp = path.join(backupDir, `${TEMP_PREFIX}${process.pid}-${Date.now()}${TEMP_SUFFIX}`);
  const fh = await fs.open(tmp, 'wx');
  try {
    await fh.writeFile(archive);
    await fh.sync();
  } finally {
    await fh.close();
  }
  let file: string;
  try {
    file = await publish(tmp, backupDir, now);
  } finally {
    await fs.rm(tmp, { force: true });
  }
  const pruned = await pruneBackups(backupDir, opts.keepDays ?? DEFAULT_KEEP_DAYS, now);
  return { file, bytes: archive.length, pruned };
}

/** Links the temp file under the first free name; link() fails on an existing name (EEXIST). */
async function publish(tmp: string, dir: string, at: Date): Promise<string> {
  for (let seq = 0; seq < 100; seq++) {
    const target = path.join(dir, backupFileName(at, seq));
    try {
      await fs.link(tmp, target);
      return target;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') continue;
      // No hard links on this file system: check, then rename (not race-free, still no clobber
      // by this process).
      if (await exists(target)) continue;
      await fs.rename(tmp, target);
      return target;
    }
  }
  throw new Error(`备份文件名已用尽 (too many backups in one second) in ${dir}`);
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/**
 * The backups in `backupDir`, oldest first (other files are ignored; a missing dir is empty).
 * @example (await listBackups('./data/backups')).at(-1)?.file // the newest backup
 */
export async function listBackups(backupDir: string): Promise<BackupFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(backupDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const out: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupFileName(name);
    if (!parsed) continue;
    const file = path.join(backupDir, name);
    const st = await fs.stat(file);
    if (st.isFile()) out.push({ file, name, ...parsed, bytes: st.size });
  }
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || a.seq - b.seq);
}

/**
 * Deletes backups whose name-time is more than `keepDays` days before `now`, but always keeps
 * the newest one, so a wrong clock or a long outage never leaves zero backups. Also removes
 * temp files older than a day left by an interrupted backup. Returns the deleted paths.
 * @example await pruneBackups('./data/backups', 14, new Date());
 */
export async function pruneBackups(backupDir: string, keepDays: number, now: Date = new Date()): Promise<string[]> {
  const cutoff = dayjs(now).subtract(keepDays, 'day').valueOf();
  const backups = await listBackups(backupDir);
  const doomed = backups.slice(0, -1).filter((b) => b.at.getTime() < cutoff).map((b) => b.file);
  for (const name of await fs.readdir(backupDir).catch(() => [] as string[])) {
    if (!name.startsWith(TEMP_PREFIX) || !name.endsWith(TEMP_SUFFIX)) continue;
    const file = path.join(backupDir, name);
    const st = await fs.stat(file).catch(() => null);
    if (st && st.mtimeMs < now.getTime() - 86_400_000) doomed.push(file);
  }
  for (const file of doomed) await fs.rm(file, { force: true });
  return doomed;
}

/** A size for people: `4.3 MB`. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let n = bytes;
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${u === 0 ? n : n.toFixed(1)} ${units[u]}`;
}
