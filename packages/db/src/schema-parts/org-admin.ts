import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string, string>;

/** One change of an organization (create, update, rename, move, merge, dissolve). Append-only. */
export interface OrgHistoryTable {
  id: Generated<string>;
  org_id: string;
  at: Generated<Date>;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}

/** A leadership team 领导班子 of an organization for one term (届). */
export interface OrgTeamsTable {
  id: Generated<string>;
  org_id: string;
  session_no: number | null;
  term_start: DateCol;
  term_end: DateCol;
  note: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A seat on a team: a member of the subtree (member_id) or an outsider by name. */
export interface OrgTeamMembersTable {
  id: Generated<string>;
  team_id: string;
  member_id: string | null;
  name: string;
  post: string;
  note: string | null;
  sort_order: Generated<number>;
}

/** Table types added by this feature's migration; merged into DB in ../schema.ts. */
export interface OrgAdminTables {
  org_history: OrgHistoryTable;
  org_teams: OrgTeamsTable;
  org_team_members: OrgTeamMembersTable;
}
