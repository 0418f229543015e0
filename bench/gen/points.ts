/**
 * A year of 党员积分 (E2) for every member: about 8 ledger entries each (awards by the default
 * rule codes of migration 0016, a few reversals and manual adjustments), from 2025-11 to 2026-10
 * (the year before TODAY), plus the derived rows the product keeps in the same transaction as
 * each entry — points_balances (sum of the member's entries) and points_monthly (earned / spent
 * per member and China-time month) — computed here so they equal the ledger exactly.
 * Rows are streamed: the ledger of one member is built, emitted and dropped, keeping only the
 * member's balance and twelve monthly sums in typed arrays (~60 bytes a member), from which the
 * two derived tables are loaded.
 * After loading, `checkPointsLedger` runs the product's own comparison (ledgerMismatches).
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../packages/db/src/index.ts';
import type { Rng } from '../../packages/db/src/fixtures/index.ts';
import type { Harness } from '../../apps/server/src/test/harness.ts';
import { ledgerMismatches } from '../../apps/server/src/modules/points/points.test-helpers.ts';
import { copyRows, type Cell, type CopyResult } from '../lib/copy.ts';
import type { GenContext, Step } from './steps.ts';

/** The default rule set (migration 0016): code → points, label, the source it is awarded for, weight in the mix. */
const RULES: readonly { code: string; points: number; label: string; source: string; weight: number }[] = [
  { code: 'meeting_attend', points: 1, label: '参加三会一课、组织生活', source: 'meeting', weight: 40 },
  { code: 'study_complete', points: 2, label: '完成学习培训或撰写心得', source: 'study', weight: 15 },
  { code: 'dues_on_time', points: 1, label: '按时足额交纳党费', source: 'dues', weight: 17 },
  { code: 'volunteer_hour', points: 1, label: '志愿服务（每小时）', source: 'volunteer', weight: 14 },
  { code: 'wish_fulfilled', points: 3, label: '完成群众微心愿', source: 'wish', weight: 6 },
  { code: 'commitment_done', points: 2, label: '承诺践诺完成', source: 'commitment', weight: 5 },
  { code: 'honor', points: 5, label: '受到表彰奖励', source: 'honor', weight: 3 },
];
const WEIGHTED = RULES.map((r) => [r, r.weight] as const);
/** The twelve months before TODAY (2026-11-01), as [year, month]. */
const MONTHS = Array.from({ length: 12 }, (_, i) => [i < 2 ? 2025 : 2026, ((i + 10) % 12) + 1] as const);

const ENTRY_COLUMNS = [
  'id', 'member_id', 'org_id', 'region_id', 'delta', 'rule_code', 'source_type', 'source_id', 'kind', 'reversal_of', 'actor', 'note', 'period', 'created_at',
] as const;

interface Entry {
  id: number;
  delta: number;
  kind: 'award' | 'reversal' | 'adjustment';
  rule: (typeof RULES)[number] | null;
  sourceId: string | null;
  reversalOf: number | null;
  note: string;
  /** Index into MONTHS, day of month, hour (UTC, 01–09 = the same day in China). */
  month: number;
  day: number;
  hour: number;
}

interface Ledger { memberId: number; orgId: number; regionId: number; entries: Entry[] }

const pad = (n: number) => String(n).padStart(2, '0');
const atOf = (e: Entry) => `${MONTHS[e.month]![0]}-${pad(MONTHS[e.month]![1])}-${pad(e.day)}T${pad(e.hour)}:00:00Z`;
const order = (a: Entry, b: Entry) => a.month - b.month || a.day - b.day || a.hour - b.hour;

/**
 * Every member's ledger of the year, in member order, ids 1…N across members. The same context
 * gives the same sequence on every call (a fresh rng stream each time).
 */
function* ledgers(ctx: GenContext): Generator<Ledger> {
  const rng: Rng = ctx.rngFor('points');
  const regionOf = new Map(ctx.tree.orgs.map((o) => [o.id, o.regionId]));
  let nextId = 1;
  for (let i = 0; i < ctx.tree.holders.length; i++) {
    const orgId = ctx.tree.holders[i]!.orgId;
    const regionId = regionOf.get(orgId)!;
    for (let k = 0; k < ctx.counts[i]!; k++) {
      const memberId = ctx.firstMember[i]! + k;
      const entries: Entry[] = [];
      const at = () => ({ month: rng.int(0, 11), day: rng.int(1, 28), hour: rng.int(1, 9) });
      for (let n = rng.int(4, 12); n > 0; n--) {
        const rule = rng.weighted(WEIGHTED);
        entries.push({ id: 0, delta: rule.points, kind: 'award', rule, sourceId: null, reversalOf: null, note: rule.label, ...at() });
      }
      entries.sort(order);
      // One member in 33 has an award reversed later (a record found wrong); one in 50 a manual correction.
      const awards = entries.length;
      if (rng.chance(0.03)) {
        const ai = rng.int(0, awards - 1);
        const award = entries[ai]!;
        const month = rng.int(award.month, 11);
        const day = month === award.month ? rng.int(award.day, 28) : rng.int(1, 28);
        // reversalOf holds the award's index until ids are given out below.
        entries.push({
          id: 0, delta: -award.delta, kind: 'reversal', rule: award.rule, sourceId: null, reversalOf: ai, note: '记录有误，冲销',
          month, day, hour: month === award.month && day === award.day ? 9 : rng.int(1, 9),
        });
      }
      if (rng.chance(0.02)) entries.push({ id: 0, delta: rng.int(1, 5), kind: 'adjustment', rule: null, sourceId: null, reversalOf: null, note: '补录线下活动积分', ...at() });
      // Ids in time order, as the product would have assigned them; a reversal follows its award.
      const byTime = entries.map((e, idx) => ({ e, idx })).sort((a, b) => order(a.e, b.e) || a.idx - b.idx);
      const idOf = new Map<number, number>();
      for (const { e, idx } of byTime) {
        e.id = nextId++;
        idOf.set(idx, e.id);
      }
      for (const e of entries) {
        if (e.kind === 'award') e.sourceId = `gen-${e.id}`;
        if (e.kind === 'reversal') {
          e.reversalOf = idOf.get(e.reversalOf!)!;
          e.sourceId = `gen-${e.reversalOf}`;
        }
      }
      yield { memberId, orgId, regionId, entries: byTime.map((x) => x.e) };
    }
  }
}

/**
 * What the derived tables need from the ledger, per member (index memberId - 1), gathered while
 * the ledger rows stream out: the balances and monthly rows then need no second pass over the
 * seeded stream (the ledger is the costliest thing the generator builds).
 */
interface Sums { orgOf: Int32Array; balance: Int32Array; earned: Int32Array; months: Uint16Array; members: number }

function newSums(members: number): Sums {
  return { orgOf: new Int32Array(members), balance: new Int32Array(members), earned: new Int32Array(members * 12), months: new Uint16Array(members), members: 0 };
}

const PERIODS = MONTHS.map(([y, m]) => `${y}-${pad(m)}-01`);

function* entryRows(ctx: GenContext, sums: Sums): Generator<Cell[]> {
  for (const l of ledgers(ctx)) {
    const m = l.memberId - 1;
    let balance = 0;
    for (const e of l.entries) {
      // Never below 0: a reversal follows its award.
      balance += e.delta;
      if (balance < 0) throw new Error(`points generator: member ${l.memberId} would go below 0`);
      sums.earned[m * 12 + e.month]! += e.delta;
      sums.months[m]! |= 1 << e.month;
      yield [
        e.id, l.memberId, l.orgId, l.regionId, e.delta, e.rule?.code ?? null, e.rule ? e.rule.source : null, e.sourceId, e.kind,
        e.reversalOf, null, e.note, PERIODS[e.month]!, atOf(e),
      ];
    }
    sums.orgOf[m] = l.orgId;
    sums.balance[m] = balance;
    sums.members = Math.max(sums.members, l.memberId);
  }
}

/** points_balances: the sum of the member's entries. */
function* balanceRows(sums: Sums): Generator<Cell[]> {
  for (let m = 0; m < sums.members; m++) yield [m + 1, sums.orgOf[m]!, sums.balance[m]!];
}

/** points_monthly: earned per month (awards, reversals, adjustments; no redemptions generated, so spent is 0), months in order. */
function* monthlyRows(sums: Sums): Generator<Cell[]> {
  for (let m = 0; m < sums.members; m++) {
    for (let k = 0; k < 12; k++) if (sums.months[m]! & (1 << k)) yield [m + 1, PERIODS[k]!, sums.orgOf[m]!, sums.earned[m * 12 + k]!, 0];
  }
}

/** The generator step: the ledger, then the balances and the monthly summary, all by COPY. */
export const pointsStep: Step = {
  name: 'points',
  weight: 15,
  tables: ['points_entries', 'points_balances', 'points_monthly'],
  identities: ['points_entries'],
  check: (db) => checkPointsLedger(db),
  run: async (ctx): Promise<CopyResult[]> => {
    const members = ctx.opts.members;
    const sums = newSums(members);
    return [
      await copyRows(ctx.opts.target, ctx.conn, { table: 'points_entries', columns: ENTRY_COLUMNS, total: Math.round(members * 8.05), rows: entryRows(ctx, sums) }),
      await copyRows(ctx.opts.target, ctx.conn, { table: 'points_balances', columns: ['member_id', 'org_id', 'balance'], total: members, rows: balanceRows(sums) }),
      await copyRows(ctx.opts.target, ctx.conn, { table: 'points_monthly', columns: ['member_id', 'period', 'org_id', 'earned', 'spent'], total: Math.round(members * 6), rows: monthlyRows(sums) }),
    ];
  },
};

/**
 * The product's check (apps/server/src/modules/points, `ledgerMismatches`): every balance and
 * monthly row equals the ledger. Throws with the first mismatches when there are any.
 */
export async function checkPointsLedger(db: Kysely<DB>): Promise<number> {
  const t = performance.now();
  // ledgerMismatches reads only h.database.db; its aggregates over the whole ledger hash in memory with a larger work_mem.
  const rows = await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL work_mem = '256MB'`.execute(trx);
    return ledgerMismatches({ database: { db: trx } } as unknown as Harness);
  });
  if (rows.length > 0) throw new Error(`points: ${rows.length} derived rows differ from the ledger, e.g. ${JSON.stringify(rows.slice(0, 5))}`);
  return Math.round(performance.now() - t);
}
