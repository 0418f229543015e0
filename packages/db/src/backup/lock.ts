import fs from 'node:fs/promises';
import path from 'node:path';
import { embeddedPaths } from './paths.ts';

/** Thrown when a live process (normally the running server) holds the data directory. */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly lockFile: string,
    readonly pid: number,
  ) {
    super(
      `数据目录正被进程 ${pid} 使用（通常是正在运行的服务器），请先停止服务器再操作。` +
        `如确认该进程不是本系统，可删除锁文件 ${lockFile}。` +
        ` (data directory is locked by running process ${pid}; stop the server first)`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** True when a process with this pid exists (EPERM means it exists but belongs to another user). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readPid(file: string): Promise<number | null> {
  try {
    const n = Number.parseInt((await fs.readFile(file, 'utf8')).trim(), 10);
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/**
 * Takes the data directory for this process by writing its pid to `<dataDir>/db.lock`.
 * The server holds it while running; backup and restore commands hold it while they work.
 * A lock left by a dead process is taken over; a lock of a live process throws
 * DataDirLockedError. Taking it again in the same process is a no-op that returns false
 * (so a caller knows not to release a lock it did not take); otherwise it returns true.
 * Limits: pid liveness is checked on this host only, and a recycled pid looks alive.
 * @example await acquireDataDirLock('./data'); try { … } finally { await releaseDataDirLock('./data'); }
 */
export async function acquireDataDirLock(dataDir: string, pid: number = process.pid): Promise<boolean> {
  const file = embeddedPaths(dataDir).lock;
  await fs.mkdir(path.dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, `${pid}\n`, { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readPid(file);
    if (holder === pid) return false;
    if (holder !== null && isAlive(holder)) throw new DataDirLockedError(file, holder);
    // Stale (dead pid or unreadable content): remove it and try again.
    await fs.rm(file, { force: true });
  }
  throw new Error(`无法获取数据目录锁 ${file} (could not acquire the data directory lock)`);
}

/**
 * Removes `<dataDir>/db.lock` if this process (or `pid`) holds it. Returns whether it did;
 * a lock held by someone else is left alone.
 */
export async function releaseDataDirLock(dataDir: string, pid: number = process.pid): Promise<boolean> {
  const file = embeddedPaths(dataDir).lock;
  if ((await readPid(file)) !== pid) return false;
  await fs.rm(file, { force: true });
  return true;
}

/** The pid of the live process holding the data directory, or null if it is free. */
export async function dataDirLockHolder(dataDir: string): Promise<number | null> {
  const holder = await readPid(embeddedPaths(dataDir).lock);
  return holder !== null && isAlive(holder) ? holder : null;
}
