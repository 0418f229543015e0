import type { Kysely } from 'kysely';
import { ERRORS } from '@dangjian/contracts';
import type { DB } from '@dangjian/db';

/** A running job not updated for this long was cut off (its server stopped mid-way). */
export const STALE_IMPORT_MINUTES = 15;

/**
 * Marks import jobs that stopped making progress as failed, so nobody waits on a progress bar
 * forever after a server restart. Safe to say nothing was imported: the write phase is one
 * transaction, so an interrupted job left no rows. Runs as housekeeping on every instance
 * (idempotent); returns how many jobs it closed.
 * @example await failStaleImportJobs(db, new Date());
 */
export async function failStaleImportJobs(db: Kysely<DB>, now: Date): Promise<number> {
  const r = await db
    .updateTable('import_jobs')
    .set({ status: 'failed', failure_code: 'IMPORT_INTERRUPTED', message: ERRORS.IMPORT_INTERRUPTED.message, finished_at: now, updated_at: now })
    .where('status', 'in', ['queued', 'validating', 'writing'])
    .where('updated_at', '<', new Date(now.getTime() - STALE_IMPORT_MINUTES * 60_000))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
