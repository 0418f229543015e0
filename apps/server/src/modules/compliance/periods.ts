import type { RulePeriod } from '@dangjian/contracts';

/**
 * Calendar periods in China Standard Time (UTC+8, no daylight saving), as the branches count
 * them. Months are keyed `ym` = year * 100 + month (202609) so one integer orders and compares.
 */
export interface Period {
  kind: RulePeriod;
  year: number;
  /** 1–12 for a month, 1–4 for a quarter, 1 for a year. */
  index: number;
}

const CST_MS = 8 * 3600_000;

/**
 * Parses a report period: `2026`, `2026-Q3` or `2026-09`; null when malformed.
 * @example parsePeriod('2026-Q3') // { kind: 'quarter', year: 2026, index: 3 }
 */
export function parsePeriod(s: string): Period | null {
  const m = /^(\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?$/.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return { kind: 'quarter', year, index: Number(m[2]) };
  if (m[3]) return { kind: 'month', year, index: Number(m[3]) };
  return { kind: 'year', year, index: 1 };
}

export function formatPeriod(p: Period): string {
  if (p.kind === 'year') return String(p.year);
  if (p.kind === 'quarter') return `${p.year}-Q${p.index}`;
  return `${p.year}-${String(p.index).padStart(2, '0')}`;
}

/** "2026年" / "2026年第3季度" / "2026年9月". */
export function periodLabel(p: Period): string {
  if (p.kind === 'year') return `${p.year}年`;
  if (p.kind === 'quarter') return `${p.year}年第${p.index}季度`;
  return `${p.year}年${p.index}月`;
}

/** The months of a period as ym keys, in order. */
export function periodMonths(p: Period): number[] {
  const first = p.kind === 'year' ? 1 : p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : p.index;
  const n = p.kind === 'year' ? 12 : p.kind === 'quarter' ? 3 : 1;
  return Array.from({ length: n }, (_, i) => p.year * 100 + first + i);
}

const RANK: Record<RulePeriod, number> = { month: 1, quarter: 2, year: 3 };

/**
 * The periods of `kind` inside `p` (a year has 4 quarters); none when `kind` is coarser than
 * `p`, because a quarterly rule cannot be judged on one month.
 * @example subPeriods({ kind: 'year', year: 2026, index: 1 }, 'quarter').length // 4
 */
export function subPeriods(p: Period, kind: RulePeriod): Period[] {
  if (RANK[kind] > RANK[p.kind]) return [];
  if (kind === p.kind) return [p];
  const months = periodMonths(p).map((ym) => ym % 100);
  const idx = kind === 'month' ? months : [...new Set(months.map((m) => Math.ceil(m / 3)))];
  return idx.map((index) => ({ kind, year: p.year, index }));
}

/** The period of `kind` containing the China-local day of `now`. */
export function periodAt(kind: RulePeriod, now: Date): Period {
  const { year, month } = localDay(now);
  return { kind, year, index: kind === 'year' ? 1 : kind === 'quarter' ? Math.ceil(month / 3) : month };
}

/** The period just before `p` (2026-Q1 → 2025-Q4). */
export function previousPeriod(p: Period): Period {
  const per = p.kind === 'year' ? 1 : p.kind === 'quarter' ? 4 : 12;
  return p.index > 1 ? { ...p, index: p.index - 1 } : { ...p, year: p.year - 1, index: per };
}

/** First and last day ('YYYY-MM-DD') of a period. */
export function periodDays(p: Period): { first: string; last: string } {
  const months = periodMonths(p);
  const a = months[0]!, b = months[months.length - 1]!;
  const lastDay = new Date(Date.UTC(Math.floor(b / 100), b % 100, 0)).getUTCDate();
  const d = (ym: number, day: number) => `${Math.floor(ym / 100)}-${String(ym % 100).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { first: d(a, 1), last: d(b, lastDay) };
}

/** The instants bounding a period in China time, for a held_at range [from, to). */
export function periodRange(first: Period, last: Period = first): { from: Date; to: Date } {
  const a = periodMonths(first)[0]!;
  const lm = periodMonths(last);
  const b = lm[lm.length - 1]!;
  const from = new Date(Date.UTC(Math.floor(a / 100), (a % 100) - 1, 1) - CST_MS);
  const to = new Date(Date.UTC(Math.floor(b / 100), b % 100, 1) - CST_MS);
  return { from, to };
}

/** The China-local calendar day of an instant. */
export function localDay(now: Date): { year: number; month: number; day: number; iso: string } {
  const iso = new Date(now.getTime() + CST_MS).toISOString().slice(0, 10);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)), iso };
}

/** Whole days left in `p` after today (the last day itself counts as 1). */
export function daysLeft(p: Period, now: Date): number {
  const { to } = periodRange(p);
  return Math.ceil((to.getTime() - now.getTime()) / 86_400_000);
}
