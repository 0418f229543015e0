import type { ColumnType, Generated } from 'kysely';

type DateCol = ColumnType<string, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** numeric(4,1) comes back from pg as a string; written as a number. */
type Hours = ColumnType<string, number | string, number | string>;

export type ServicePostKind = 'civility' | 'policy' | 'sanitation' | 'care' | 'mediation' | 'safety' | 'other';

/** A service post 服务岗位 offered by a community or branch (migration 0019). */
export interface ServicePostsTable {
  id: Generated<string>;
  org_id: string;
  region_id: string | null;
  name: string;
  kind: ServicePostKind;
  audience: Generated<'all' | 'in_service' | 'no_post'>;
  description: string | null;
  capacity: number;
  /** Open claims, kept with post_claims in the same transaction; CHECK (claimed <= capacity). */
  claimed: Generated<number>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** 双报到: an 在职党员 registered with a community; names are snapshots (each side hides the other's rows). */
export interface ServiceReportsTable {
  id: Generated<string>;
  member_id: string;
  member_name: string;
  member_org_id: string;
  member_org_name: string;
  community_org_id: string;
  community_name: string;
  region_id: string | null;
  reported_on: DateCol;
  status: Generated<'active' | 'ended'>;
  ended_on: DateCol | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface PostClaimsTable {
  id: Generated<string>;
  post_id: string;
  org_id: string;
  region_id: string | null;
  member_id: string;
  member_name: string;
  member_org_id: string;
  member_org_name: string;
  claimed_on: DateCol;
  ended_on: DateCol | null;
  assigned_by: string | null;
  created_at: Timestamp;
}

export interface ServiceHoursTable {
  id: Generated<string>;
  /** The community or branch served. */
  org_id: string;
  region_id: string | null;
  member_id: string;
  member_name: string;
  member_org_id: string;
  member_org_name: string;
  post_id: string | null;
  served_on: DateCol;
  hours: Hours;
  content: string;
  recorded_by: string | null;
  created_at: Timestamp;
}

export type ServiceRating = 'excellent' | 'good' | 'fair' | 'poor';

export interface ServiceFeedbackTable {
  id: Generated<string>;
  report_id: string;
  member_id: string;
  member_org_id: string;
  community_org_id: string;
  year: number;
  rating: ServiceRating;
  note: string | null;
  rated_by: string | null;
  updated_at: Timestamp;
}

/** 资源清单 / 需求清单 rows share one shape. */
export interface ServiceListItemTable {
  id: Generated<string>;
  org_id: string;
  org_name: string;
  community_org_id: string;
  community_name: string;
  region_id: string | null;
  title: string;
  kind: string;
  description: string | null;
  status: Generated<'open' | 'matched' | 'closed'>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceProjectsTable {
  id: Generated<string>;
  org_id: string;
  region_id: string | null;
  title: string;
  responsible_org_id: string;
  responsible_org_name: string;
  starts_on: DateCol;
  ends_on: DateCol | null;
  status: Generated<'planned' | 'ongoing' | 'done'>;
  result_note: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ServiceProjectLinksTable {
  id: Generated<string>;
  project_id: string;
  org_id: string;
  responsible_org_id: string;
  resource_id: string | null;
  demand_id: string | null;
  /** The item's title when matched (the responsible organization may not see the item itself). */
  title: string;
}

export type HardshipKind = 'illness' | 'disability' | 'elderly' | 'education' | 'unemployment' | 'disaster' | 'other';

/** 结对帮扶: a member (or the organization itself) paired with a household in hardship. Personal data. */
export interface PairingsTable {
  id: Generated<string>;
  org_id: string;
  region_id: string | null;
  member_id: string | null;
  household_name: string;
  address: string;
  hardship_kind: HardshipKind;
  phone: string | null;
  note: string | null;
  started_on: DateCol;
  ended_on: DateCol | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PairingVisitsTable {
  id: Generated<string>;
  pairing_id: string;
  org_id: string;
  region_id: string | null;
  visited_on: DateCol;
  content: string;
  photo: Buffer | null;
  photo_mime: string | null;
  recorded_by: string | null;
  recorded_by_name: string | null;
  created_at: Timestamp;
}

/** Tables of 服务岗位、双报到、双向认领、结对帮扶 (F3, F4) (migration 0019). */
export interface ServiceTables {
  service_posts: ServicePostsTable;
  service_reports: ServiceReportsTable;
  post_claims: PostClaimsTable;
  service_hours: ServiceHoursTable;
  service_feedback: ServiceFeedbackTable;
  resource_items: ServiceListItemTable;
  demand_items: ServiceListItemTable;
  service_projects: ServiceProjectsTable;
  service_project_links: ServiceProjectLinksTable;
  pairings: PairingsTable;
  pairing_visits: PairingVisitsTable;
}
