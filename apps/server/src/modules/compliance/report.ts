import type { ComplianceOrgRow, ComplianceSort, ComplianceSummary } from '@dangjian/contracts';
import { evaluateOrg, type HeldCounts } from './evaluate.ts';
import { periodMonths, type Period } from './periods.ts';
import { requirementCache, type Rule } from './rules.ts';
import { pathIds } from './compliance.repo.ts';

/**
 * Judges every organization of a subtree for a period: the organizations some rule applies
 * to, each with its per-kind rows, and the summary over them.
 * @example buildReport(orgs, rules, held, fullCounts, parsePeriod('2026')!, '2026-11-26')
 */
export function buildReport(
  orgs: readonly { id: string; name: string; type: string; path: string }[],
  rules: readonly Rule[], held: Map<string, HeldCounts>, full: Map<string, number>, period: Period, today: string,
): { rows: ComplianceOrgRow[]; summary: ComplianceSummary } {
  const reqsFor = requirementCache(rules, period, today);
  const months = periodMonths(period);
  const rows: ComplianceOrgRow[] = [];
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  for (const o of orgs) {
    const ids = pathIds(o.path);
    const reqs = reqsFor({ pathIds: ids, type: o.type, fullMembers: full.get(o.id) ?? 0 });
    if (reqs.length === 0) continue;
    const parentName = ids.length > 1 ? names.get(ids[ids.length - 2]!) ?? null : null;
    rows.push(evaluateOrg({ orgId: o.id, name: o.name, parentName, type: o.type, path: o.path }, reqs, held.get(o.id), months));
  }
  const required = rows.reduce((s, r) => s + r.required, 0);
  const met = rows.reduce((s, r) => s + r.met, 0);
  const shortCount = rows.filter((r) => r.short).length;
  return {
    rows,
    summary: { orgsChecked: rows.length, fullyCompliant: rows.length - shortCount, shortCount, required, met, rate: required === 0 ? 1 : met / required },
  };
}

const byPath = (a: string, b: string) => {
  const x = pathIds(a).map(Number), y = pathIds(b).map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

/** Sorts report rows in place; ties fall back to tree order so pages are stable. */
export function sortRows(rows: ComplianceOrgRow[], sort: ComplianceSort): ComplianceOrgRow[] {
  const cmp: Record<ComplianceSort, (a: ComplianceOrgRow, b: ComplianceOrgRow) => number> = {
    rate_asc: (a, b) => a.rate - b.rate,
    rate_desc: (a, b) => b.rate - a.rate,
    name: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    tree: () => 0,
  };
  return rows.sort((a, b) => cmp[sort](a, b) || byPath(a.path, b.path));
}
