import fs from 'node:fs/promises';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { PGlite } from '@electric-sql/pglite';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { acquireDataDirLock, releaseDataDirLock } from './lock.ts';
import { embeddedPaths, fileStamp } from './paths.ts';

const gunzip = promisify(zlib.gunzip);

export interface RestoreResult {
  /** The restored database directory, `<dataDir>/db`. */
  dbDir: string;
  /** Where the previous database was moved (never deleted), or null if there was none. */
  movedAsideTo: string | null;
  /** Rows in orgs in the backup, or null if the backup has no orgs table (not migrated). */
  orgs: number | null;
}

/**
 * Replaces the embedded database `<dataDir>/db` with the backup `file`.
 * 1. Takes the data directory lock, so it refuses while the server runs (DataDirLockedError).
 * 2. Verifies the archive: loads it into an in-memory PGlite and counts orgs.
 * 3. Materialises it into a staging directory next to `db`, and checks it opens.
 * 4. Renames the current `db` to `db.before-restore-YYYYMMDD-HHmmss` (kept, never deleted),
 *    then the staging directory to `db`.
 * A failure before step 4 leaves the current database untouched.
 * @example const r = await restorePglite('./data/backups/dangjian-20261126-020000.tar.gz', './data');
 */
export async function restorePglite(file: string, dataDir: string, opts: { now?: Date } = {}): Promise<RestoreResult> {
  const paths = embeddedPaths(dataDir);
  const stamp = fileStamp(opts.now ?? new Date());
  const tookLock = await acquireDataDirLock(dataDir);
  try {
    const archive = await readArchive(file);
    const orgs = await verifyArchive(archive, file);
    const staging = await freeName(`${paths.db}.restoring-${stamp}`);
    try {
      const pg = await PGlite.create({ dataDir: staging, loadDataDir: archive, extensions: { ltree, pg_trgm } });
      try {
        await pg.query('select 1');
      } finally {
        await pg.close();
      }
    } catch (err) {
      await fs.rm(staging, { recursive: true, force: true });
      throw err;
    }
    let movedAsideTo: string | null = null;
    if (await exists(paths.db)) {
      movedAsideTo = await freeName(`${paths.db}.before-restore-${stamp}`);
      await fs.rename(paths.db, movedAsideTo);
    }
    try {
      await fs.rename(staging, paths.db);
    } catch (err) {
      if (movedAsideTo) await fs.rename(movedAsideTo, paths.db);
      throw err;
    }
    return { dbDir: paths.db, movedAsideTo, orgs };
  } finally {
    if (tookLock) await releaseDataDirLock(dataDir);
  }
}

/**
 * Reads a backup file and un-gzips it here, so a damaged archive fails with a clear message
 * (PGlite's own gunzip leaves an unhandled rejection behind on bad input). Returns the tar
 * as the Blob PGlite's loadDataDir expects.
 */
async function readArchive(file: string): Promise<Blob> {
  let bytes: Uint8Array<ArrayBuffer> = await fs.readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new Error(`无法读取备份文件 ${file} (cannot read backup file): ${err.code ?? err.message}`, { cause: err });
  });
  const bad = (why: string, cause?: Error) =>
    new Error(`备份文件已损坏或不是备份，未做任何更改 (${file} is not a valid backup: ${why})`, { cause });
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    bytes = await gunzip(bytes).catch((err: Error) => {
      throw bad(err.message, err);
    });
  }
  if (bytes.length < 1024 || Buffer.from(bytes.subarray(257, 262)).toString('latin1') !== 'ustar') {
    throw bad('no tar header');
  }
  return new Blob([bytes], { type: 'application/x-tar' });
}

/** Opens the archive in memory; throws a readable error if it is not a usable database. */
async function verifyArchive(archive: Blob, file: string): Promise<number | null> {
  let pg: PGlite | undefined;
  try {
    pg = await PGlite.create({ loadDataDir: archive, extensions: { ltree, pg_trgm } });
    const has = await pg.query<{ ok: boolean }>(`select to_regclass('public.orgs') is not null as ok`);
    if (!has.rows[0]?.ok) return null;
    const res = await pg.query<{ n: number }>('select count(*)::int as n from orgs');
    return res.rows[0]?.n ?? 0;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    throw new Error(`备份文件无法打开，未做任何更改 (backup ${file} does not open; nothing changed): ${msg}`, { cause: err });
  } finally {
    await pg?.close();
  }
}

async function exists(p: string): Promise<boolean> {
  return fs.access(p).then(
    () => true,
    () => false,
  );
}

/** `base`, or `base-2`, `base-3`… whichever does not exist yet. */
async function freeName(base: string): Promise<string> {
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? base : `${base}-${i}`;
    if (!(await exists(candidate))) return candidate;
  }
}
