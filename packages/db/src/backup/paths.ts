import path from 'node:path';
import dayjs from 'dayjs';

/** Where embedded mode keeps its files, all under one data directory. */
export interface EmbeddedPaths {
  /** The PGlite database directory: `<dataDir>/db`. */
  db: string;
  /** The server lock, holding the pid of the running server: `<dataDir>/db.lock`. */
  lock: string;
  /** Backup archives: `<dataDir>/backups`. */
  backups: string;
}

/**
 * The file layout of embedded mode, shared by the server and the backup/restore commands.
 * @example embeddedPaths('./data').db // → 'data/db' (resolved to an absolute path)
 */
export function embeddedPaths(dataDir: string): EmbeddedPaths {
  const root = path.resolve(dataDir);
  return {
    db: path.join(root, 'db'),
    lock: path.join(root, 'db.lock'),
    backups: path.join(root, 'backups'),
  };
}

/** `YYYYMMDD-HHmmss` in local time: readable by an operator and sortable as text. */
export function fileStamp(at: Date): string {
  return dayjs(at).format('YYYYMMDD-HHmmss');
}

const BACKUP_NAME = /^dangjian-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:_(\d{2,}))?\.tar(?:\.gz)?$/;

/**
 * The name of a backup taken at `at`; `seq` > 0 adds `_01`, `_02`… for several backups in the
 * same second. '_' sorts after '.', so plain text order is still time order.
 */
export function backupFileName(at: Date, seq = 0): string {
  const suffix = seq > 0 ? `_${String(seq).padStart(2, '0')}` : '';
  return `dangjian-${fileStamp(at)}${suffix}.tar.gz`;
}

/** The time and sequence encoded in a backup file name, or null if it is not one of ours. */
export function parseBackupFileName(name: string): { at: Date; seq: number } | null {
  const m = BACKUP_NAME.exec(name);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const at = new Date(y, mo - 1, d, h, mi, s);
  return Number.isNaN(at.getTime()) ? null : { at, seq: m[7] ? Number(m[7]) : 0 };
}
