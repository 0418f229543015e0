import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { failStaleImportJobs } from '../modules/imports/stale-jobs.ts';
import { releaseOverdueWishes } from '../modules/wishes/wishes-lifecycle.ts';

/**
 * Housekeeping every few minutes: removes sessions idle past the timeout and stale rate-limit
 * windows, closes import jobs cut off by a restart, releases overdue wish claims and folds the
 * organization figures' delta rows (org_rollups_compact, migration 0021). Idempotent, so several instances may run it at once. Returns a stop function.
 */
export function startMaintenance(opts: { db: Kysely<DB>; idleMinutes: number; log: { warn(o: object, m: string): void }; intervalMs?: number }) {
  const run = async () => {
    try {
      const now = Date.now();
      await opts.db.deleteFrom('sessions').where('last_seen_at', '<', new Date(now - opts.idleMinutes * 60_000)).execute();
      await opts.db.deleteFrom('rate_limits').where('window_start', '<', new Date(now - 3600_000)).execute();
      await failStaleImportJobs(opts.db, new Date(now));
      await releaseOverdueWishes(opts.db, new Date(now));
      await sql`SELECT org_rollups_compact(5000)`.execute(opts.db);
    } catch (err) {
      opts.log.warn({ err }, 'maintenance failed');
    }
  };
  const timer = setInterval(run, opts.intervalMs ?? 5 * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
