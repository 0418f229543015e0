/**
 * Key queries through the product's repositories (inside withScope, as the services call
 * them) against the same SQL sent bare through the driver. Each entry names one query; to add
 * one, append to QUERY_BENCHES (see bench/README.md). EXPLAIN ANALYZE of both sides is written
 * beside the results, so a missed target comes with its plans.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import { withScope, type DB } from '../packages/db/src/index.ts';
import { createMembersRepo } from '../apps/server/src/modules/members/members.repo.ts';
import { createOrgsRepo } from '../apps/server/src/modules/orgs/orgs.repo.ts';
import { isScopeSetup, type BenchDb, type Statement } from './lib/db.ts';
import type { Named } from './lib/named.ts';
import { timePair, type Figures } from './lib/timing.ts';

export interface QueryBench {
  name: string;
  /** Why the entry cannot run here (a capability not built yet, a size it is not meant for). */
  skip?(n: Named): string | null;
  /** The scope roots the caller holds. */
  scope(n: Named): string[];
  /** The product path, given the scoped transaction. */
  run(trx: Transaction<DB>, n: Named): Promise<unknown>;
}

/** The roster's default order (by pinyin), as the list endpoint uses when none is asked for. */
const BY_NAME = { sort: 'name', order: 'asc' } as const;

/**
 * The roster of a subtree as members.service list() builds it: the subtree's org ids first,
 * then a page or the count over them (both measured, the id lookup included).
 */
async function roster(t: Transaction<DB>, orgPath: string, q?: string) {
  const repo = createMembersRepo(t);
  const filter = { orgIds: await repo.subtreeOrgIds(orgPath), q };
  return { page: () => repo.listPage(filter, BY_NAME, 20, null), count: () => repo.count(filter) };
}

export const QUERY_BENCHES: QueryBench[] = [
  { name: 'subtree member count (root)', scope: (n) => [n.rootPath], run: (t, n) => roster(t, n.rootPath).then((r) => r.count()) },
  { name: 'subtree member count (town)', scope: (n) => [n.townPath], run: (t, n) => roster(t, n.townPath).then((r) => r.count()) },
  { name: 'roster page 1 (root)', scope: (n) => [n.rootPath], run: (t, n) => roster(t, n.rootPath).then((r) => r.page()) },
  { name: 'roster page 1 (town)', scope: (n) => [n.townPath], run: (t, n) => roster(t, n.townPath).then((r) => r.page()) },
  { name: 'pinyin search "zhang" (root)', scope: (n) => [n.rootPath], run: (t, n) => roster(t, n.rootPath, 'zhang').then((r) => r.page()) },
  { name: 'pinyin search "zhang" (town)', scope: (n) => [n.townPath], run: (t, n) => roster(t, n.townPath, 'zhang').then((r) => r.page()) },
  { name: 'members by status (org detail, root)', scope: (n) => [n.rootPath], run: (t, n) => createOrgsRepo(t).countMembersByStatus(n.rootPath) },
  { name: 'org tree (town scope)', scope: (n) => [n.townPath], run: (t, n) => createOrgsRepo(t).listTree([n.townPath]) },
  {
    name: 'org tree (root scope)',
    skip: (n) => (n.orgCount > 50_000 ? `the whole tree of ${n.orgCount} orgs in one response is not a key query at this size (see RESULTS.md)` : null),
    scope: (n) => [n.rootPath],
    run: (t, n) => createOrgsRepo(t).listTree([n.rootPath]),
  },
  { name: 'member detail', skip: () => 'no member-detail repository function yet (members feature in progress)', scope: () => [], run: async () => null },
];

export interface QueryResult {
  name: string;
  kind: 'query';
  figures: Figures;
  baseline: Figures;
  ratio: number;
  statements: number;
  skipped?: string;
}

/** EXPLAIN ANALYZE of each statement, as the app role under RLS and bare, into `dir`. */
async function explain(bdb: BenchDb, scope: string[], statements: Statement[], file: string): Promise<void> {
  const out: string[] = [];
  const plan = async (db: Kysely<DB>, s: Statement) =>
    (await db.executeQuery<Record<string, string>>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, [...s.params]))).rows.map((r) => Object.values(r)[0]).join('\n');
  for (const s of statements.filter((x) => !isScopeSetup(x))) {
    out.push(`-- ${s.sql}\n-- params: ${JSON.stringify(s.params)}`);
    out.push(`## product (withScope: app role, row-level security)\n${await withScope(bdb.db, scope, (trx) => plan(trx, s))}`);
    out.push(`## bare (owner, no transaction)\n${await plan(bdb.db, s)}\n`);
  }
  writeFileSync(file, out.join('\n'));
}

/** Runs every entry; plans go to `plansDir`. */
export async function runQueryBenches(bdb: BenchDb, named: Named, plansDir: string, budgetMs: number): Promise<QueryResult[]> {
  mkdirSync(plansDir, { recursive: true });
  const results: QueryResult[] = [];
  for (const q of QUERY_BENCHES) {
    const skipped = q.skip?.(named) ?? null;
    const empty = { medianMs: 0, p95Ms: 0, runs: 0 };
    if (skipped) {
      results.push({ name: q.name, kind: 'query', figures: empty, baseline: empty, ratio: 0, statements: 0, skipped });
      console.error(`query  ${q.name}: skipped (${skipped})`);
      continue;
    }
    const scope = q.scope(named);
    const product = () => withScope(bdb.db, scope, (trx) => q.run(trx, named));
    const { statements } = await bdb.capture(product);
    const bareStatements = statements.filter((s) => !isScopeSetup(s));
    const [figures, baseline] = await timePair(product, () => bdb.bare(bareStatements), { budgetMs });
    const ratio = Math.round((figures.medianMs / Math.max(baseline.medianMs, 1e-3)) * 100) / 100;
    results.push({ name: q.name, kind: 'query', figures, baseline, ratio, statements: bareStatements.length });
    console.error(`query  ${q.name.padEnd(38)} ${figures.medianMs.toFixed(2).padStart(9)} ms  bare ${baseline.medianMs.toFixed(2).padStart(9)} ms  ×${ratio}`);
    await explain(bdb, scope, statements, path.join(plansDir, `${q.name.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '')}.txt`));
  }
  return results;
}
