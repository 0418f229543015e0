import type { Kysely } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import type { DB } from '../schema.ts';
import { backupPglite, type BackupResult } from './backup.ts';
import { claimScheduledJob, failScheduledJob, finishScheduledJob, markScheduledJobRun } from './scheduled-jobs.repo.ts';

/** The scheduled_jobs row of the daily backup. */
export const DAILY_BACKUP_JOB = 'daily-backup';
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The subset of a pino/Fastify logger the backup helpers use. */
export interface BackupLog {
  info(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface DailyBackupOptions {
  db: Kysely<DB>;
  pglite: PGlite;
  backupDir: string;
  keepDays: number;
  /** How often to try to claim the job; default 10 minutes. */
  intervalMs?: number;
  /** Delay before the first try; default 1 minute (keeps start-up quick). */
  firstDelayMs?: number;
  log: BackupLog;
}

/** Stops the scheduler and waits for a running backup; `tick()` runs one attempt now. */
export type StopDailyBackup = (() => Promise<void>) & { tick(): Promise<BackupResult | null> };

/**
 * Backs the embedded database up once a day. Every `intervalMs` it tries to claim the
 * 'daily-backup' row of scheduled_jobs (claimed only if last_run_at is null or over 24 h old
 * and no one holds it), runs backupPglite, then sets last_run_at = now(). The state lives in
 * the database, so restarts and several instances never run it twice a day. A failed backup
 * is logged and retried after an hour. Timers are unref'd and never keep the process alive.
 * @example const stop = scheduleDailyBackup({ db, pglite, backupDir, keepDays: 14, log }); … await stop();
 */
export function scheduleDailyBackup(opts: DailyBackupOptions): StopDailyBackup {
  const { db, pglite, backupDir, keepDays, log } = opts;
  let stopped = false;
  let running: Promise<BackupResult | null> | null = null;

  const attempt = async (): Promise<BackupResult | null> => {
    if (stopped || pglite.closed) return null;
    if (!(await claimScheduledJob(db, DAILY_BACKUP_JOB, { everyMs: DAY_MS, lockMs: HOUR_MS }))) return null;
    try {
      const result = await backupPglite(pglite, backupDir, { keepDays, db });
      await finishScheduledJob(db, DAILY_BACKUP_JOB);
      log.info({ file: result.file, bytes: result.bytes, pruned: result.pruned.length }, 'daily backup written');
      return result;
    } catch (err) {
      await failScheduledJob(db, DAILY_BACKUP_JOB, HOUR_MS).catch(() => undefined);
      throw err;
    }
  };
  const tick = (): Promise<BackupResult | null> => {
    running ??= attempt()
      .catch((err: unknown) => {
        log.error({ err }, 'daily backup failed');
        return null;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };

  const first = setTimeout(() => void tick(), opts.firstDelayMs ?? 60_000);
  const every = setInterval(() => void tick(), opts.intervalMs ?? 10 * 60_000);
  first.unref();
  every.unref();

  const stop = async (): Promise<void> => {
    stopped = true;
    clearTimeout(first);
    clearInterval(every);
    await running;
  };
  return Object.assign(stop, { tick });
}

/**
 * The backup at clean shutdown: call it after the HTTP server stopped taking requests and the
 * scheduler was stopped, before closing PGlite. Never throws (a failed backup must not block
 * shutdown); logs instead. With `db`, it also counts as today's daily backup.
 * @example await stopBackups(); await backupOnShutdown({ db, pglite, backupDir, keepDays, log }); await close();
 */
export async function backupOnShutdown(opts: Omit<DailyBackupOptions, 'intervalMs' | 'firstDelayMs' | 'db'> & { db?: Kysely<DB> }): Promise<BackupResult | null> {
  try {
    const result = await backupPglite(opts.pglite, opts.backupDir, { keepDays: opts.keepDays, ...(opts.db ? { db: opts.db } : {}) });
    if (opts.db) await markScheduledJobRun(opts.db, DAILY_BACKUP_JOB).catch(() => undefined);
    opts.log.info({ file: result.file, bytes: result.bytes }, 'shutdown backup written');
    return result;
  } catch (err) {
    opts.log.error({ err }, 'shutdown backup failed');
    return null;
  }
}
