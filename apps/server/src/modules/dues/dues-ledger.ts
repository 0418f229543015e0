import type { DuesCategory, DuesRule } from '@dangjian/contracts';
import { amountFen, rulesInForce } from './dues-rules.ts';
import { addMonths, firstDay, monthOf, monthRange } from './months.ts';

export interface BaseRecord { month: string; category: DuesCategory; baseFen: number; agreedFen: number | null }

/** The base in force in `month`: the latest one that applies from that month or earlier. */
export function baseInForce(bases: readonly BaseRecord[], month: string): BaseRecord | null {
  let best: BaseRecord | null = null;
  for (const b of bases) if (b.month <= month && (!best || b.month > best.month)) best = b;
  return best;
}

/** The amount due for `month`, from the base then in force and the rules then in force; null without a base. */
export function dueFor(bases: readonly BaseRecord[], allRules: readonly DuesRule[], month: string): number | null {
  const b = baseInForce(bases, month);
  if (!b) return null;
  return amountFen(b.category, b.baseFen, rulesInForce(allRules, firstDay(month)), b.agreedFen);
}

export interface LedgerInput {
  /** The day the member joined (预备党员 pay from the 支部大会 date); null when unknown. */
  joinedOn: string | null;
  bases: readonly BaseRecord[];
  /** Months with a payment row (full, reduced or waived all settle the month). */
  settled: ReadonlySet<string>;
  rules: readonly DuesRule[];
  /** The last month counted as owed: the last finished month. */
  asOf: string;
}

export interface Ledger {
  /** Owed months up to asOf without a payment, oldest first. */
  unpaidMonths: string[];
  owedFen: number;
  /** Unpaid months in a row ending at asOf (6 or more → 自行脱党 candidate). */
  trailingUnpaid: number;
  /** 党费交至: the end of the unbroken run of settled months from the first owed month. */
  paidThrough: string | null;
  lastPaidMonth: string | null;
}

/**
 * One member's dues position. Dues are owed from the later of the first base and the month the
 * member joined, because before a base is recorded the amount is unknown (legacy members get
 * a base from the month the branch starts keeping dues here).
 * @example ledger({ joinedOn: '2020-07-01', bases, settled: new Set(['2026-09']), rules, asOf: '2026-10' })
 */
export function ledger(input: LedgerInput): Ledger {
  const lastPaidMonth = [...input.settled].sort().at(-1) ?? null;
  const firstBase = input.bases.reduce<string | null>((m, b) => (m === null || b.month < m ? b.month : m), null);
  if (!firstBase) return { unpaidMonths: [], owedFen: 0, trailingUnpaid: 0, paidThrough: null, lastPaidMonth };
  const joined = input.joinedOn ? monthOf(input.joinedOn) : firstBase;
  const start = joined > firstBase ? joined : firstBase;
  const unpaidMonths = monthRange(start, input.asOf).filter((m) => !input.settled.has(m));
  const owedFen = unpaidMonths.reduce((s, m) => s + (dueFor(input.bases, input.rules, m) ?? 0), 0);
  let trailingUnpaid = 0;
  for (let m = input.asOf; m >= start && !input.settled.has(m); m = addMonths(m, -1)) trailingUnpaid += 1;
  let paidThrough: string | null = null;
  for (let m = start; input.settled.has(m); m = addMonths(m, 1)) paidThrough = m;
  return { unpaidMonths, owedFen, trailingUnpaid, paidThrough, lastPaidMonth };
}
