import { MEETING_KINDS, RULE_PERIOD_CODES, type MeetingKind, type RulePeriod } from '@dangjian/contracts';
import { periodDays, periodLabel, periodMonths, subPeriods, type Period } from './periods.ts';

/** A rule as the resolver needs it (one row of meeting_rules). */
export interface Rule {
  id: string;
  /** null: built-in default. */
  orgId: string | null;
  kind: MeetingKind;
  count: number;
  period: RulePeriod;
  appliesTo: readonly string[];
  /** Applies only where the organization has at least this many full members. */
  minFullMembers: number | null;
  months: readonly number[] | null;
  effectiveFrom: string | null;
  effectiveTo: string | null;
}

/** What decides which rules apply to an organization. */
export interface OrgFacts {
  /** Its path's ids, root first. */
  pathIds: readonly string[];
  type: string;
  /** Full members registered directly in it. */
  fullMembers: number;
}

/** One required number of meetings of one kind in one period (possibly a seasonal window). */
export interface Requirement {
  kind: MeetingKind;
  period: Period;
  count: number;
  /** The months (ym keys) whose meetings count toward it. */
  months: number[];
  /** e.g. "2026年第3季度 支部党员大会" and, for a seasonal rule, "（1、2、11、12月）". */
  label: string;
}

function inForce(r: Rule, p: Period): boolean {
  const { first, last } = periodDays(p);
  return (!r.effectiveFrom || r.effectiveFrom <= last) && (!r.effectiveTo || r.effectiveTo >= first);
}

/**
 * The rules of `kind` that govern an organization during `p`: among the rules in force that
 * apply to its type and size, those of the nearest organization on its path (self, parent, …, root),
 * else the defaults. A nearer rule set replaces the inherited one for that kind entirely, so a
 * county can lower, raise or (with count 0) drop a requirement without touching the defaults.
 * @example governing(rules, { pathIds: ['1', '12', '140'], type: 'branch', fullMembers: 9 }, 'branch_congress', q3) // the town's rules if it has any
 */
export function governing(rules: readonly Rule[], org: OrgFacts, kind: MeetingKind, p: Period): Rule[] {
  const { pathIds, type } = org;
  const candidates = rules.filter((r) => r.kind === kind && r.appliesTo.includes(type) && (r.minFullMembers ?? 0) <= org.fullMembers && inForce(r, p));
  for (let i = pathIds.length - 1; i >= 0; i--) {
    const here = candidates.filter((r) => r.orgId === pathIds[i]);
    if (here.length > 0) return here;
  }
  return candidates.filter((r) => r.orgId === null);
}

const monthList = (ms: readonly number[]) => `（${ms.join('、')}月）`;

/**
 * Every requirement for an organization over a report period, skipping periods that have not
 * started by `today` ('YYYY-MM-DD'): nothing is owed for a month still to come. A rule coarser
 * than the report period (a yearly rule on a quarterly report) is not judged there.
 * @example requirements(rules, { pathIds: ['1', '12'], type: 'branch', fullMembers: 9 }, { kind: 'year', year: 2026, index: 1 }, '2026-11-26')
 */
export function requirements(rules: readonly Rule[], org: OrgFacts, report: Period, today: string): Requirement[] {
  const out: Requirement[] = [];
  for (const kind of Object.keys(MEETING_KINDS) as MeetingKind[]) {
    for (const per of RULE_PERIOD_CODES) {
      for (const sp of subPeriods(report, per)) {
        if (periodDays(sp).first > today) continue;
        for (const r of governing(rules, org, kind, sp)) {
          if (r.period !== per || r.count === 0) continue;
          const months = periodMonths(sp).filter((ym) => !r.months || r.months.includes(ym % 100));
          if (months.length === 0) continue;
          out.push({ kind, period: sp, count: r.count, months, label: `${periodLabel(sp)} ${MEETING_KINDS[kind]}${r.months ? monthList(r.months) : ''}` });
        }
      }
    }
  }
  return out;
}

/**
 * Memoizes requirements by what decides them (type, which rule-holding organizations lie on
 * the path, which size thresholds it reaches), so a county of 2,000 organizations resolves a
 * handful of distinct cases.
 */
export function requirementCache(rules: readonly Rule[], report: Period, today: string) {
  const holders = new Set(rules.map((r) => r.orgId).filter((id): id is string => id !== null));
  const thresholds = [...new Set(rules.map((r) => r.minFullMembers ?? 0))].sort((a, b) => a - b);
  const memo = new Map<string, Requirement[]>();
  return (org: OrgFacts): Requirement[] => {
    const onPath = org.pathIds.filter((id) => holders.has(id));
    // The largest threshold reached stands for the size: rules only compare against thresholds.
    const size = thresholds.filter((t) => t <= org.fullMembers).pop() ?? 0;
    const key = `${org.type}|${onPath.join('.')}|${size}`;
    let reqs = memo.get(key);
    if (!reqs) memo.set(key, (reqs = requirements(rules, { pathIds: onPath, type: org.type, fullMembers: size }, report, today)));
    return reqs;
  };
}
