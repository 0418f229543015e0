import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openFromSettings, migrateToLatest } from '../packages/db/src/index.ts';
import { seedDemo } from '../packages/db/src/fixtures/index.ts';

export interface E2eFacts {
  baseUrl: string;
  town: { id: string; name: string; subOrgTotal: number; memberTotal: number; full: number; probationary: number };
  branchA: { id: string; name: string; memberTotal: number };
  branchB: { id: string; name: string };
  /** A file of the SMS codes the server logged ("138****5678 123456" per line); see e2e/sms.ts. */
  smsLog: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eFacts;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/**
 * Seeds the demo district into a fresh data dir, reads the figures the browser must show
 * straight from the database, then starts the real server on that data dir.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), 'dangjian-e2e-'));
  const database = await openFromSettings({ DANGJIAN_DATA_DIR: dataDir });
  await migrateToLatest(database.db);
  await seedDemo(database.db, { seed: 2026 });
  const roleOrg = async (username: string) =>
    (await sql<{ id: string; name: string; path: string }>`
      SELECT o.id, o.name, o.path::text AS path FROM users u JOIN user_roles r ON r.user_id = u.id JOIN orgs o ON o.id = r.org_id
      WHERE u.username = ${username}`.execute(database.db)).rows[0]!;
  const town = await roleOrg('demo-town');
  const a = await roleOrg('demo-branch-a');
  const b = await roleOrg('demo-branch-b');
  const count = async (q: ReturnType<typeof sql<{ n: string }>>) => Number((await q.execute(database.db)).rows[0]!.n);
  const facts = {
    town: {
      id: town.id, name: town.name,
      subOrgTotal: await count(sql<{ n: string }>`SELECT count(*) AS n FROM orgs WHERE path <@ ${town.path}::ltree AND id <> ${town.id}::bigint`),
      memberTotal: await count(sql<{ n: string }>`SELECT count(*) AS n FROM members m JOIN orgs o ON o.id = m.org_id WHERE o.path <@ ${town.path}::ltree`),
      full: await count(sql<{ n: string }>`SELECT count(*) AS n FROM members m JOIN orgs o ON o.id = m.org_id WHERE o.path <@ ${town.path}::ltree AND m.status = 'full'`),
      probationary: await count(sql<{ n: string }>`SELECT count(*) AS n FROM members m JOIN orgs o ON o.id = m.org_id WHERE o.path <@ ${town.path}::ltree AND m.status = 'probationary'`),
    },
    branchA: { id: a.id, name: a.name, memberTotal: await count(sql<{ n: string }>`SELECT count(*) AS n FROM members m JOIN orgs o ON o.id = m.org_id WHERE o.path <@ ${a.path}::ltree`) },
    branchB: { id: b.id, name: b.name },
  };
  await database.close();

  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DANGJIAN_DATA_DIR: dataDir, DEMO: 'on', LOG_LEVEL: 'info', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The log sender writes SMS codes at info level: keep them in a file the specs can read, and
  // pass on only warnings and errors (what LOG_LEVEL=warn showed before).
  const smsLog = join(dataDir, 'sms-codes.log');
  writeFileSync(smsLog, '');
  createInterface({ input: server.stdout! }).on('line', (line) => {
    let entry: { level?: number; msg?: string } | undefined;
    try {
      entry = JSON.parse(line) as { level?: number; msg?: string };
    } catch {
      process.stdout.write(`${line}\n`);
      return;
    }
    const code = /verification code for (\S+): (\d{6})/.exec(entry.msg ?? '');
    if (code) appendFileSync(smsLog, `${code[1]} ${code[2]}\n`);
    else if ((entry.level ?? 50) >= 40) process.stdout.write(`${line}\n`);
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('server did not become ready in 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  project.provide('e2e', { baseUrl, ...facts, smsLog });
  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
