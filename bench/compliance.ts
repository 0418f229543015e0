/**
 * The compliance report at county scale (issue 5): target < 1 s on PostgreSQL, < 3 s on PGlite
 * for ~2,000 organizations and a year of meetings. Generate first with the meetings step:
 *   npm run gen -- --scale county --db pglite && npx tsx bench/compliance.ts --db pglite
 * Measures the service (withScope + the three queries + rule evaluation) and the HTTP endpoint
 * (session, serialization), plus the aggregate alone, product vs bare; writes figures and
 * EXPLAIN ANALYZE to bench/out/compliance-<scale>-<db>.{json,plans.txt}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { withScope } from '../packages/db/src/index.ts';
import { buildApp } from '../apps/server/src/app.ts';
import { testConfig } from '../apps/server/src/config/env.ts';
import { login } from '../apps/server/src/test/harness.ts';
import { createComplianceService } from '../apps/server/src/modules/compliance/compliance.service.ts';
import { createComplianceRepo } from '../apps/server/src/modules/compliance/compliance.repo.ts';
import { periodRange, parsePeriod } from '../apps/server/src/modules/compliance/periods.ts';
import { openBenchDb, isScopeSetup } from './lib/db.ts';
import { parseOptions, REPO_ROOT } from './lib/cli.ts';
import { findNamed } from './lib/named.ts';
import { percentile } from './lib/timing.ts';
import { BENCH_PASSWORD } from './gen/steps.ts';

const argv = process.argv.slice(2);
const opts = parseOptions(argv.includes('--scale') ? argv : ['--scale', 'county', ...argv]);
/** A closed year: the whole of 2026 is owed, as a county checks it in January. */
const clock = () => new Date('2027-01-10T02:00:00Z');

async function time(fn: () => Promise<unknown>, runs = 15) {
  await fn();
  const s: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    s.push(performance.now() - t);
  }
  const r = (x: number) => Math.round(x * 10) / 10;
  return { medianMs: r(percentile(s, 50)), p95Ms: r(percentile(s, 95)), runs };
}

const bdb = await openBenchDb(opts.target, 2);
try {
  const named = await findNamed(bdb.db);
  const count = async (t: string) => Number((await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(t)}`.execute(bdb.db)).rows[0]!.n);
  const [orgs, meetings, attendance] = [await count('orgs'), await count('meetings'), await count('meeting_attendance')];
  if (meetings === 0) throw new Error('no meetings: run `npm run gen -- --scale county` with the meetings step first');
  const root = await bdb.db.selectFrom('orgs').select(['id', 'name', 'path']).where('id', '=', named.rootId).executeTakeFirstOrThrow();
  const actor = {
    userId: '1', username: 'bench-admin', displayName: '压测', ip: '127.0.0.1',
    roles: [{ role: 'org_dept_admin' as const, orgId: root.id, orgPath: root.path, orgName: root.name }],
  };
  const service = createComplianceService({ db: bdb.db, clock });
  const q = { orgId: root.id, period: '2026', sort: 'rate_asc' as const, pageSize: 50 };
  const first = await service.report(actor, q);

  const results: Record<string, unknown> = {
    scale: opts.label, database: opts.target.kind, orgs, meetings, attendance,
    orgsChecked: first.summary.orgsChecked, shortCount: first.summary.shortCount, rate: first.summary.rate,
  };
  results['service: report year 2026 (root)'] = await time(() => service.report(actor, q));
  results['service: report 2026-Q3 only short (root)'] = await time(() => service.report(actor, { ...q, period: '2026-Q3', onlyShort: true }));
  results['service: export rows year (root)'] = await time(() => service.exportRows(actor, { orgId: root.id, period: '2026', sort: 'rate_asc' }), 5);

  // The aggregate alone: product (withScope, RLS) vs the same SQL bare.
  const { from, to } = periodRange(parsePeriod('2026')!);
  const agg = () => withScope(bdb.db, [root.path], (trx) => createComplianceRepo(trx).heldCounts(root.path, from, to));
  const { statements } = await bdb.capture(agg);
  const stmt = statements.filter((s) => !isScopeSetup(s));
  results['aggregate: held counts (product, RLS)'] = await time(agg);
  results['aggregate: held counts (bare)'] = await time(() => bdb.bare(stmt));

  // The HTTP endpoint through the real app (session lookup, validation, serialization).
  const app = await buildApp({ db: bdb.db, config: testConfig(), clock });
  try {
    const agent = await login(app, 'bench-admin', BENCH_PASSWORD);
    const url = `/api/v1/compliance?orgId=${root.id}&period=2026`;
    const res = await agent.get(url);
    if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    results['http: GET /api/v1/compliance?period=2026 (root)'] = await time(() => agent.get(url));
  } finally {
    await app.close();
  }

  const plans: string[] = [];
  for (const s of stmt) {
    const plan = async (db: typeof bdb.db) => (await db.executeQuery<Record<string, string>>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, [...s.params]))).rows.map((r) => Object.values(r)[0]).join('\n');
    plans.push(`-- ${s.sql}\n-- params: ${JSON.stringify(s.params)}\n## product (app role, RLS)\n${await withScope(bdb.db, [root.path], (trx) => plan(trx))}\n## bare\n${await plan(bdb.db)}\n`);
  }
  const dir = path.join(REPO_ROOT, 'bench', 'out');
  mkdirSync(dir, { recursive: true });
  const base = path.join(dir, `compliance-${opts.label}-${opts.target.kind}`);
  writeFileSync(`${base}.json`, JSON.stringify(results, null, 2));
  writeFileSync(`${base}.plans.txt`, plans.join('\n'));
  console.log(JSON.stringify(results, null, 2));
  console.log(`plans: ${base}.plans.txt`);
} finally {
  await bdb.close();
}
