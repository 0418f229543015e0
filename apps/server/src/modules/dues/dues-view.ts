import type { DuesMemberDetail, DuesPayment, DuesRule } from '@dangjian/contracts';
import type { DB } from '@dangjian/db';
import type { Selectable } from 'kysely';
import { dueFor, ledger, type BaseRecord } from './dues-ledger.ts';
import type { DuesMemberRow } from './dues.repo.ts';

type PaymentRow = Selectable<DB['dues_payments']>;

/** The API shape of a payment row (fen as numbers, months as 'YYYY-MM'). */
export function toPayment(r: PaymentRow): DuesPayment {
  return {
    id: r.id, memberId: r.member_id, month: r.month.slice(0, 7), dueFen: Number(r.due_fen), paidFen: Number(r.paid_fen),
    kind: r.kind, mode: r.mode, paidOn: r.paid_on, consentNote: r.consent_note, backPayNote: r.back_pay_note,
    approvedBy: r.approved_by, approvalDoc: r.approval_doc,
  };
}

/** One member's dues position, from the base history and payment rows. */
export function memberDetail(
  m: DuesMemberRow, bases: readonly (BaseRecord & { id: string; note: string | null })[], payments: readonly PaymentRow[],
  rules: readonly DuesRule[], currentMonth: string, asOf: string,
): DuesMemberDetail {
  const l = ledger({ joinedOn: m.joined_on, bases, settled: new Set(payments.map((p) => p.month.slice(0, 7))), rules, asOf });
  return {
    memberId: m.id, name: m.name, orgId: m.org_id, orgName: m.org_name, currentMonth,
    currentMonthlyFen: dueFor(bases, rules, currentMonth),
    bases: bases.map((b) => ({
      id: b.id, effectiveMonth: b.month, category: b.category, baseFen: b.baseFen, agreedFen: b.agreedFen, note: b.note,
      monthlyFen: dueFor([b], rules, b.month) ?? 0,
    })).reverse(),
    payments: payments.map(toPayment).reverse(),
    paidThrough: l.paidThrough, unpaidMonths: l.unpaidMonths, owedFen: l.owedFen,
  };
}
