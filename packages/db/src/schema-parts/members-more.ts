import type { ColumnType, Generated } from 'kysely';

/** Table types added by migration 0008 (members_more); merged into DB in ../schema.ts. */
export interface MemberHistoryTable {
  id: Generated<string>;
  member_id: string;
  at: ColumnType<Date, Date | string | undefined, never>;
  actor_user_id: string | null;
  actor_name: string | null;
  action: 'create' | 'update' | 'move';
  /** Field → [before, after]; PII appears masked. */
  changes: ColumnType<Record<string, [unknown, unknown]>, string, never>;
  from_org_id: string | null;
  to_org_id: string | null;
  reason: string | null;
}

export interface MembersMoreTables {
  member_history: MemberHistoryTable;
}
