import type { ColumnType, Generated } from 'kysely';
import type { OrgAdminTables } from './schema-parts/org-admin.ts';
import type { GridsSitesTables } from './schema-parts/grids-sites.ts';
import type { MembersMoreTables } from './schema-parts/members-more.ts';
import type { ImportsTables } from './schema-parts/imports.ts';
import type { MeetingsTables } from './schema-parts/meetings.ts';
import type { MeetingRulesTables } from './schema-parts/meeting-rules.ts';
import type { StudyExamsTables } from './schema-parts/study-exams.ts';
import type { DevelopmentTables } from './schema-parts/development.ts';
import type { TransfersLeavingTables } from './schema-parts/transfers-leaving.ts';
import type { DuesTables } from './schema-parts/dues.ts';
import type { PointsTables } from './schema-parts/points.ts';
import type { WishesTables } from './schema-parts/wishes.ts';
import type { CommitmentsTables } from './schema-parts/commitments.ts';
import type { ServiceTables } from './schema-parts/service.ts';

/** Table types. Keep in step with migrations/ (which never import this file). */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type DateCol = ColumnType<string, string, string>;

export interface OrgsTable {
  id: Generated<string>;
  parent_id: string | null;
  path: string;
  depth: ColumnType<number, never, never>;
  region_id: string | null;
  type: string;
  name: string;
  short_name: string | null;
  code: string | null;
  sort_order: Generated<number>;
  status: Generated<string>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Added by 0006_org_admin: 临时党支部 reason and end date, 楼宇党支部 kind, merge/dissolve end state. */
  temp_reason: string | null;
  valid_until: DateCol | null;
  building_kind: string | null;
  merged_into_id: string | null;
  ended_at: Date | null;
}

export interface MembersTable {
  id: Generated<string>;
  org_id: string;
  region_id: string | null;
  name: string;
  name_pinyin: Generated<string>;
  name_initials: Generated<string>;
  gender: 'male' | 'female';
  birth_date: DateCol;
  id_number: string;
  phone: string | null;
  ethnicity: string | null;
  education: string | null;
  occupation: string | null;
  status: 'probationary' | 'full';
  joined_on: DateCol | null;
  full_on: DateCol | null;
  categories: Generated<string[]>;
  /** The community an 在职党员 reports to (0008). */
  reporting_org_id: string | null;
  posts: Generated<string[]>;
  remarks: string | null;
  /** The grid 网格 the member is assigned to (migration 0007). */
  grid_id: Generated<string | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: Generated<boolean>;
  failed_attempts: Generated<number>;
  locked_until: Date | null;
  member_id: string | null;
  disabled: Generated<boolean>;
  password_changed_at: Date | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UserRolesTable {
  id: Generated<string>;
  user_id: string;
  org_id: string;
  role: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  ip: string | null;
  user_agent: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface RateLimitsTable {
  key: string;
  window_start: Date;
  count: number;
}

export interface ScheduledJobsTable {
  name: string;
  last_run_at: Date | null;
  locked_until: Date | null;
}

export interface AuditLogTable {
  id: string;
  at: Date;
  actor_user_id: string | null;
  actor_name: string | null;
  ip: string | null;
  action: string;
  entity_type: string | null;
  entity_id: string | null;
  org_id: string | null;
  before: unknown;
  after: unknown;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  singleton: boolean;
  last_id: string;
  last_hash: string;
}

/**
 * Pre-aggregated subtree figures, a delta log kept by triggers (migration 0021). Sum `n` per
 * (org_id, measure); written only by the triggers and org_rollups_compact().
 */
export interface OrgRollupsTable {
  org_id: string;
  /** 'members:<status>' (subtree, the organization included) or 'orgs:<type>' (strictly below, active). */
  measure: string;
  /** bigint: a string when read. */
  n: ColumnType<string, number | string, number | string>;
  delta: Generated<boolean>;
}

export interface DB
  extends OrgAdminTables, GridsSitesTables, MembersMoreTables, ImportsTables, MeetingsTables, MeetingRulesTables,
    StudyExamsTables, DevelopmentTables, TransfersLeavingTables, DuesTables, PointsTables,
    WishesTables, CommitmentsTables, ServiceTables {
  orgs: OrgsTable;
  members: MembersTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  scheduled_jobs: ScheduledJobsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  org_rollups: OrgRollupsTable;
}
