import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

/** The locality switch (migration 0016): nearest ancestor wins, no row means on. */
export interface PointsSettingsTable {
  org_id: string;
  enabled: boolean;
  ranking_enabled: boolean;
  updated_by: string | null;
  updated_at: Generated<Date>;
}

/** A rule item; org_id null is the default set. */
export interface PointRulesTable {
  id: Generated<string>;
  org_id: string | null;
  code: string;
  label: string;
  points: number;
  category: string;
  active: Generated<boolean>;
  effective_from: DateCol | null;
  effective_to: DateCol | null;
  sort_order: Generated<number>;
  updated_at: Generated<Date>;
}

export type PointsEntryKind = 'award' | 'reversal' | 'redemption' | 'redemption_refund' | 'adjustment';

/** One change of a member's points. Never updated, never deleted. */
export interface PointsEntriesTable {
  id: Generated<string>;
  member_id: string;
  org_id: string;
  region_id: string | null;
  delta: number;
  rule_code: string | null;
  source_type: string | null;
  source_id: string | null;
  kind: PointsEntryKind;
  reversal_of: string | null;
  actor: string | null;
  note: string | null;
  /** First day of the (China-time) month the entry counts in. */
  period: DateCol;
  created_at: Timestamp;
}

/** Derived: the member's balance, kept in the entry's transaction. */
export interface PointsBalancesTable {
  member_id: string;
  org_id: string;
  balance: Generated<number>;
}

/** Derived: earned (award, reversal, adjustment) and spent (redemption, refund) per month. */
export interface PointsMonthlyTable {
  member_id: string;
  period: DateCol;
  org_id: string;
  earned: Generated<number>;
  spent: Generated<number>;
}

export interface PointsGoodsTable {
  id: Generated<string>;
  org_id: string;
  name: string;
  description: string | null;
  price: number;
  stock: number;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PointsOrdersTable {
  id: Generated<string>;
  member_id: string;
  org_id: string;
  goods_id: string;
  qty: number;
  points: number;
  status: Generated<'placed' | 'handed_over' | 'cancelled'>;
  entry_id: string | null;
  handed_over_by: string | null;
  handed_over_at: Date | null;
  cancel_reason: string | null;
  created_at: Timestamp;
}

/** Table types added by this feature's migration; merged into DB in ../schema.ts. */
export interface PointsTables {
  points_settings: PointsSettingsTable;
  point_rules: PointRulesTable;
  points_entries: PointsEntriesTable;
  points_balances: PointsBalancesTable;
  points_monthly: PointsMonthlyTable;
  points_goods: PointsGoodsTable;
  points_orders: PointsOrdersTable;
}
