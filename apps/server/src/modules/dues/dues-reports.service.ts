import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { DuesCategory, DuesMonthlyReport, DuesYearlyReport } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { baseInForce, dueFor } from './dues-ledger.ts';
import { createDuesRepo } from './dues.repo.ts';
import { DUES_PERM } from './dues.service.ts';
import { monthlyWorkbook, yearlyWorkbook } from './dues-workbook.ts';

/**
 * A branch's (or any subtree's) monthly and yearly dues reports, as JSON or Excel. Every total is
 * summed in integer fen from the payment rows, never from a stored figure.
 * @example const r = await reports.monthly(actor, { orgId, month: '2026-10' });
 */
export function createDuesReportsService(deps: { db: Kysely<DB> }) {
  async function load<T>(actor: Actor, orgId: string, range: { from: string; to: string }, fn: (x: Awaited<ReturnType<typeof read>>) => T): Promise<T> {
    const scope = scopeFor(actor, DUES_PERM);
    return withScope(deps.db, scope, async (trx) => fn(await read(trx, scope, orgId, range)));
  }

  async function read(trx: Kysely<DB>, scope: string[], orgId: string, range: { from: string; to: string }) {
    const repo = createDuesRepo(trx);
    const org = await repo.orgInScope(orgId, scope);
    if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
    const members = await repo.membersUnder(org.path).rows();
    const ids = members.map((m) => m.id);
    const [rules, bases, payments] = await Promise.all([repo.rules(), repo.basesOf(ids), repo.paymentsOf(ids, range)]);
    return { trx, org, members, rules, bases, payments };
  }

  function monthlyOf(x: Awaited<ReturnType<typeof read>>, month: string): DuesMonthlyReport {
    const rows = x.members.map((m) => {
      const mine = x.bases.get(m.id) ?? [];
      const b = baseInForce(mine, month);
      const p = x.payments.find((r) => r.member_id === m.id && r.month.startsWith(month));
      return {
        memberId: m.id, name: m.name, orgName: m.org_name, category: (b?.category ?? null) as DuesCategory | null,
        baseFen: b?.baseFen ?? null, dueFen: p ? Number(p.due_fen) : dueFor(mine, x.rules, month),
        paidFen: p ? Number(p.paid_fen) : null, kind: p?.kind ?? null, paidOn: p?.paid_on ?? null,
      };
    });
    const paid = rows.filter((r) => r.paidFen !== null);
    return {
      orgName: x.org.name, month, rows,
      totals: {
        members: rows.length, paid: paid.length, unpaid: rows.filter((r) => r.paidFen === null && r.dueFen !== null).length,
        dueFen: rows.reduce((s, r) => s + (r.dueFen ?? 0), 0), paidFen: paid.reduce((s, r) => s + (r.paidFen ?? 0), 0),
      },
    };
  }

  function yearlyOf(x: Awaited<ReturnType<typeof read>>, year: number): DuesYearlyReport {
    const monthTotalsFen = Array.from({ length: 12 }, () => 0);
    const rows = x.members.map((m) => {
      const monthsFen = Array.from({ length: 12 }, (_, i) => {
        const p = x.payments.find((r) => r.member_id === m.id && r.month.startsWith(`${year}-${String(i + 1).padStart(2, '0')}`));
        return p ? Number(p.paid_fen) : null;
      });
      monthsFen.forEach((v, i) => { monthTotalsFen[i]! += v ?? 0; });
      return { memberId: m.id, name: m.name, orgName: m.org_name, monthsFen, totalFen: monthsFen.reduce<number>((s, v) => s + (v ?? 0), 0) };
    });
    return { orgName: x.org.name, year, rows, monthTotalsFen, totalFen: monthTotalsFen.reduce((s, v) => s + v, 0) };
  }

  const exported = (x: Awaited<ReturnType<typeof read>>, actor: Actor, what: string) =>
    appendAudit(x.trx, { actorUserId: actor.userId, actorName: actor.displayName, ip: actor.ip, action: 'dues.report.export', entityType: 'org', entityId: x.org.id, orgId: x.org.id, after: { report: what } });

  return {
    monthly: (actor: Actor, q: { orgId: string; month: string }) => load(actor, q.orgId, { from: q.month, to: q.month }, (x) => monthlyOf(x, q.month)),
    yearly: (actor: Actor, q: { orgId: string; year: number }) => load(actor, q.orgId, { from: `${q.year}-01`, to: `${q.year}-12` }, (x) => yearlyOf(x, q.year)),

    /** The monthly report as .xlsx (audited: it lists every member's payment). */
    async monthlyWorkbook(actor: Actor, q: { orgId: string; month: string }) {
      const scope = scopeFor(actor, DUES_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const x = await read(trx, scope, q.orgId, { from: q.month, to: q.month });
        await exported(x, actor, `monthly ${q.month}`);
        const r = monthlyOf(x, q.month);
        return { fileName: `${r.orgName}-党费收缴月报-${q.month}.xlsx`, buffer: await monthlyWorkbook(r) };
      });
    },

    async yearlyWorkbook(actor: Actor, q: { orgId: string; year: number }) {
      const scope = scopeFor(actor, DUES_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const x = await read(trx, scope, q.orgId, { from: `${q.year}-01`, to: `${q.year}-12` });
        await exported(x, actor, `yearly ${q.year}`);
        const r = yearlyOf(x, q.year);
        return { fileName: `${r.orgName}-党费收缴年报-${q.year}.xlsx`, buffer: await yearlyWorkbook(r) };
      });
    },
  };
}

export type DuesReportsService = ReturnType<typeof createDuesReportsService>;
