import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string | null, string | null | undefined, string | null>;

/** Tables of migration 0011 (meeting frequency rules, compliance). */
export interface MeetingRulesTables {
  meeting_rules: {
    id: Generated<string>;
    /** null: a built-in default. */
    org_id: string | null;
    kind: string;
    count: number;
    period: 'month' | 'quarter' | 'year';
    applies_to: string[];
    /** The rule applies only where the org has at least this many full members. */
    min_full_members: number | null;
    months: number[] | null;
    effective_from: DateCol;
    effective_to: DateCol;
    note: string | null;
    created_by: string | null;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
}
