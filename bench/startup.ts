/**
 * Start-up of the real server (apps/server/src/main.ts) on a data directory: from spawn to the
 * first 200 from /healthz, demo off. Used on the embedded database, where opening PGlite and
 * migrating are most of it. The server is then stopped with SIGTERM (it backs up on the way out).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './lib/cli.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  child: ChildProcess;
  url: string;
  startupMs: number;
  stop(): Promise<void>;
}

/** Starts main.ts with `env` (DATABASE_URL or DANGJIAN_DATA_DIR …) and waits until it answers. */
export async function startServer(env: Record<string, string>, timeoutMs = 120_000): Promise<RunningServer> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'apps/server/src/main.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: 'production', DEMO: 'off', LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), ...env },
    // BENCH_SERVER_LOG=1 passes the server's log (warnings and errors) through, to see what a 500 was.
    stdio: ['ignore', process.env.BENCH_SERVER_LOG ? 'inherit' : 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  let exited = false;
  child.once('exit', () => (exited = true));
  for (;;) {
    if (exited) throw new Error('server exited during start-up');
    if (performance.now() - t0 > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error('server did not start in time');
    }
    const ok = await fetch(`${url}/healthz`).then((r) => r.ok, () => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const startupMs = Math.round(performance.now() - t0);
  return {
    child, url, startupMs,
    stop: async () => {
      if (exited) return;
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      // Shutdown writes a backup; do not wait for ever.
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      await done;
      clearTimeout(timer);
    },
  };
}
