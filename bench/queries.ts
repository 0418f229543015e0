/**
 * Key queries through the product's repositories (inside withScope, as the services call
 * them) against the same SQL sent bare through the driver. Each entry names one query; to add
 * one, append to QUERY_BENCHES (see bench/README.md). EXPLAIN ANALYZE of both sides is written
 * beside the results, so a missed target comes with its plans.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { withScope, type DB } from '../packages/db/src/index.ts';
import { createMembersRepo } from '../apps/server/src/modules/members/members.repo.ts';
import { createMemberRecordRepo } from '../apps/server/src/modules/members/member-record.repo.ts';
import { createOrgsRepo } from '../apps/server/src/modules/orgs/orgs.repo.ts';
import { createPointsRepo } from '../apps/server/src/modules/points/points.repo.ts';
import { createComplianceRepo } from '../apps/server/src/modules/compliance/compliance.repo.ts';
import { periodRange as compliancePeriod, parsePeriod } from '../apps/server/src/modules/compliance/periods.ts';
import { createDevelopmentRepo } from '../apps/server/src/modules/development/development.repo.ts';
import { createWishesRepo } from '../apps/server/src/modules/wishes/wishes.repo.ts';
import { createCommitmentsRepo } from '../apps/server/src/modules/commitments/commitments.repo.ts';
import { isScopeSetup, type BenchDb, type Statement } from './lib/db.ts';
import { provinceWide, type Named } from './lib/named.ts';
import { timePair, type Figures } from './lib/timing.ts';

export interface QueryBench {
  name: string;
  /** Why the entry cannot run here (a capability not built yet, a size it is not meant for). */
  skip?(n: Named): string | null;
  /** The scope roots the caller holds. */
  scope(n: Named): string[];
  /**
   * An anonymous public endpoint's query: the product runs it as the owner, outside withScope
   * (with explicit public-only conditions), so the bench does too.
   */
  owner?: boolean;
  /** The product path, given the scoped transaction (or the owner's connection when `owner`). */
  run(trx: Kysely<DB>, n: Named): Promise<unknown>;
}

/** The roster's default order (by pinyin), as the list endpoint uses when none is asked for. */
const BY_NAME = { sort: 'name', order: 'asc' } as const;

/**
 * The roster of a subtree as members.service list() builds it: the subtree's org ids first,
 * then a page or the count over them (both measured, the id lookup included).
 */
async function roster(t: Kysely<DB>, orgPath: string, q?: string) {
  const repo = createMembersRepo(t);
  const filter = { orgIds: await repo.subtreeOrgIds(orgPath), q };
  const orgId = orgPath.split('.').pop()!;
  return { page: () => repo.listPage(filter, BY_NAME, 20, null), count: () => repo.total(filter, orgId) };
}

export const QUERY_BENCHES: QueryBench[] = [
  // The fixed cost of a scoped statement: BEGIN, set_config (scope and role), the statement, COMMIT,
  // against the statement alone. It is the floor of every product figure below.
  { name: 'scope wrapper alone (SELECT 1)', scope: (n) => [n.townPath], run: (t) => sql`SELECT 1`.execute(t) },
  { name: 'subtree member count (root)', scope: (n) => [n.rootPath], run: (t, n) => roster(t, n.rootPath).then((r) => r.count()) },
  { name: 'subtree member count (town)', scope: (n) => [n.townPath], run: (t, n) => roster(t, n.townPath).then((r) => r.count()) },
  { name: 'roster page 1 (root)', scope: (n) => [n.rootPath], run: (t, n) => roster(t, n.rootPath).then((r) => r.page()) },
  { name: 'roster page 1 (town)', scope: (n) => [n.townPath], run: (t, n) => roster(t, n.townPath).then((r) => r.page()) },
  { name: 'pinyin search "zhang" (root)', scope: (n) => [n.rootPath], run: (t, n) => roster(t, n.rootPath, 'zhang').then((r) => r.page()) },
  { name: 'pinyin search "zhang" (town)', scope: (n) => [n.townPath], run: (t, n) => roster(t, n.townPath, 'zhang').then((r) => r.page()) },
  { name: 'org figures (org detail, root)', scope: (n) => [n.rootPath], run: (t, n) => createOrgsRepo(t).rollup(n.rootPath.split('.').pop()!) },
  { name: 'org tree (town scope)', scope: (n) => [n.townPath], run: (t, n) => createOrgsRepo(t).listTree([n.townPath]) },
  {
    name: 'org tree (root scope)',
    skip: (n) => (n.orgCount > 50_000 ? `the whole tree of ${n.orgCount} orgs in one response is not a key query at this size (see RESULTS.md)` : null),
    scope: (n) => [n.rootPath],
    run: (t, n) => createOrgsRepo(t).listTree([n.rootPath]),
  },
  // GET /members/:id (members.service detail): the record with its organization, inside the scope.
  { name: 'member detail (town)', scope: (n) => [n.townPath], run: (t, n) => createMemberRecordRepo(t).findInScope(n.memberId, [n.townPath]) },
  // GET /points/leaderboard (points.service leaderboard): the year's earned points from points_monthly, top 50.
  { name: 'points leaderboard 2026 (town)', scope: (n) => [n.townPath], run: (t, n) => createPointsRepo(t).leaderboard(n.townPath, '2026-01-01', '2027-01-01', 50) },
  { name: 'points leaderboard 2026 (root)', skip: provinceWide, scope: (n) => [n.rootPath], run: (t, n) => createPointsRepo(t).leaderboard(n.rootPath, '2026-01-01', '2027-01-01', 50) },
  // GET /compliance (compliance.service report): the subtree, its rules, the held-meetings aggregate, full members per org.
  { name: 'compliance report 2026 (town)', scope: (n) => [n.townPath], run: (t, n) => complianceQueries(t, n.townPath) },
  { name: 'compliance report 2026 (root)', skip: provinceWide, scope: (n) => [n.rootPath], run: (t, n) => complianceQueries(t, n.rootPath) },
  // GET /development-cases/pipeline (the console's 发展党员 first tab): counts by stage + each stage's first 100 cases.
  { name: 'development pipeline (town)', scope: (n) => [n.townPath], run: (t, n) => devPipeline(t, n.townPath) },
  { name: 'development pipeline (root)', skip: provinceWide, scope: (n) => [n.rootPath], run: (t, n) => devPipeline(t, n.rootPath) },
  // GET /development-cases (全部档案 tab), page 1 of the active cases.
  {
    name: 'development list page 1 (town)', scope: (n) => [n.townPath],
    run: (t, n) => { const l = createDevelopmentRepo(t).list({ orgPath: n.townPath, status: 'active', today: TODAY }, 20, 0); return Promise.all([l.rows, l.count]); },
  },
  // GET /public/wishes (anonymous 微心愿墙 of a grid): page 1, total and counts per status, as the owner.
  {
    name: 'wish wall page 1 (grid, public)', owner: true, scope: () => [],
    skip: (n) => (n.wishGridId ? null : 'no wishes here (table missing or not generated)'),
    run: (t, n) => { const w = createWishesRepo(t).wall({ gridId: n.wishGridId! }, undefined, { limit: 20, offset: 0 }); return Promise.all([w.rows(), w.count(), w.counts()]); },
  },
  {
    name: 'wish wall page 1 (village, public)', owner: true, scope: () => [],
    skip: (n) => (n.wishVillageId ? null : 'no wishes here (table missing or not generated)'),
    run: (t, n) => { const w = createWishesRepo(t).wall({ villageId: n.wishVillageId! }, undefined, { limit: 20, offset: 0 }); return Promise.all([w.rows(), w.count(), w.counts()]); },
  },
  // GET /wishes (console list of a subtree): page 1, total, counts per status.
  {
    name: 'wish list page 1 (town)', scope: (n) => [n.townPath],
    skip: (n) => (n.wishGridId ? null : 'no wishes here (table missing or not generated)'),
    run: (t, n) => { const l = createWishesRepo(t).list({ root: n.townPath }, [n.townPath], { limit: 20, offset: 0 }); return Promise.all([l.rows(), l.count(), l.counts()]); },
  },
  // GET /commitments (console list of a subtree): page 1 and total.
  {
    name: 'commitments list page 1 (town)', scope: (n) => [n.townPath],
    run: (t, n) => { const l = createCommitmentsRepo(t).list(n.townPath, { year: 2026 }, { limit: 20, offset: 0 }); return Promise.all([l.rows(), l.count()]); },
  },
];

/** The generated data's reference day (bench/gen/steps.ts TODAY): deadlines are judged against it. */
const TODAY = '2026-11-01';

/** The four reads of compliance.service compute() for the year 2026, in its order. */
async function complianceQueries(t: Kysely<DB>, path: string) {
  const repo = createComplianceRepo(t);
  const { from, to } = compliancePeriod(parsePeriod('2026')!);
  return Promise.all([repo.subtreeOrgs(path), repo.rulesFor(path), repo.heldCounts(path, from, to), repo.fullMemberCounts(path)]);
}

/** development-queues.service pipeline(): stage counts, then each stage's active cases (first 100). */
async function devPipeline(t: Kysely<DB>, path: string) {
  const repo = createDevelopmentRepo(t);
  const counts = await repo.stageCounts(path, TODAY);
  const stages = await Promise.all([1, 2, 3, 4, 5].map((stage) => repo.list({ orgPath: path, status: 'active', stage, today: TODAY }, 100, 0).rows));
  return { counts, stages };
}

export interface QueryResult {
  name: string;
  kind: 'query';
  figures: Figures;
  baseline: Figures;
  ratio: number;
  statements: number;
  skipped?: string;
}

/** EXPLAIN ANALYZE of each statement, as the app role under RLS (scope null: the owner, a public query) and bare, into `dir`. */
async function explain(bdb: BenchDb, scope: string[] | null, statements: Statement[], file: string): Promise<void> {
  const out: string[] = [];
  const plan = async (db: Kysely<DB>, s: Statement) =>
    (await db.executeQuery<Record<string, string>>(CompiledQuery.raw(`EXPLAIN (ANALYZE, BUFFERS) ${s.sql}`, [...s.params]))).rows.map((r) => Object.values(r)[0]).join('\n');
  for (const s of statements.filter((x) => !isScopeSetup(x))) {
    out.push(`-- ${s.sql}\n-- params: ${JSON.stringify(s.params)}`);
    if (scope) out.push(`## product (withScope: app role, row-level security)\n${await withScope(bdb.db, scope, (trx) => plan(trx, s))}`);
    else out.push('## product: the same statement as the owner (a public endpoint, no withScope)');
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
    const product = q.owner ? () => q.run(bdb.db, named) : () => withScope(bdb.db, scope, (trx) => q.run(trx, named));
    const { statements } = await bdb.capture(product);
    const bareStatements = statements.filter((s) => !isScopeSetup(s));
    const [figures, baseline] = await timePair(product, () => bdb.bare(bareStatements), { budgetMs });
    const ratio = Math.round((figures.medianMs / Math.max(baseline.medianMs, 1e-3)) * 100) / 100;
    results.push({ name: q.name, kind: 'query', figures, baseline, ratio, statements: bareStatements.length });
    console.error(`query  ${q.name.padEnd(38)} ${figures.medianMs.toFixed(2).padStart(9)} ms  bare ${baseline.medianMs.toFixed(2).padStart(9)} ms  ×${ratio}`);
    await explain(bdb, q.owner ? null : scope, statements, path.join(plansDir, `${q.name.replace(/[^\w]+/g, '-').replace(/^-|-$/g, '')}.txt`));
  }
  return results;
}
