import { describe, expect, it } from 'vitest';
import { periodOf } from './points-ledger.ts';
import { periodRange, ranked } from './points-periods.ts';

describe('points periods', () => {
  it('maps year, quarter and month keys to half-open month ranges', () => {
    expect(periodRange('year', '2026', '2026-11-26')).toEqual({ key: '2026', from: '2026-01-01', to: '2027-01-01' });
    expect(periodRange('quarter', '2026-Q4', '2026-01-01')).toEqual({ key: '2026-Q4', from: '2026-10-01', to: '2027-01-01' });
    expect(periodRange('quarter', undefined, '2026-05-03')).toEqual({ key: '2026-Q2', from: '2026-04-01', to: '2026-07-01' });
    expect(periodRange('month', '2026-12', '2026-01-01')).toEqual({ key: '2026-12', from: '2026-12-01', to: '2027-01-01' });
    expect(periodRange('month', undefined, '2026-02-28')).toEqual({ key: '2026-02', from: '2026-02-01', to: '2026-03-01' });
  });

  it('counts an entry in the China-time month', () => {
    expect(periodOf(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11-01'); // 00:30 on 1 Nov in Beijing
    expect(periodOf(new Date('2026-10-31T15:59:00Z'))).toBe('2026-10-01');
  });

  it('ranks equal points equally (1, 2, 2, 4)', () => {
    expect(ranked([{ earned: 9 }, { earned: 5 }, { earned: 5 }, { earned: 1 }]).map((r) => r.rank)).toEqual([1, 2, 2, 4]);
    expect(ranked([])).toEqual([]);
  });
});
