import { MEETING_KINDS, type ComplianceKindRow, type ComplianceOrgRow, type MeetingKind } from '@dangjian/contracts';
import type { Requirement } from './rules.ts';

/** Held meetings of one organization: kind → ym → count. */
export type HeldCounts = Map<string, Map<number, number>>;

/**
 * Judges one organization against its requirements. A requirement is met by meetings held in
 * its own months only, capped at its count: three meetings in July do not make up for none in
 * August. `held` is every meeting of the kind held in the report's months.
 * @example evaluateOrg({ orgId: '7', name: '甲村党支部', parentName: null, type: 'branch', path: '1.7' }, reqs, held, months)
 */
export function evaluateOrg(
  org: { orgId: string; name: string; parentName: string | null; type: string; path: string },
  reqs: readonly Requirement[], held: HeldCounts | undefined, reportMonths: readonly number[],
): ComplianceOrgRow {
  const byKind = new Map<MeetingKind, ComplianceKindRow>();
  const countIn = (kind: string, months: readonly number[]) => {
    const m = held?.get(kind);
    return m ? months.reduce((s, ym) => s + (m.get(ym) ?? 0), 0) : 0;
  };
  for (const r of reqs) {
    let row = byKind.get(r.kind);
    if (!row) byKind.set(r.kind, (row = { kind: r.kind, required: 0, held: countIn(r.kind, reportMonths), met: 0, missing: [] }));
    const met = Math.min(r.count, countIn(r.kind, r.months));
    row.required += r.count;
    row.met += met;
    if (met < r.count) row.missing.push(`${r.label} 缺${r.count - met}次`);
  }
  const order = Object.keys(MEETING_KINDS);
  const kinds = [...byKind.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const required = kinds.reduce((s, k) => s + k.required, 0);
  const met = kinds.reduce((s, k) => s + k.met, 0);
  return { ...org, required, met, rate: required === 0 ? 1 : met / required, short: met < required, kinds };
}
