/**
 * Data generator: `npm run gen -- --scale town|county|province|custom [--orgs N --members N]
 * [--fraction 0.1] [--seed N] [--db pglite|postgres] [--url URL] [--data-dir DIR]`.
 * Rebuilds the target from nothing through the real migrations, then runs every step in
 * bench/gen/steps.ts with COPY. Same seed and size → the same rows, on either engine.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest } from '../packages/db/src/index.ts';
import { createRng } from '../packages/db/src/fixtures/index.ts';
import { describeTarget, parseOptions, REPO_ROOT, type Options } from './lib/cli.ts';
import { openBenchDb, resetTarget } from './lib/db.ts';
import type { CopyResult } from './lib/copy.ts';
import { allocate, buildTree } from './gen/tree.ts';
import { STEPS, type GenContext } from './gen/steps.ts';

export interface GenReport {
  scale: string;
  seed: number;
  target: string;
  orgs: number;
  members: number;
  maxDepth: number;
  steps: CopyResult[];
  skipped: { step: string; reason: string }[];
  totalMs: number;
}

/** Builds and loads one dataset; returns what was loaded and how fast. */
export async function generate(opts: Options): Promise<GenReport> {
  const started = performance.now();
  await resetTarget(opts.target);
  const bdb = await openBenchDb(opts.target, 2);
  try {
    await migrateToLatest(bdb.db);
    const seedRng = createRng(opts.seed);
    const streams = new Map<string, number>();
    const rngFor = (step: string) => {
      // A stream per step name, derived from the seed and the name only.
      if (!streams.has(step)) streams.set(step, [...step].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, opts.seed >>> 0));
      return createRng(streams.get(step)!);
    };
    const t0 = performance.now();
    const tree = buildTree(seedRng.fork(), opts.orgs);
    const counts = allocate(tree.holders, opts.members);
    const firstMember: number[] = [];
    counts.reduce((next, n) => (firstMember.push(next), next + n), 1);
    console.error(`tree: ${tree.orgs.length.toLocaleString('en')} orgs, ${tree.holders.length.toLocaleString('en')} holding members, built in ${Math.round(performance.now() - t0)} ms`);
    const ctx: GenContext = { opts, conn: { pglite: bdb.database.pglite, url: opts.target.url }, tree, counts, firstMember, rngFor };
    const steps: CopyResult[] = [];
    const skipped: { step: string; reason: string }[] = [];
    const identities = ['orgs', 'members', 'users', 'user_roles', 'meetings'];
    const checks: (typeof STEPS)[number][] = [];
    for (const step of STEPS) {
      if (step.pending || !step.run) {
        skipped.push({ step: step.name, reason: step.pending ?? 'no generator' });
        continue;
      }
      // A capability whose migration is not in this tree yet: skip, do not fail.
      const missing = [];
      for (const t of step.tables ?? []) {
        const r = await sql<{ t: string | null }>`SELECT to_regclass(${t})::text AS t`.execute(bdb.db);
        if (!r.rows[0]?.t) missing.push(t);
      }
      if (missing.length > 0) {
        skipped.push({ step: step.name, reason: `no table ${missing.join(', ')} (migration not merged yet)` });
        continue;
      }
      steps.push(...(await step.run(ctx)));
      identities.push(...(step.identities ?? []));
      if (step.check) checks.push(step);
    }
    // Explicit ids were loaded: move the identity sequences past them, then refresh statistics.
    for (const table of identities) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), greatest((SELECT max(id) FROM ${sql.table(table)}), 1))`.execute(bdb.db);
    }
    const ta = performance.now();
    await sql`ANALYZE`.execute(bdb.db);
    steps.push({ table: '(analyze)', rows: 0, ms: Math.round(performance.now() - ta), rowsPerSecond: 0 });
    // Consistency of derived rows (e.g. points balances against the ledger): a mismatch fails the run.
    for (const step of checks) steps.push({ table: `(check ${step.name})`, rows: 0, ms: await step.check!(bdb.db), rowsPerSecond: 0 });
    return {
      scale: opts.label, seed: opts.seed, target: describeTarget(opts.target), orgs: tree.orgs.length, members: opts.members,
      maxDepth: tree.orgs.reduce((d, o) => Math.max(d, o.depth), 0), steps, skipped, totalMs: Math.round(performance.now() - started),
    };
  } finally {
    await bdb.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const opts = parseOptions();
  console.error(`generating ${opts.label} (seed ${opts.seed}) into ${describeTarget(opts.target)}`);
  const report = await generate(opts);
  for (const s of report.skipped) console.error(`skipped ${s.step}: ${s.reason}`);
  console.error(`done in ${(report.totalMs / 1000).toFixed(1)} s, max depth ${report.maxDepth}`);
  const out = opts.out ?? path.join(REPO_ROOT, 'bench', 'out', `gen-${opts.label}-${opts.target.kind}.json`);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(JSON.stringify({ ...report, steps: report.steps.map((s) => `${s.table}: ${s.rows} rows, ${s.rowsPerSecond}/s`) }));
}
