import type { Migration } from 'kysely';
import * as m0001 from './20261126_0001_extensions_and_role.ts';
import * as m0002 from './20261126_0002_orgs.ts';
import * as m0003 from './20261126_0003_members.ts';
import * as m0004 from './20261126_0004_accounts.ts';
import * as m0005 from './20261126_0005_audit.ts';
import * as m0006 from './20261126_0006_org_admin.ts';
import * as m0007 from './20261126_0007_grids_sites.ts';
import * as m0008 from './20261126_0008_members_more.ts';
import * as m0009 from './20261126_0009_imports.ts';
import * as m0010 from './20261126_0010_meetings.ts';
import * as m0011 from './20261126_0011_meeting_rules.ts';
import * as m0012 from './20261126_0012_study_exams.ts';
import * as m0013 from './20261126_0013_development.ts';
import * as m0014 from './20261126_0014_transfers_leaving.ts';
import * as m0015 from './20261126_0015_dues.ts';
import * as m0016 from './20261126_0016_points.ts';
import * as m0017 from './20261126_0017_wishes.ts';
import * as m0018 from './20261126_0018_commitments.ts';
import * as m0019 from './20261126_0019_service.ts';
import * as m0020 from './20261126_0020_points_read_policy.ts';
import * as m0021 from './20261126_0021_org_rollups.ts';
import * as m0022 from './20261126_0022_scope_index.ts';
import * as m0023 from './20261126_0023_members_cover_all.ts';

/** Every migration, by name. Names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '20261126_0001_extensions_and_role': m0001,
  '20261126_0002_orgs': m0002,
  '20261126_0003_members': m0003,
  '20261126_0004_accounts': m0004,
  '20261126_0005_audit': m0005,
  '20261126_0006_org_admin': m0006,
  '20261126_0007_grids_sites': m0007,
  '20261126_0008_members_more': m0008,
  '20261126_0009_imports': m0009,
  '20261126_0010_meetings': m0010,
  '20261126_0011_meeting_rules': m0011,
  '20261126_0012_study_exams': m0012,
  '20261126_0013_development': m0013,
  '20261126_0014_transfers_leaving': m0014,
  '20261126_0015_dues': m0015,
  '20261126_0016_points': m0016,
  '20261126_0017_wishes': m0017,
  '20261126_0018_commitments': m0018,
  '20261126_0019_service': m0019,
  '20261126_0020_points_read_policy': m0020,
  '20261126_0021_org_rollups': m0021,
  '20261126_0022_scope_index': m0022,
  '20261126_0023_members_cover_all': m0023,
};
