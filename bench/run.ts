/**
 * `npm run bench -- --scale town|county|province [--db pglite|postgres] [--out FILE.json]
 * [--duration S] [--connections N] [--rate R]`: key queries (repository vs bare SQL), key
 * endpoints under load (app vs bare Fastify), RSS, start-up on the embedded database, and the
 * web console's first-load JavaScript. Generates the data first when the target is empty.
 * Exits 0 whenever it ran: targets are reported, not enforced (CI runs it as a smoke check).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeTarget, parseOptions, REPO_ROOT, type Options } from './lib/cli.ts';
import { migrateToLatest } from '../packages/db/src/index.ts';
import { releaseOverdueWishes } from '../apps/server/src/modules/wishes/wishes-lifecycle.ts';
import { openBenchDb } from './lib/db.ts';
import { findNamed, type Named } from './lib/named.ts';
import { runQueryBenches } from './queries.ts';
import { runHttpBenches } from './http/run.ts';
import { startServer } from './startup.ts';
import { measureWebSize } from './web-size.ts';
import { generate } from './gen.ts';
import { evaluate, toMarkdown, type Bench } from './report.ts';

const opts: Options = parseOptions();
const db = opts.target.kind;
const outBase = path.join(REPO_ROOT, 'bench', 'out', `${opts.label}-${db}`);
console.error(`bench ${opts.label} on ${describeTarget(opts.target)}`);

async function named(): Promise<Named> {
  const bdb = await openBenchDb(opts.target);
  try {
    // Data generated before a newer migration is upgraded as a real installation would be.
    await migrateToLatest(bdb.db);
    // What the maintenance job does every 5 minutes in a running installation: the generated
    // claims' deadlines lie before today, and the first request would otherwise release them all
    // (a province: tens of thousands) inside the measured window.
    const t0 = performance.now();
    const released = await releaseOverdueWishes(bdb.db).catch(() => 0);
    if (released > 0) console.error(`released ${released} overdue wish claims first, as the maintenance job would (${Math.round(performance.now() - t0)} ms)`);
    return await findNamed(bdb.db);
  } catch {
    return null as unknown as Named;
  } finally {
    await bdb.close();
  }
}
if (!(await named())) {
  console.error('no data yet: generating it first');
  await generate(opts);
}

const benches: Bench[] = [];
const bdb = await openBenchDb(opts.target);
try {
  const n = await findNamed(bdb.db);
  console.error(`data: ~${n.orgCount} orgs, ~${n.memberCount} members; town ${n.townId}`);
  for (const r of await runQueryBenches(bdb, n, `${outBase}-plans`, opts.duration * 300)) benches.push(r);
} finally {
  await bdb.close();
}
const http = await runHttpBenches(opts);
benches.push(...http.results);
benches.push({ name: 'server RSS after load (MB)', kind: 'figure', value: Math.round(http.rssBytes / 2 ** 20) });
if (db === 'pglite') {
  const server = await startServer({ DANGJIAN_DATA_DIR: opts.target.dataDir! });
  benches.push({ name: 'start-up on the embedded database (ms)', kind: 'figure', value: server.startupMs });
  await server.stop();
}
const web = measureWebSize();
if (web) {
  benches.push({ name: 'public page JS, gzip (KB)', kind: 'figure', value: Math.round(web.publicPageGzipBytes / 1024) });
  benches.push({ name: 'console login page JS, gzip (KB)', kind: 'figure', value: Math.round(web.loginPageGzipBytes / 1024) });
  benches.push({ name: 'console first page JS, gzip (KB)', kind: 'figure', value: Math.round(web.consoleFirstPageGzipBytes / 1024) });
}

const meta = {
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  date: new Date().toISOString(),
  machine: `${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`,
  scale: opts.label,
  database: db,
  connections: opts.connections,
  durationSeconds: opts.duration,
  rate: opts.rate,
  serverProcess: 'HTTP: app and bare handler in one child process; autocannon in the parent process, same machine (loopback)',
};
const evaluated = evaluate(benches, meta);
const out = opts.out ?? `${outBase}.json`;
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ meta, web, benchmarks: evaluated }, null, 2)}\n`);
const md = toMarkdown(meta, evaluated);
writeFileSync(out.replace(/\.json$/, '') + '.md', md);
console.log(md);
console.error(`written ${path.relative(REPO_ROOT, out)}`);
