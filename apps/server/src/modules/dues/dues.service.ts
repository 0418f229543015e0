import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type {
  DuesBaseRequest, DuesMemberDetail, DuesMemberListQuery, DuesMemberListResponse, DuesMineResponse, DuesPaymentRequest,
  DuesPaymentResponse, DuesRulesResponse, PaidThroughResponse,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { agreedInRange, rulesInForce } from './dues-rules.ts';
import { dueFor, ledger } from './dues-ledger.ts';
import { createDuesRepo } from './dues.repo.ts';
import { memberDetail, toPayment } from './dues-view.ts';
import { addMonths, firstDay, monthOf } from './months.ts';
import { checkPayment } from './payment-rules.ts';

export interface DuesDeps { db: Kysely<DB>; clock?: Clock }

/** Dues are kept by the branch secretaries and 组织委员 (and the committees above them). */
export const DUES_PERM = 'members:write' as const;

/**
 * Dues bases, payments and one member's position (中组发〔2008〕3号). Every call runs in
 * withScope() with an explicit scope filter too; every write is audited in its transaction.
 * @example await dues.pay(actor, { memberId, months: [{ month: '2026-10' }], mode: 'monthly', paidOn: '2026-11-03' });
 */
export function createDuesService(deps: DuesDeps) {
  const clock = deps.clock ?? systemClock;
  const today = () => chinaToday(clock());
  const months = () => ({ current: monthOf(today()), asOf: addMonths(monthOf(today()), -1) });
  const audit = (trx: Kysely<DB>, actor: Actor, e: { action: string; memberId: string; orgId: string; before?: unknown; after?: unknown }) =>
    appendAudit(trx, { actorUserId: actor.userId, actorName: actor.displayName, ip: actor.ip, action: e.action, entityType: 'member', entityId: e.memberId, orgId: e.orgId, before: e.before, after: e.after });

  async function detailIn(trx: Kysely<DB>, scope: string[], memberId: string): Promise<DuesMemberDetail> {
    const repo = createDuesRepo(trx);
    const m = await repo.memberInScope(memberId, scope);
    if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: memberId } });
    const [rules, bases, payments] = await Promise.all([repo.rules(), repo.basesOf([m.id]), repo.paymentsOf([m.id])]);
    const { current, asOf } = months();
    return memberDetail(m, bases.get(m.id) ?? [], payments, rules, current, asOf);
  }

  return {
    /** The brackets in force today (and the documents they come from). */
    async rules(actor: Actor): Promise<DuesRulesResponse> {
      return withScope(deps.db, scopeFor(actor, 'orgs:read'), async (trx) => ({ items: rulesInForce(await createDuesRepo(trx).rules(), today()) }));
    },

    /** Members of a subtree with their base, this month's amount and payment, and 党费交至. */
    async list(actor: Actor, q: DuesMemberListQuery): Promise<DuesMemberListResponse> {
      const scope = scopeFor(actor, DUES_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createDuesRepo(trx);
        const org = await repo.orgInScope(q.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: q.orgId } });
        const month = q.month ?? months().current;
        const members = repo.membersUnder(org.path, { q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const [rows, total, rules] = await Promise.all([members.rows(), members.count(), repo.rules()]);
        const ids = rows.map((r) => r.id);
        const [bases, payments] = await Promise.all([repo.basesOf(ids), repo.paymentsOf(ids)]);
        const items = rows.map((m) => {
          const mine = bases.get(m.id) ?? [];
          const paid = payments.filter((p) => p.member_id === m.id);
          const b = mine.filter((x) => x.month <= month).at(-1) ?? null;
          const l = ledger({ joinedOn: m.joined_on, bases: mine, settled: new Set(paid.map((p) => p.month.slice(0, 7))), rules, asOf: months().asOf });
          const thisMonth = paid.find((p) => p.month.startsWith(month));
          return {
            memberId: m.id, name: m.name, orgName: m.org_name, category: b?.category ?? null, baseFen: b?.baseFen ?? null,
            baseSince: b?.month ?? null, monthlyFen: dueFor(mine, rules, month), paidFen: thisMonth ? Number(thisMonth.paid_fen) : null,
            paidThrough: l.paidThrough,
          };
        });
        return { month, items, total };
      });
    },

    async detail(actor: Actor, memberId: string): Promise<DuesMemberDetail> {
      const scope = scopeFor(actor, DUES_PERM);
      return withScope(deps.db, scope, (trx) => detailIn(trx, scope, memberId));
    },

    /** 党费交至 for a transfer letter (组织关系介绍信). */
    async paidThrough(actor: Actor, memberId: string): Promise<PaidThroughResponse> {
      const d = await this.detail(actor, memberId);
      const lastPaidMonth = d.payments.map((p) => p.month).sort().at(-1) ?? null;
      return { memberId, paidThrough: d.paidThrough, lastPaidMonth };
    },

    /** Records the base that applies from a month (a pay change applies from the month the new pay is first received). */
    async setBase(actor: Actor, memberId: string, body: DuesBaseRequest): Promise<DuesMemberDetail> {
      const scope = scopeFor(actor, DUES_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createDuesRepo(trx);
        const m = await repo.memberInScope(memberId, scope);
        if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: memberId } });
        const rules = rulesInForce(await repo.rules(), firstDay(body.effectiveMonth));
        if (body.agreedFen !== undefined && !agreedInRange(body.category, body.agreedFen, rules)) {
          throw new AppError('DUES_AGREED_OUT_OF_RANGE', { details: { field: 'agreedFen' } });
        }
        const { before, after } = await repo.upsertBase({
          memberId, orgId: m.org_id, month: body.effectiveMonth, category: body.category, baseFen: body.baseFen,
          agreedFen: body.agreedFen ?? null, note: body.note || null, userId: actor.userId,
        });
        const pick = (r: typeof before) => r && { effectiveMonth: r.effective_month.slice(0, 7), category: r.category, baseFen: Number(r.base_fen), agreedFen: r.agreed_fen };
        await audit(trx, actor, { action: 'dues.base.set', memberId, orgId: m.org_id, before: pick(before) ?? null, after: pick(after) });
        return detailIn(trx, scope, memberId);
      });
    },

    /** Records payments for one member: one or more months, or a quarter at once with consent. */
    async pay(actor: Actor, body: DuesPaymentRequest): Promise<DuesPaymentResponse> {
      const scope = scopeFor(actor, DUES_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createDuesRepo(trx);
        const m = await repo.memberInScope(body.memberId, scope);
        if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: body.memberId } });
        const [rules, bases, existing] = await Promise.all([repo.rules(), repo.basesOf([m.id]), repo.paymentsOf([m.id])]);
        const lines = checkPayment({
          body, joinedOn: m.joined_on, bases: bases.get(m.id) ?? [], rules, today: today(),
          paidMonths: new Set(existing.map((p) => p.month.slice(0, 7))),
        });
        const batch = randomUUID();
        const rows = await repo.insertPayments(lines.map((l) => ({
          member_id: m.id, org_id: m.org_id, month: firstDay(l.month), due_fen: l.dueFen, paid_fen: l.paidFen, kind: l.kind,
          mode: body.mode, paid_on: body.paidOn, batch, consent_note: body.consentNote || null, back_pay_note: body.backPayNote || null,
          approved_by: l.kind === 'full' ? null : body.approvedBy!, approval_doc: l.kind === 'full' ? null : body.approvalDoc!,
          recorded_by: actor.userId,
        })));
        const items = rows.map(toPayment);
        const totalPaidFen = items.reduce((s, p) => s + p.paidFen, 0);
        await audit(trx, actor, {
          action: 'dues.payment.record', memberId: m.id, orgId: m.org_id, before: null,
          after: { batch, mode: body.mode, paidOn: body.paidOn, months: items.map((p) => ({ month: p.month, dueFen: p.dueFen, paidFen: p.paidFen, kind: p.kind })), totalPaidFen },
        });
        return { items, totalPaidFen };
      });
    },

    /** Deletes a wrongly recorded payment (冲销), with the reason, so the month shows as unpaid again. */
    async revoke(actor: Actor, paymentId: string, reason: string): Promise<DuesMemberDetail> {
      const scope = scopeFor(actor, DUES_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createDuesRepo(trx);
        const p = await repo.findPayment(paymentId);
        // Visible (RLS) is not enough: the member must be in the caller's explicit scope too.
        const m = p && await repo.memberInScope(p.member_id, scope);
        if (!p || !m) throw new AppError('NOT_FOUND', { details: { entity: 'payment', id: paymentId } });
        await repo.deletePayment(p.id);
        await audit(trx, actor, { action: 'dues.payment.revoke', memberId: m.id, orgId: p.org_id, before: toPayment(p), after: { reason } });
        return detailIn(trx, scope, m.id);
      });
    },

    /** The signed-in member's own dues (any role): read through the member's own record only. */
    async mine(actor: Actor): Promise<DuesMineResponse> {
      const memberId = await createDuesRepo(deps.db).memberIdOfUser(actor.userId);
      if (!memberId) return { member: null };
      const scope = scopeFor(actor, 'members:read');
      return withScope(deps.db, scope, async (trx) => {
        const m = await createDuesRepo(trx).memberInScope(memberId, scope);
        return { member: m ? await detailIn(trx, scope, memberId) : null };
      });
    },
  };
}

export type DuesService = ReturnType<typeof createDuesService>;
