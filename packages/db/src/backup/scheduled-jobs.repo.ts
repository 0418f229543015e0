import { sql, type Kysely } from 'kysely';
import type { DB } from '../schema.ts';

/**
 * Claims the job `name` for this instance, in one statement, if it last ran more than
 * `everyMs` ago (or never) and nobody holds it (locked_until null or past). The claim holds
 * it for `lockMs`. All times are the database's now(), so instances with skewed clocks agree;
 * the row lock of the upsert makes two concurrent claims serialize, and only one matches.
 * Returns true when this call claimed the job. Runs as the owner role (no scope).
 * @example if (await claimScheduledJob(db, 'daily-backup', { everyMs: 86_400_000, lockMs: 3_600_000 })) { … }
 */
export async function claimScheduledJob(
  db: Kysely<DB>,
  name: string,
  opts: { everyMs: number; lockMs: number },
): Promise<boolean> {
  const every = `${Math.round(opts.everyMs)} milliseconds`;
  const lock = `${Math.round(opts.lockMs)} milliseconds`;
  const row = await db
    .insertInto('scheduled_jobs')
    .values({ name, last_run_at: null, locked_until: sql<Date>`now() + ${lock}::interval` })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ locked_until: (eb) => eb.ref('excluded.locked_until') })
        .where((eb) =>
          eb.and([
            eb.or([
              eb('scheduled_jobs.last_run_at', 'is', null),
              eb('scheduled_jobs.last_run_at', '<=', sql<Date>`now() - ${every}::interval`),
            ]),
            eb.or([eb('scheduled_jobs.locked_until', 'is', null), eb('scheduled_jobs.locked_until', '<', sql<Date>`now()`)]),
          ]),
        ),
    )
    .returning('name')
    .executeTakeFirst();
  return row !== undefined;
}

/** Marks a claimed job done: last_run_at = now(), lock released. */
export async function finishScheduledJob(db: Kysely<DB>, name: string): Promise<void> {
  await db
    .updateTable('scheduled_jobs')
    .set({ last_run_at: sql<Date>`now()`, locked_until: null })
    .where('name', '=', name)
    .execute();
}

/** Marks a claimed job failed: last_run_at unchanged, locked until now() + retryMs (back-off). */
export async function failScheduledJob(db: Kysely<DB>, name: string, retryMs: number): Promise<void> {
  await db
    .updateTable('scheduled_jobs')
    .set({ locked_until: sql<Date>`now() + ${`${Math.round(retryMs)} milliseconds`}::interval` })
    .where('name', '=', name)
    .execute();
}

/** Records that the job ran now without claiming it (e.g. the backup at clean shutdown). */
export async function markScheduledJobRun(db: Kysely<DB>, name: string): Promise<void> {
  await db
    .insertInto('scheduled_jobs')
    .values({ name, last_run_at: sql<Date>`now()`, locked_until: null })
    .onConflict((oc) => oc.column('name').doUpdateSet({ last_run_at: sql<Date>`now()` }))
    .execute();
}
