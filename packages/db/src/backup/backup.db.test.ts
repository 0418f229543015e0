import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../connect.ts';
import { migrateToLatest } from '../migrate.ts';
import { openTestDatabase } from '../testing/engines.ts';
import {
  DataDirLockedError,
  acquireDataDirLock,
  backupFileName,
  backupPglite,
  claimScheduledJob,
  embeddedPaths,
  listBackups,
  pruneBackups,
  releaseDataDirLock,
  restorePglite,
  scheduleDailyBackup,
} from './index.ts';

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'dangjian-backup-'));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Every row of every table (as row text, the exact stored value) plus every sequence. */
async function snapshot(pg: PGlite): Promise<Record<string, string[]>> {
  const tables = await pg.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public' order by 1`);
  const out: Record<string, string[]> = {};
  for (const { t } of tables.rows) {
    const rows = await pg.query<{ r: string }>(`select x::text as r from "${t}" x order by 1`);
    out[t] = rows.rows.map((r) => r.r);
  }
  const seqs = await pg.query<{ r: string }>(`select sequencename || '=' || coalesce(last_value::text, '-') as r from pg_sequences order by 1`);
  out['(sequences)'] = seqs.rows.map((r) => r.r);
  return out;
}

/** A pid that no process has, for a stale lock. */
function deadPid(): number {
  for (let pid = 3_999_999; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

describe('backup and restore of the embedded database', () => {
  it('restores every row of every table exactly as backed up', { timeout: 120_000 }, async () => {
    const dataDir = path.join(tmp, 'roundtrip');
    const paths = embeddedPaths(dataDir);
    await fs.mkdir(dataDir, { recursive: true });
    const first = await openDatabase({ kind: 'pglite', dataDir: paths.db });
    const pg = first.pglite!;
    await migrateToLatest(first.db);
    const { db } = first;
    await db.insertInto('orgs').values([
      { id: '1', parent_id: null, path: '1', type: 'committee', name: '中共某某县委员会', short_name: '县委', code: 'X-001' },
      { id: '2', parent_id: '1', path: '1.2', type: 'branch', name: '第一党支部「机关」', short_name: null, code: null, status: 'active' },
    ]).execute();
    await db.insertInto('members').values([
      { org_id: '2', name: '张三丰', gender: 'male', birth_date: '1960-02-29', id_number: '11010119600229001X', phone: '13800000000', ethnicity: '汉族', education: '大学', occupation: '教师', status: 'full', joined_on: '1985-07-01', full_on: '1986-07-01', categories: ['退休', '流动党员'], created_at: '2020-01-02T03:04:05.678901Z' },
      { org_id: '2', name: '李四', gender: 'female', birth_date: '2001-12-31', id_number: '110101200112310028', phone: null, ethnicity: null, education: null, occupation: null, status: 'probationary', joined_on: null, full_on: null, categories: [] },
      { org_id: '1', name: "O'Brien \"引号\"", gender: 'male', birth_date: '1999-01-01', id_number: '110101199901010011', status: 'full', categories: ['a,b', '{x}', ''] },
    ]).execute();
    const user = await db.insertInto('users').values({ username: 'admin', display_name: '管理员', password_hash: '$argon2id$x', locked_until: null }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('user_roles').values({ user_id: user.id, org_id: '1', role: 'org_admin' }).execute();
    await db.insertInto('sessions').values({ id_hash: 'h1', user_id: user.id, csrf_token: 'c', ip: '127.0.0.1', user_agent: null }).execute();
    await db.insertInto('rate_limits').values({ key: 'login:127.0.0.1', window_start: new Date('2026-11-26T01:00:00Z'), count: 3 }).execute();
    await sql`select audit_append(${user.id}::bigint, '管理员', '127.0.0.1', 'member.create', 'member', '1', 2::bigint, null, ${JSON.stringify({ name: '张三丰', tags: ['退休'] })}::jsonb)`.execute(db);
    const before = await snapshot(pg);
    expect(before['audit_log']).toHaveLength(1);
    expect(before['members']).toHaveLength(3);

    const now = new Date(2026, 10, 26, 2, 0, 0);
    const backup = await backupPglite(pg, paths.backups, { now });
    expect(path.basename(backup.file)).toBe('dangjian-20261126-020000.tar.gz');
    expect(backup.bytes).toBeGreaterThan(1000);
    const again = await backupPglite(pg, paths.backups, { now, db });
    expect(path.basename(again.file)).toBe('dangjian-20261126-020000_01.tar.gz');
    expect((await listBackups(paths.backups)).map((b) => b.file)).toEqual([backup.file, again.file]);

    // Damage after the backup: edits, deletes, inserts, a new audit entry.
    await db.updateTable('members').set({ name: '改过了', categories: ['x'] }).where('name', '=', '张三丰').execute();
    await db.deleteFrom('members').where('name', '=', '李四').execute();
    await db.insertInto('orgs').values({ id: '3', parent_id: '1', path: '1.3', type: 'branch', name: '新支部' }).execute();
    await db.deleteFrom('sessions').execute();
    await sql`select audit_append(null, null, null, 'member.delete', 'member', '2', null, null, null)`.execute(db);
    expect(await snapshot(pg)).not.toEqual(before);
    await first.close();

    const result = await restorePglite(backup.file, dataDir);
    expect(result.orgs).toBe(2);
    expect(result.movedAsideTo).toMatch(/db\.before-restore-\d{8}-\d{6}$/);
    expect(await fs.stat(path.join(result.movedAsideTo!, 'PG_VERSION'))).toBeTruthy();
    await expect(fs.access(paths.lock)).rejects.toThrow(); // released

    const reopened = await openDatabase({ kind: 'pglite', dataDir: paths.db });
    try {
      expect(await snapshot(reopened.pglite!)).toEqual(before);
    } finally {
      await reopened.close();
    }
    // The database moved aside still holds the damaged state.
    const aside = await openDatabase({ kind: 'pglite', dataDir: result.movedAsideTo! });
    try {
      const names = await aside.db.selectFrom('members').select('name').orderBy('name').execute();
      expect(names.map((n) => n.name)).toContain('改过了');
    } finally {
      await aside.close();
    }

    // Refusals leave the database as it is.
    await fs.writeFile(path.join(tmp, 'junk.tar.gz'), 'not a backup');
    await expect(restorePglite(path.join(tmp, 'junk.tar.gz'), dataDir)).rejects.toThrow(/备份文件已损坏/);
    await acquireDataDirLock(dataDir, process.ppid);
    await expect(restorePglite(backup.file, dataDir)).rejects.toBeInstanceOf(DataDirLockedError);
    await releaseDataDirLock(dataDir, process.ppid);
    expect((await fs.readdir(dataDir)).filter((n) => n.startsWith('db.')).length).toBe(1);
  });
});

describe('pruneBackups', () => {
  it('removes backups older than keepDays and keeps the rest', async () => {
    const dir = path.join(tmp, 'prune');
    await fs.mkdir(dir);
    const now = new Date(2026, 10, 26, 12, 0, 0);
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000);
    const names = [backupFileName(daysAgo(20)), backupFileName(daysAgo(15)), backupFileName(daysAgo(13)), backupFileName(daysAgo(1)), backupFileName(daysAgo(1), 1)];
    for (const n of [...names, 'notes.txt']) await fs.writeFile(path.join(dir, n), 'x');
    const removed = await pruneBackups(dir, 14, now);
    expect(removed.map((f) => path.basename(f)).sort()).toEqual([names[0], names[1]].sort());
    expect((await fs.readdir(dir)).sort()).toEqual([...names.slice(2), 'notes.txt'].sort());
  });

  it('always keeps the newest backup', async () => {
    const dir = path.join(tmp, 'prune-old');
    await fs.mkdir(dir);
    const now = new Date(2026, 10, 26, 12, 0, 0);
    const old = [backupFileName(new Date(2026, 0, 1)), backupFileName(new Date(2026, 0, 2))];
    for (const n of old) await fs.writeFile(path.join(dir, n), 'x');
    await pruneBackups(dir, 14, now);
    expect(await fs.readdir(dir)).toEqual([old[1]]);
  });
});

describe('data directory lock', () => {
  it('refuses a second holder while the first is alive, and takes over a stale lock', async () => {
    const dataDir = path.join(tmp, 'lock');
    const lockFile = embeddedPaths(dataDir).lock;
    expect(await acquireDataDirLock(dataDir)).toBe(true);
    expect(await acquireDataDirLock(dataDir)).toBe(false); // same process: no-op
    await expect(acquireDataDirLock(dataDir, process.ppid)).rejects.toThrow(/正被进程/);
    expect(await releaseDataDirLock(dataDir, process.ppid)).toBe(false); // not the holder
    expect(await releaseDataDirLock(dataDir)).toBe(true);

    await fs.writeFile(lockFile, `${deadPid()}\n`);
    expect(await acquireDataDirLock(dataDir)).toBe(true);
    expect((await fs.readFile(lockFile, 'utf8')).trim()).toBe(String(process.pid));
    await releaseDataDirLock(dataDir);
  });
});

describe('daily backup scheduler', () => {
  it('claims the job once per day, with the state in scheduled_jobs', { timeout: 60_000 }, async () => {
    const { db, pglite, close } = await openTestDatabase('pglite');
    try {
      const opts = { everyMs: 86_400_000, lockMs: 3_600_000 };
      expect(await claimScheduledJob(db, 'test-job', opts)).toBe(true);
      expect(await claimScheduledJob(db, 'test-job', opts)).toBe(false); // held
      await db.updateTable('scheduled_jobs').set({ locked_until: null, last_run_at: sql`now() - interval '23 hours'` }).execute();
      expect(await claimScheduledJob(db, 'test-job', opts)).toBe(false); // ran recently
      await db.updateTable('scheduled_jobs').set({ last_run_at: sql`now() - interval '25 hours'` }).execute();
      expect(await claimScheduledJob(db, 'test-job', opts)).toBe(true);

      // With db, a backup waits for the app's open transaction to finish.
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const tx = db.transaction().execute(async (trx) => {
        await trx.insertInto('rate_limits').values({ key: 'k', window_start: new Date(), count: 1 }).execute();
        await gate;
      });
      await new Promise((r) => setTimeout(r, 50));
      let backedUp = false;
      const pending = backupPglite(pglite!, path.join(tmp, 'during-tx'), { db }).then(() => (backedUp = true));
      await new Promise((r) => setTimeout(r, 300));
      expect(backedUp).toBe(false);
      release();
      await tx;
      await pending;

      const backupDir = path.join(tmp, 'scheduled');
      const logs: string[] = [];
      const log = { info: (_: object, m?: string) => logs.push(`info ${m}`), error: (_: object, m?: string) => logs.push(`error ${m}`) };
      const stop = scheduleDailyBackup({ db, pglite: pglite!, backupDir, keepDays: 14, firstDelayMs: 3_600_000, log });
      const firstRun = await stop.tick();
      const secondRun = await stop.tick();
      await stop();
      expect(firstRun?.file).toMatch(/dangjian-\d{8}-\d{6}\.tar\.gz$/);
      expect(secondRun).toBeNull();
      expect(await listBackups(backupDir)).toHaveLength(1);
      expect(logs).toEqual(['info daily backup written']);
      const job = await db.selectFrom('scheduled_jobs').selectAll().where('name', '=', 'daily-backup').executeTakeFirstOrThrow();
      expect(job.last_run_at).toBeInstanceOf(Date);
      expect(job.locked_until).toBeNull();
    } finally {
      await close();
    }
  });
});
