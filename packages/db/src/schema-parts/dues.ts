import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** bigint fen: read as string by the drivers, written as string or number. */
type Fen = ColumnType<string, string | number, string | number>;

/** The dues brackets as data (migration 0015): rate in basis points on the whole base, or a fixed amount. */
export interface DuesRulesTable {
  id: Generated<string>;
  document: string;
  effective_from: DateCol;
  category: string;
  min_base_fen: Fen;
  max_base_fen: Fen | null;
  rate_bp: number | null;
  fixed_fen: Fen | null;
  fixed_max_fen: Fen | null;
  sort_order: Generated<number>;
}

/** A member's dues base from a month on (the first day of that month). */
export interface DuesBasesTable {
  id: Generated<string>;
  member_id: string;
  org_id: string;
  effective_month: DateCol;
  category: string;
  base_fen: Fen;
  /** The amount a branch agreed within a fixed range (farmers: 0.2–1 元). */
  agreed_fen: Fen | null;
  note: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** One member's dues for one month. */
export interface DuesPaymentsTable {
  id: Generated<string>;
  member_id: string;
  org_id: string;
  month: DateCol;
  due_fen: Fen;
  paid_fen: Fen;
  kind: 'full' | 'reduced' | 'waived';
  mode: 'monthly' | 'quarterly';
  paid_on: DateCol;
  batch: string;
  consent_note: string | null;
  back_pay_note: string | null;
  approved_by: string | null;
  approval_doc: string | null;
  recorded_by: string | null;
  created_at: Timestamp;
}

/** Table types added by this feature's migration; merged into DB in ../schema.ts. */
export interface DuesTables {
  dues_rules: DuesRulesTable;
  dues_bases: DuesBasesTable;
  dues_payments: DuesPaymentsTable;
}
