import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness.ts';
import { failStaleImportJobs } from './stale-jobs.ts';

describeOnEngines('stale import jobs', (h) => {
  it('closes jobs cut off by a restart and leaves running and finished ones alone', async () => {
    const db = h.database.db;
    const now = new Date();
    const ago = (min: number) => new Date(now.getTime() - min * 60_000);
    const mk = async (status: 'writing' | 'validating' | 'done', updated: Date) =>
      (await db.insertInto('import_jobs').values({ kind: 'members', org_id: h.tree.branchAId, status, updated_at: updated, created_at: updated } as never)
        .returning('id').executeTakeFirstOrThrow()).id;
    const stale = await mk('writing', ago(20));
    const running = await mk('validating', ago(2));
    const done = await mk('done', ago(60));
    expect(await failStaleImportJobs(db, now)).toBeGreaterThanOrEqual(1);
    const rows = await db.selectFrom('import_jobs').select(['id', 'status', 'failure_code']).where('id', 'in', [stale, running, done]).execute();
    const by = new Map(rows.map((r) => [r.id, r]));
    expect(by.get(stale)).toMatchObject({ status: 'failed', failure_code: 'IMPORT_INTERRUPTED' });
    expect(by.get(running)?.status).toBe('validating');
    expect(by.get(done)?.status).toBe('done');
    // The person who started it sees why, through the API.
    const a = await h.login(h.tree.users.secretaryA);
    const job = (await a.get(`/api/v1/imports/${stale}`)).json();
    expect(job.status).toBe('failed');
    expect(JSON.stringify(job)).toContain('服务器在导入过程中重启');
  });
});
