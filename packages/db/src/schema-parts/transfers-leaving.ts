import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** Table types added by migration 0014 (transfers_leaving); merged into DB in ../schema.ts. */
export interface TransfersTable {
  id: Generated<string>;
  kind: 'internal' | 'out' | 'in';
  status: 'pending' | 'done' | 'rejected' | 'cancelled' | 'issued' | 'returned' | 'filed';
  member_id: string;
  member_name: string;
  from_org_id: string | null;
  to_org_id: string | null;
  external_org_name: string | null;
  letter_no: string | null;
  letter_year: number | null;
  letter_seq: number | null;
  valid_days: number | null;
  issued_on: DateCol | null;
  valid_until: DateCol | null;
  /** 党费交至 'YYYY-MM'. */
  dues_paid_to: string | null;
  reason: string | null;
  receipt_on: DateCol | null;
  filed_on: DateCol | null;
  decision_note: string | null;
  requested_by: string | null;
  decided_by: string | null;
  decided_at: Date | string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface FloatingMembersTable {
  id: Generated<string>;
  direction: 'out' | 'in';
  org_id: string;
  member_id: string | null;
  name: string;
  phone: string | null;
  place: string;
  contact: string | null;
  start_on: DateCol;
  end_on: DateCol | null;
  status: Generated<'active' | 'ended'>;
  remarks: string | null;
  created_by: string | null;
  created_at: Stamp;
  updated_at: Stamp;
}

export interface MemberExitsTable {
  id: Generated<string>;
  member_id: string;
  org_id: string;
  name: string;
  kind: 'unqualified' | 'discipline' | 'lapse' | 'death' | 'withdrawal' | 'transfer_out';
  measure: string;
  removes: boolean;
  decided_on: DateCol;
  decision: string | null;
  approver: string | null;
  reason: string | null;
  /** The member row as it stood at the decision (ID number and phone included: the archive). */
  snapshot: ColumnType<Record<string, unknown>, string, never>;
  transfer_id: string | null;
  created_by: string | null;
  created_at: Stamp;
}

export interface TransfersLeavingTables {
  transfers: TransfersTable;
  floating_members: FloatingMembersTable;
  member_exits: MemberExitsTable;
}
