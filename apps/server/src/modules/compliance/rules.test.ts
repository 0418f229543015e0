import { describe, expect, it } from 'vitest';
import { daysLeft, parsePeriod, periodAt, periodLabel, periodRange, previousPeriod, subPeriods } from './periods.ts';
import { governing, requirements, type Rule } from './rules.ts';
import { evaluateOrg } from './evaluate.ts';

const rule = (r: Partial<Rule> & Pick<Rule, 'id' | 'kind'>): Rule => ({
  orgId: null, count: 1, period: 'quarter', appliesTo: ['branch'], minFullMembers: null, months: null, effectiveFrom: null, effectiveTo: null, ...r,
});
const Y2026 = parsePeriod('2026')!;
/** An organization of `type` on `path` with 9 full members unless told. */
const org = (pathIds: string[], type = 'branch', fullMembers = 9) => ({ pathIds, type, fullMembers });

describe('periods', () => {
  it('parses years, quarters and months and rejects anything else', () => {
    expect(parsePeriod('2026')).toEqual({ kind: 'year', year: 2026, index: 1 });
    expect(parsePeriod('2026-Q3')).toEqual({ kind: 'quarter', year: 2026, index: 3 });
    expect(parsePeriod('2026-09')).toEqual({ kind: 'month', year: 2026, index: 9 });
    for (const bad of ['2026-Q5', '2026-13', '2026-9', '26', '2026Q1', '']) expect(parsePeriod(bad), bad).toBeNull();
    expect(periodLabel(parsePeriod('2026-Q3')!)).toBe('2026年第3季度');
  });

  it('splits a period into finer ones, never into coarser', () => {
    expect(subPeriods(Y2026, 'month')).toHaveLength(12);
    expect(subPeriods(parsePeriod('2026-Q3')!, 'month').map((p) => p.index)).toEqual([7, 8, 9]);
    expect(subPeriods(parsePeriod('2026-09')!, 'quarter')).toEqual([]);
    expect(previousPeriod(parsePeriod('2026-Q1')!)).toEqual({ kind: 'quarter', year: 2025, index: 4 });
  });

  it('counts China time: 2026-09-30T17:00Z is already October in Beijing', () => {
    const { from, to } = periodRange(parsePeriod('2026-Q3')!);
    expect(from.toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(to.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(periodAt('month', new Date('2026-09-30T17:00:00Z')).index).toBe(10);
    expect(daysLeft(parsePeriod('2026-11')!, new Date('2026-11-21T02:00:00Z'))).toBe(10);
  });
});

describe('rule resolution', () => {
  const rules: Rule[] = [
    rule({ id: 'd1', kind: 'branch_congress' }),
    rule({ id: 'd2', kind: 'theme_day', period: 'month' }),
    rule({ id: 'd3', kind: 'group_meeting', period: 'month', appliesTo: ['group'] }),
    rule({ id: 'town', orgId: '12', kind: 'branch_congress', count: 2, period: 'year', months: [1, 2, 11, 12] }),
    rule({ id: 'county', orgId: '1', kind: 'branch_congress', count: 3, period: 'year' }),
    rule({ id: 'later', orgId: '1', kind: 'theme_day', count: 2, period: 'month', effectiveFrom: '2026-07-01' }),
  ];

  it('the nearest organization with rules for a kind wins over ancestors and defaults', () => {
    const q1 = parsePeriod('2026-Q1')!;
    expect(governing(rules, org(['1', '12', '140'], 'branch'), 'branch_congress', q1).map((r) => r.id)).toEqual(['town']);
    expect(governing(rules, org(['1', '13', '150'], 'branch'), 'branch_congress', q1).map((r) => r.id)).toEqual(['county']);
    expect(governing(rules, org(['9', '10'], 'branch'), 'branch_congress', q1).map((r) => r.id)).toEqual(['d1']);
  });

  it('applies rules only to their organization types', () => {
    expect(governing(rules, org(['9'], 'group'), 'branch_congress', Y2026)).toEqual([]);
    expect(governing(rules, org(['9'], 'group'), 'group_meeting', Y2026).map((r) => r.id)).toEqual(['d3']);
    expect(requirements(rules, org(['9'], 'town_committee'), Y2026, '2026-12-31')).toEqual([]);
  });

  it('a committee rule applies only from its number of full members (支部委员会: 7)', () => {
    const committee = [rule({ id: 'c', kind: 'branch_committee', period: 'month', minFullMembers: 7 })];
    expect(requirements(committee, org(['9'], 'branch', 6), Y2026, '2026-12-31')).toEqual([]);
    expect(requirements(committee, org(['9'], 'branch', 7), Y2026, '2026-12-31')).toHaveLength(12);
  });

  it('honours effective dates: the county rule replaces the default from July', () => {
    const reqs = requirements(rules, org(['1'], 'branch'), Y2026, '2026-12-31').filter((r) => r.kind === 'theme_day');
    expect(reqs.map((r) => r.count)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
  });

  it('a seasonal window requires and counts meetings only in its months', () => {
    const reqs = requirements(rules, org(['1', '12'], 'branch'), Y2026, '2026-12-31').filter((r) => r.kind === 'branch_congress');
    expect(reqs).toHaveLength(1);
    expect(reqs[0]!.months).toEqual([202601, 202602, 202611, 202612]);
    expect(reqs[0]!.label).toBe('2026年 支部党员大会（1、2、11、12月）');
    const held = new Map([['branch_congress', new Map([[202605, 3], [202611, 1]])]]);
    const row = evaluateOrg({ orgId: '140', name: '甲村', parentName: null, type: 'branch', path: '1.12.140' }, reqs, held, reqs[0]!.months);
    expect(row.kinds[0]).toMatchObject({ required: 2, met: 1, missing: ['2026年 支部党员大会（1、2、11、12月） 缺1次'] });
  });

  it('owes nothing for periods not started, and a surplus does not make up another period', () => {
    const reqs = requirements(rules, org(['9'], 'branch'), Y2026, '2026-08-15');
    expect(reqs.filter((r) => r.kind === 'theme_day')).toHaveLength(8);
    expect(reqs.filter((r) => r.kind === 'branch_congress').map((r) => r.label)).toEqual([
      '2026年第1季度 支部党员大会', '2026年第2季度 支部党员大会', '2026年第3季度 支部党员大会',
    ]);
    const held = new Map([['branch_congress', new Map([[202601, 3]])], ['theme_day', new Map([[202601, 1]])]]);
    const row = evaluateOrg({ orgId: '9', name: '乙村', parentName: null, type: 'branch', path: '9' }, reqs, held, [202601]);
    const congress = row.kinds.find((k) => k.kind === 'branch_congress')!;
    expect(congress).toMatchObject({ required: 3, met: 1, held: 3 });
    expect(congress.missing).toEqual(['2026年第2季度 支部党员大会 缺1次', '2026年第3季度 支部党员大会 缺1次']);
    expect(row.short).toBe(true);
    expect(row.rate).toBeCloseTo(2 / 11);
  });
});
