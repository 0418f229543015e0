import type { Transfer } from '@dangjian/contracts';
import { isUnder } from '../../lib/actor.ts';
import type { TransferRow } from './transfers.repo.ts';

const iso = (v: Date | string | null) => (v === null ? '' : typeof v === 'string' ? v : v.toISOString());

/**
 * The API shape of a transfer. canDecide: pending and addressed to an org in the caller's
 * write scope (the receiving secretary, or anyone above the receiving branch).
 */
export function toTransfer(r: TransferRow, writeScope: readonly string[]): Transfer {
  return {
    id: r.id, kind: r.kind, status: r.status, memberId: r.member_id, memberName: r.member_name,
    fromOrgId: r.from_org_id, fromOrgName: r.from_org_name ?? null, toOrgId: r.to_org_id, toOrgName: r.to_org_name ?? null,
    externalOrgName: r.external_org_name, letterNo: r.letter_no, validDays: r.valid_days, issuedOn: r.issued_on,
    validUntil: r.valid_until, duesPaidTo: r.dues_paid_to, reason: r.reason, receiptOn: r.receipt_on, filedOn: r.filed_on,
    decisionNote: r.decision_note, createdAt: iso(r.created_at),
    canDecide: r.status === 'pending' && !!r.to_path && writeScope.some((root) => isUnder(r.to_path!, root)),
  };
}

/** 'YYYY-MM-DD' plus n days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The printed number: 〔year〕 and a four-digit sequence, per issuing organization. */
export function letterNumber(year: number, seq: number): string {
  return `党介〔${year}〕第${String(seq).padStart(4, '0')}号`;
}
