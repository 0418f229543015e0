import type { DuesPaymentRequest, DuesRule } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { dueFor, type BaseRecord } from './dues-ledger.ts';
import { monthOf, monthsBetween, quarterEnd, quarterOf } from './months.ts';

/** Back-payment beyond this many months needs a note (Art.12: 补交 at most 6 months). */
export const BACK_PAY_MONTHS = 6;

export interface PaymentLine { month: string; dueFen: number; paidFen: number; kind: 'full' | 'reduced' | 'waived' }

/**
 * Checks a payment against the rules and returns one line per month, or throws the rule broken:
 * - a month before joining, without a base, already paid, or after this month (after this
 *   quarter when paying quarterly) is refused;
 * - quarterly payment needs the branch's consent noted and months of one quarter;
 * - a month more than 6 months back needs a back-payment note (who approved, why);
 * - less than the amount due (reduced, or 0 = waived) needs the approving committee and document.
 * Pure: the service passes the records it read.
 */
export function checkPayment(input: {
  body: DuesPaymentRequest; joinedOn: string | null; bases: readonly BaseRecord[]; rules: readonly DuesRule[];
  today: string; paidMonths: ReadonlySet<string>;
}): PaymentLine[] {
  const { body } = input;
  const current = monthOf(input.today);
  const seen = new Set<string>();
  if (body.paidOn > input.today) throw new AppError('VALIDATION_FAILED', { message: '交纳日期不能晚于今天', details: { fields: [{ field: 'paidOn', message: '交纳日期不能晚于今天' }] } });
  if (body.mode === 'quarterly') {
    const quarters = new Set(body.months.map((m) => quarterOf(m.month)));
    if (!body.consentNote || quarters.size !== 1) throw new AppError('DUES_QUARTER_CONSENT_REQUIRED', { details: { field: body.consentNote ? 'months' : 'consentNote' } });
  }
  const limit = body.mode === 'quarterly' ? quarterEnd(current) : current;
  return body.months.map(({ month, paidFen }, i) => {
    const field = `months.${i}.month`;
    if (seen.has(month)) throw new AppError('DUES_ALREADY_PAID', { details: { field, month } });
    seen.add(month);
    if (input.paidMonths.has(month)) throw new AppError('DUES_ALREADY_PAID', { details: { field, month } });
    if (input.joinedOn && month < monthOf(input.joinedOn)) throw new AppError('DUES_MONTH_BEFORE_JOINED', { details: { field, month } });
    if (month > limit) throw new AppError('DUES_MONTH_IN_FUTURE', { details: { field, month } });
    const dueFen = dueFor(input.bases, input.rules, month);
    if (dueFen === null) throw new AppError('DUES_NO_BASE', { details: { field, month } });
    if (monthsBetween(month, current) > BACK_PAY_MONTHS && !body.backPayNote) {
      throw new AppError('DUES_BACK_PAY_NOTE_REQUIRED', { details: { field: 'backPayNote', month } });
    }
    const paid = paidFen ?? dueFen;
    const kind = paid >= dueFen ? 'full' : paid === 0 ? 'waived' : 'reduced';
    if (kind !== 'full' && (!body.approvedBy || !body.approvalDoc)) {
      throw new AppError('DUES_APPROVAL_REQUIRED', { details: { field: body.approvedBy ? 'approvalDoc' : 'approvedBy', month } });
    }
    return { month, dueFen, paidFen: paid, kind };
  });
}
