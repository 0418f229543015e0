/** A leaderboard period as a half-open range of first-of-month dates [from, to). */
export interface PeriodRange { key: string; from: string; to: string }

const first = (y: number, m: number) => `${y + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, '0')}-01`;

/**
 * The months of a year ('2026'), quarter ('2026-Q3') or month ('2026-07'); without a key, the one
 * containing `today` ('YYYY-MM-DD').
 * @example periodRange('quarter', '2026-Q3', '2026-11-26') // { key: '2026-Q3', from: '2026-07-01', to: '2026-10-01' }
 */
export function periodRange(period: 'year' | 'quarter' | 'month', key: string | undefined, today: string): PeriodRange {
  const y = Number((key ?? today).slice(0, 4));
  if (period === 'year') return { key: String(y), from: first(y, 1), to: first(y, 13) };
  if (period === 'quarter') {
    const q = key?.match(/-Q([1-4])$/) ? Number(key.slice(-1)) : Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
    return { key: `${y}-Q${q}`, from: first(y, q * 3 - 2), to: first(y, q * 3 + 1) };
  }
  const m = key?.match(/^\d{4}-\d{2}$/) ? Number(key.slice(5, 7)) : Number(today.slice(5, 7));
  return { key: `${y}-${String(m).padStart(2, '0')}`, from: first(y, m), to: first(y, m + 1) };
}

/** Competition ranks (1, 2, 2, 4): equal points share a rank. */
export function ranked<T extends { earned: number }>(rows: readonly T[]): (T & { rank: number })[] {
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || rows[i - 1]!.earned !== r.earned) rank = i + 1;
    return { ...r, rank };
  });
}
