import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  MEETING_KINDS, RULE_PERIOD_CODES, type ComplianceExportQuery, type ComplianceQuery, type ComplianceReminder,
  type ComplianceRemindersResponse, type ComplianceResponse,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { complianceScope } from './compliance.policy.ts';
import { createComplianceRepo, pathIds } from './compliance.repo.ts';
import { evaluateOrg } from './evaluate.ts';
import {
  daysLeft, localDay, parsePeriod, periodAt, periodLabel, periodMonths, periodRange, previousPeriod, formatPeriod,
} from './periods.ts';
import { buildReport, sortRows } from './report.ts';
import { requirements } from './rules.ts';

/** Reminders start this many days before a period closes. */
export const REMIND_DAYS = 10;
/** A town secretary's subtree can be large; the banner shows the first ones. */
const MAX_REMINDERS = 50;

/**
 * The compliance report of 三会一课 and organizational life (C1/C2): for any subtree and
 * period, each organization's required vs held meetings per kind with the missing ones named,
 * and reminders to secretaries before a period closes. Everything is computed on read from
 * meeting_rules and one aggregate over meetings.
 * @example await compliance.report(actor, { orgId: '12', period: '2026-Q3', sort: 'rate_asc', pageSize: 50 });
 */
export function createComplianceService(deps: { db: Kysely<DB>; clock: Clock }) {
  async function compute(actor: Actor, q: ComplianceExportQuery) {
    const period = parsePeriod(q.period);
    if (!period) throw new AppError('COMPLIANCE_PERIOD_INVALID', { details: { field: 'period' } });
    const scope = complianceScope(actor, 'read');
    const today = localDay(deps.clock()).iso;
    return withScope(deps.db, scope, async (trx) => {
      const org = await createOrgsRepo(trx).findInScope(q.orgId, scope);
      if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: q.orgId } });
      const repo = createComplianceRepo(trx);
      const { from, to } = periodRange(period);
      const [orgs, rules, held, full] = await Promise.all([
        repo.subtreeOrgs(org.path), repo.rulesFor(org.path), repo.heldCounts(org.path, from, to), repo.fullMemberCounts(org.path),
      ]);
      const { rows, summary } = buildReport(orgs, rules, held, full, period, today);
      const filtered = sortRows(q.onlyShort ? rows.filter((r) => r.short) : rows, q.sort);
      return { org, period, today, rows: filtered, summary };
    });
  }

  return {
    async report(actor: Actor, q: ComplianceQuery): Promise<ComplianceResponse> {
      const { org, period, today, rows, summary } = await compute(actor, q);
      const start = Number(q.cursor ?? 0);
      const end = start + q.pageSize;
      return {
        orgId: org.id, orgName: org.name, period: formatPeriod(period), periodLabel: periodLabel(period), asOf: today,
        summary, items: rows.slice(start, end), total: rows.length, nextCursor: end < rows.length ? String(end) : null,
      };
    },

    /** Every row of the filter, for the Excel export. */
    async exportRows(actor: Actor, q: ComplianceExportQuery) {
      const { org, period, today, rows, summary } = await compute(actor, q);
      return { orgName: org.name, periodLabel: periodLabel(period), asOf: today, rows, summary };
    },

    /**
     * For the secretaries' own organizations (and those below them): meetings still missing in
     * a period that closes within REMIND_DAYS, and those the previous period closed without.
     */
    async reminders(actor: Actor): Promise<ComplianceRemindersResponse> {
      const now = deps.clock();
      const today = localDay(now).iso;
      const scope = complianceScope(actor, 'remind');
      const items: ComplianceReminder[] = [];
      if (scope.length === 0) return { items, asOf: today };
      const current = RULE_PERIOD_CODES.map((k) => periodAt(k, now));
      const checks = current.flatMap((p) => {
        const left = daysLeft(p, now);
        return [{ p, level: 'overdue' as const, left: null }, ...(left <= REMIND_DAYS ? [{ p, level: 'due' as const, left }] : [])]
          .map((c) => ({ ...c, p: c.level === 'overdue' ? previousPeriod(p) : p }));
      });
      const { from } = periodRange({ kind: 'year', year: localDay(now).year - 1, index: 1 });
      const { to } = periodRange({ kind: 'year', year: localDay(now).year, index: 1 });
      await withScope(deps.db, scope, async (trx) => {
        const repo = createComplianceRepo(trx);
        for (const root of scope) {
          const [orgs, rules, held, full] = await Promise.all([repo.subtreeOrgs(root), repo.rulesFor(root), repo.heldCounts(root, from, to), repo.fullMemberCounts(root)]);
          for (const o of orgs) {
            for (const c of checks) {
              const facts = { pathIds: pathIds(o.path), type: o.type, fullMembers: full.get(o.id) ?? 0 };
              const reqs = requirements(rules, facts, c.p, today).filter((r) => r.period.kind === c.p.kind);
              const row = evaluateOrg({ orgId: o.id, name: o.name, parentName: null, type: o.type, path: o.path }, reqs, held.get(o.id), periodMonths(c.p));
              for (const k of row.kinds) {
                const missing = k.required - k.met;
                if (missing <= 0) continue;
                const label = periodLabel(c.p);
                items.push({
                  orgId: o.id, orgName: o.name, kind: k.kind, level: c.level, periodLabel: label, missing, daysLeft: c.left,
                  message: c.level === 'due'
                    ? `${o.name}：${label}还剩${c.left}天，${MEETING_KINDS[k.kind]}尚缺${missing}次`
                    : `${o.name}：${label}已结束，${MEETING_KINDS[k.kind]}缺${missing}次，请及时补开并补录`,
                });
              }
            }
          }
        }
      });
      items.sort((a, b) => (a.level === b.level ? (a.daysLeft ?? 0) - (b.daysLeft ?? 0) : a.level === 'due' ? -1 : 1));
      return { items: items.slice(0, MAX_REMINDERS), asOf: today };
    },
  };
}

