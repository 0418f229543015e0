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
import { deferSchema, rebuildIndexes, restoreSchema, validateKeys, type RestoreTiming } from './lib/bulk.ts';
import { allocate, buildTree } from './gen/tree.ts';
import { STEPS, type GenContext, type Step } from './gen/steps.ts';

export interface GenReport {
  scale: string;
  seed: number;
  target: string;
  orgs: number;
  members: number;
  maxDepth: number;
  steps: CopyResult[];
  /** PostgreSQL: each index and constraint rebuilt after the COPYs, slowest first. */
  rebuilt: RestoreTiming[];
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
    // PostgreSQL: load as pg_restore does (bench/lib/bulk.ts) — indexes, unique and foreign keys
    // dropped and user triggers off during the COPYs, each rebuilt once its tables are loaded. PGlite (town scale) loads as is.
    const tdefer = performance.now();
    const deferred = opts.target.kind === 'postgres' ? await deferSchema(opts.target.url!) : null;
    const deferMs = Math.round(performance.now() - tdefer);
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
    const ctx: GenContext = { opts, conn: { pglite: bdb.database.pglite, url: opts.target.url, bulk: deferred !== null }, tree, counts, firstMember, rngFor };
    const steps: CopyResult[] = [];
    if (deferred) steps.push({ table: '(drop indexes and keys)', rows: 0, ms: deferMs, rowsPerSecond: 0 });
    const rebuilt: RestoreTiming[] = [];
    const skipped: { step: string; reason: string }[] = [];
    const identities = ['orgs', 'members', 'users', 'user_roles', 'meetings'];
    const runnable: Step[] = [];
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
      identities.push(...(step.identities ?? []));
      runnable.push(step);
    }
    // With the keys deferred the steps are independent: `streams` of them load at once (heaviest
    // first), and each step's tables get their indexes back as soon as it is done, while the
    // other stream keeps loading. Without (PGlite) they run one by one, in order.
    const lanes = deferred ? Math.max(1, opts.streams) : 1;
    const queue = lanes > 1 ? [...runnable].sort((a, b) => (b.weight ?? 0) - (a.weight ?? 0)) : [...runnable];
    const results = new Map<Step, CopyResult[]>();
    const analyzed = new Set<string>();
    // Tables some step still has to load: a foreign key is validated once both its tables are done.
    const pending = new Set(runnable.flatMap((step) => step.tables ?? []));
    const lane = async () => {
      for (let step = queue.shift(); step; step = queue.shift()) {
        const loaded = await step.run!(ctx);
        if (deferred) {
          const t = performance.now();
          const built = await rebuildIndexes(opts.target.url!, deferred, loaded.map((r) => r.table));
          rebuilt.push(...built);
          if (built.length > 0) loaded.push({ table: `(indexes ${step.name})`, rows: 0, ms: Math.round(performance.now() - t), rowsPerSecond: 0 });
          // Foreign keys between tables loaded by now, statistics and the step's own check, while the other stream still loads.
          loaded.forEach((r) => pending.delete(r.table));
          const tk = performance.now();
          const keys = await validateKeys(opts.target.url!, deferred, (t) => !pending.has(t));
          rebuilt.push(...keys);
          if (keys.length > 0) loaded.push({ table: `(foreign keys ${step.name})`, rows: 0, ms: Math.round(performance.now() - tk), rowsPerSecond: 0 });
          const ta = performance.now();
          const tables = loaded.filter((r) => r.rows > 0).map((r) => r.table);
          if (tables.length > 0) await sql`ANALYZE ${sql.join(tables.map((t) => sql.table(t)))}`.execute(bdb.db);
          tables.forEach((t) => analyzed.add(t));
          loaded.push({ table: `(analyze ${step.name})`, rows: 0, ms: Math.round(performance.now() - ta), rowsPerSecond: 0 });
        }
        if (step.check) loaded.push({ table: `(check ${step.name})`, rows: 0, ms: await step.check(bdb.db), rowsPerSecond: 0 });
        results.set(step, loaded);
      }
    };
    const tl = performance.now();
    await Promise.all(Array.from({ length: lanes }, lane));
    for (const step of runnable) steps.push(...(results.get(step) ?? []));
    steps.push({ table: `(load, ${lanes} stream${lanes > 1 ? 's' : ''})`, rows: 0, ms: Math.round(performance.now() - tl), rowsPerSecond: 0 });
    const tr = performance.now();
    if (deferred) {
      rebuilt.push(...(await restoreSchema(opts.target.url!, deferred)));
      rebuilt.sort((a, b) => b.ms - a.ms);
      steps.push({ table: '(foreign keys, other indexes)', rows: 0, ms: Math.round(performance.now() - tr), rowsPerSecond: 0 });
      console.error(`rebuilt ${rebuilt.length} indexes and constraints, schema checked; keys ${((performance.now() - tr) / 1000).toFixed(1)} s; slowest: ${rebuilt.slice(0, 6).map((r) => `${r.what} ${(r.ms / 1000).toFixed(1)} s`).join(', ')}`);
    }
    // Derived tables maintained by statement triggers (org_rollups, migration 0021) are rebuilt once, from scratch.
    const rollups = await sql<{ f: string | null }>`SELECT to_regprocedure('org_rollups_rebuild()')::text AS f`.execute(bdb.db);
    if (rollups.rows[0]?.f) {
      const t = performance.now();
      await sql`SELECT org_rollups_rebuild()`.execute(bdb.db);
      steps.push({ table: '(org_rollups_rebuild)', rows: 0, ms: Math.round(performance.now() - t), rowsPerSecond: 0 });
    }
    // Explicit ids were loaded: move the identity sequences past them, then refresh statistics.
    for (const table of identities) {
      await sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), greatest((SELECT max(id) FROM ${sql.table(table)}), 1))`.execute(bdb.db);
    }
    // Statistics of the tables the streams did not analyze yet (all of them on PGlite).
    const ta = performance.now();
    const rest = (await sql<{ t: string }>`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`.execute(bdb.db)).rows.map((r) => r.t).filter((t) => !analyzed.has(t));
    if (rest.length > 0) await sql`ANALYZE ${sql.join(rest.map((t) => sql.table(t)))}`.execute(bdb.db);
    steps.push({ table: '(analyze)', rows: 0, ms: Math.round(performance.now() - ta), rowsPerSecond: 0 });
    return {
      scale: opts.label, seed: opts.seed, target: describeTarget(opts.target), orgs: tree.orgs.length, members: opts.members,
      maxDepth: tree.orgs.reduce((d, o) => Math.max(d, o.depth), 0), steps, rebuilt, skipped, totalMs: Math.round(performance.now() - started),
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
  console.log(JSON.stringify({ ...report, rebuilt: report.rebuilt.slice(0, 10).map((r) => `${r.what}: ${r.ms} ms`), steps: report.steps.map((s) => (s.rows > 0 ? `${s.table}: ${s.rows} rows, ${s.rowsPerSecond}/s` : `${s.table}: ${s.ms} ms`)) }));
}
