/**
 * The HTTP part of `npm run bench`: starts bench/http/server.ts as a child process (so the
 * load generator does not share the server's event loop), then for each endpoint runs, app and
 * bare alternately: flat out with fixed connections (throughput, ratio), and at the fixed rate
 * of the target (latency). Reads the server's RSS after the load.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { REPO_ROOT, type Options } from '../lib/cli.ts';
import type { Named } from '../lib/named.ts';
import { cannon, type LoadFigures } from './load.ts';

export interface HttpResult {
  name: string;
  kind: 'http';
  path?: string;
  figures?: { max: LoadFigures; atRate: LoadFigures };
  baseline?: { max: LoadFigures; atRate: LoadFigures };
  rpsRatio?: number;
  skipped?: string;
}

interface Ready {
  appPort: number;
  barePort: number;
  startupMs: number;
  named: Named;
  endpoints: { name: string; skip?: string; path?: string; cookie?: string; bareIndex?: number }[];
}

export async function runHttpBenches(opts: Options): Promise<{ results: HttpResult[]; rssBytes: number; inProcessStartupMs: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'bench/http/server.ts')], {
    cwd: REPO_ROOT, env: { ...process.env, BENCH_TARGET: JSON.stringify(opts.target) }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const ready = await new Promise<Ready>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
      createInterface({ input: child.stdout! }).once('line', (line) => resolve(JSON.parse(line) as Ready));
    });
    const results: HttpResult[] = [];
    const base = { connections: opts.connections, duration: opts.duration };
    for (const e of ready.endpoints) {
      if (e.skip) {
        results.push({ name: e.name, kind: 'http', skipped: e.skip });
        console.error(`http   ${e.name}: skipped (${e.skip})`);
        continue;
      }
      const app = { ...base, url: `http://127.0.0.1:${ready.appPort}${e.path}`, headers: e.cookie ? { cookie: e.cookie } : {} };
      const bare = { ...base, url: `http://127.0.0.1:${ready.barePort}/bare/${e.bareIndex}` };
      const appMax = await cannon(app);
      const bareMax = await cannon(bare);
      const appRate = await cannon({ ...app, overallRate: opts.rate });
      const bareRate = await cannon({ ...bare, overallRate: opts.rate });
      const rpsRatio = Math.round((appMax.rps / Math.max(bareMax.rps, 1e-3)) * 100) / 100;
      results.push({ name: e.name, kind: 'http', path: e.path, figures: { max: appMax, atRate: appRate }, baseline: { max: bareMax, atRate: bareRate }, rpsRatio });
      console.error(`http   ${e.name.padEnd(40)} ${String(appMax.rps).padStart(7)} rps (bare ${bareMax.rps}, ${Math.round(rpsRatio * 100)} %)  at ${opts.rate}/s p95 ${appRate.p95Ms} ms (bare ${bareRate.p95Ms})  errors ${appMax.errors + appRate.errors}`);
    }
    const rss = (await (await fetch(`http://127.0.0.1:${ready.barePort}/rss`)).json()) as { rss: number };
    return { results, rssBytes: rss.rss, inProcessStartupMs: ready.startupMs };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
  }
}
