import { z } from 'zod';
import { ORG_TYPE_CODES, type OrgType } from './enums.ts';
import { LIMITS } from './limits.ts';

// Organization administration (A1): which type may sit under which, the kinds and posts the
// forms offer, and the request/response shapes of create, update, merge, dissolve, history,
// leadership teams and the size report.

const BRANCH_LEVEL: readonly OrgType[] = ['branch', 'grid_branch', 'temp_branch', 'building_branch', 'new_org', 'industry_chain'];
const COMMITTEES: readonly OrgType[] = ['district_committee', 'street_committee', 'town_committee', 'party_committee', 'general_branch'];

/**
 * Allowed parent types of each organization type (rules as data: a county that differs edits
 * this map, not the code). A type with an empty list is only ever a root (created by seeding).
 * Encodes the six-level chain 街道党工委 → 社区党委 → 网格党支部 → 楼栋党小组 → 党员中心户 → 楼栋长.
 * @example ORG_PARENT_RULES.group.includes('branch') // true
 */
export const ORG_PARENT_RULES: Record<OrgType, readonly OrgType[]> = {
  district_committee: [],
  street_committee: ['district_committee'],
  town_committee: ['district_committee'],
  party_committee: ['district_committee', 'street_committee', 'town_committee', 'party_committee'],
  general_branch: ['district_committee', 'street_committee', 'town_committee', 'party_committee'],
  branch: COMMITTEES,
  temp_branch: COMMITTEES,
  grid_branch: ['street_committee', 'town_committee', 'party_committee', 'general_branch'],
  building_branch: ['street_committee', 'town_committee', 'party_committee', 'general_branch'],
  industry_chain: ['district_committee', 'street_committee', 'town_committee', 'party_committee'],
  new_org: COMMITTEES,
  group: BRANCH_LEVEL,
  building_group: ['grid_branch'],
  center_household: ['building_group'],
  building_lead: ['center_household'],
};

/** Types that are a 支部 for the size rules of 《支部工作条例》 (members, committee, terms). */
export const BRANCH_LEVEL_TYPES = BRANCH_LEVEL;

/** Child types that may be created under an organization of `parentType`, in display order. */
export function childTypesOf(parentType: OrgType): OrgType[] {
  return ORG_TYPE_CODES.filter((t) => ORG_PARENT_RULES[t].includes(parentType));
}

/** 楼宇党支部 kinds (seed 001: 枢纽型 / 物业型 / 托管型). */
export const BUILDING_KINDS = { hub: '枢纽型', property: '物业型', trusteeship: '托管型' } as const;
export type BuildingKind = keyof typeof BUILDING_KINDS;
const BUILDING_KIND_CODES = Object.keys(BUILDING_KINDS) as [BuildingKind, ...BuildingKind[]];

export const ORG_STATUSES = { active: '正常', merged: '已合并', dissolved: '已撤销' } as const;
export type OrgStatus = keyof typeof ORG_STATUSES;
export const ORG_STATUS_CODES = Object.keys(ORG_STATUSES) as [OrgStatus, ...OrgStatus[]];

/** Posts of a leadership team (支部委员会 / 党委班子), in display order. */
export const TEAM_POSTS = {
  secretary: '书记',
  deputy_secretary: '副书记',
  organization: '组织委员',
  propaganda: '宣传委员',
  discipline: '纪检委员',
  youth: '青年委员',
  women: '妇女委员',
  member: '委员',
} as const;
export type TeamPost = keyof typeof TEAM_POSTS;
export const TEAM_POST_CODES = Object.keys(TEAM_POSTS) as [TeamPost, ...TeamPost[]];

/** Days before a term ends from which a team is listed for 换届提醒. */
export const TEAM_EXPIRY_NOTICE_DAYS = 90;

/**
 * Suggested term length in years (DOMAIN.md §1, 中办《关于党的基层组织任期的意见》): 村/社区
 * branch committees 5, other branches and general branches 3, 基层党委 5. Whether a branch is a
 * village or community one is read from its name, since the tree has no such flag; the form
 * only suggests the end date, the user may change it.
 * @example suggestedTermYears('branch', '甲村党支部') // 5
 */
export function suggestedTermYears(type: OrgType, name: string): number {
  if (COMMITTEES.includes(type) && type !== 'general_branch') return 5;
  if (/村|社区/.test(name)) return 5;
  return 3;
}

const idString = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const reason = z.string().trim().min(1, '请填写原因').max(200);
const orgName = z.string().trim().min(2, '名称至少 2 个字').max(100);

export const CreateOrgRequest = z.strictObject({
  parentId: idString,
  type: z.enum(ORG_TYPE_CODES),
  name: orgName,
  shortName: z.string().trim().max(50).nullish(),
  code: z.string().trim().max(50).nullish(),
  sortOrder: z.number().int().min(0).max(99999).optional(),
  /** 临时党支部: why it is set up and until when. */
  tempReason: z.string().trim().max(200).nullish(),
  validUntil: isoDate.nullish(),
  /** 楼宇党支部: hub / property / trusteeship. */
  buildingKind: z.enum(BUILDING_KIND_CODES).nullish(),
});
export type CreateOrgRequest = z.infer<typeof CreateOrgRequest>;

export const UpdateOrgRequest = z.strictObject({
  name: orgName.optional(),
  shortName: z.string().trim().max(50).nullish(),
  code: z.string().trim().max(50).nullish(),
  sortOrder: z.number().int().min(0).max(99999).optional(),
  tempReason: z.string().trim().max(200).nullish(),
  validUntil: isoDate.nullish(),
  buildingKind: z.enum(BUILDING_KIND_CODES).nullish(),
  /** Required when the name changes (更名须说明依据). */
  reason: z.string().trim().max(200).optional(),
});
export type UpdateOrgRequest = z.infer<typeof UpdateOrgRequest>;

export const MergeOrgRequest = z.strictObject({ intoId: idString, reason });
export type MergeOrgRequest = z.infer<typeof MergeOrgRequest>;

export const DissolveOrgRequest = z.strictObject({ reason, transferMembersTo: idString.optional() });
export type DissolveOrgRequest = z.infer<typeof DissolveOrgRequest>;

/** The organization after a write, as the forms need it. */
export const OrgRecord = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  type: z.enum(ORG_TYPE_CODES),
  path: z.string(),
  status: z.enum(ORG_STATUS_CODES),
  shortName: z.string().nullable(),
  code: z.string().nullable(),
  sortOrder: z.number().int(),
  tempReason: z.string().nullable(),
  validUntil: z.string().nullable(),
  buildingKind: z.enum(BUILDING_KIND_CODES).nullable(),
});
export type OrgRecord = z.infer<typeof OrgRecord>;

export const MergeOrgResponse = z.object({
  source: OrgRecord, target: OrgRecord,
  movedMembers: z.number().int(), movedChildren: z.number().int(), movedRoles: z.number().int(),
});
export type MergeOrgResponse = z.infer<typeof MergeOrgResponse>;

export const DissolveOrgResponse = z.object({ org: OrgRecord, movedMembers: z.number().int() });
export type DissolveOrgResponse = z.infer<typeof DissolveOrgResponse>;

export const OrgPageQuery = z.strictObject({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type OrgPageQuery = z.infer<typeof OrgPageQuery>;

export const ORG_HISTORY_ACTIONS = {
  create: '新建', update: '修改', rename: '更名', move: '移动', merge: '合并（并入他组织）',
  merge_in: '合并（接收）', dissolve: '撤销', receive_members: '接收党员',
} as const;
export type OrgHistoryAction = keyof typeof ORG_HISTORY_ACTIONS;

export const OrgHistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type OrgHistoryEntry = z.infer<typeof OrgHistoryEntry>;
export const OrgHistoryResponse = z.object({ items: z.array(OrgHistoryEntry), total: z.number().int() });
export type OrgHistoryResponse = z.infer<typeof OrgHistoryResponse>;

// ---- Leadership teams 领导班子 ----

const TeamMemberInput = z.strictObject({
  /** A member of the organization's subtree; or leave empty and give a name (outsider). */
  memberId: idString.nullish(),
  name: z.string().trim().min(1).max(50).nullish(),
  post: z.enum(TEAM_POST_CODES),
  note: z.string().trim().max(100).nullish(),
});
export type TeamMemberInput = z.infer<typeof TeamMemberInput>;

export const CreateTeamRequest = z.strictObject({
  /** 届次: the n-th committee of this organization. */
  sessionNo: z.number().int().min(1).max(999).nullish(),
  termStart: isoDate,
  termEnd: isoDate,
  note: z.string().trim().max(200).nullish(),
  members: z.array(TeamMemberInput).max(30).default([]),
});
export type CreateTeamRequest = z.input<typeof CreateTeamRequest>;

export const UpdateTeamRequest = z.strictObject({
  sessionNo: z.number().int().min(1).max(999).nullish(),
  termStart: isoDate.optional(),
  termEnd: isoDate.optional(),
  note: z.string().trim().max(200).nullish(),
  /** When given, replaces the team's member list. */
  members: z.array(TeamMemberInput).max(30).optional(),
});
export type UpdateTeamRequest = z.infer<typeof UpdateTeamRequest>;

export const TeamParams = z.strictObject({ id: idString, teamId: idString });

export const TeamMember = z.object({
  id: z.string(),
  memberId: z.string().nullable(),
  name: z.string(),
  post: z.enum(TEAM_POST_CODES),
  note: z.string().nullable(),
});
export type TeamMember = z.infer<typeof TeamMember>;

export const Team = z.object({
  id: z.string(),
  orgId: z.string(),
  sessionNo: z.number().int().nullable(),
  termStart: z.string(),
  termEnd: z.string(),
  note: z.string().nullable(),
  members: z.array(TeamMember),
});
export type Team = z.infer<typeof Team>;
export const TeamListResponse = z.object({ items: z.array(Team) });
export type TeamListResponse = z.infer<typeof TeamListResponse>;

export const ExpiringTeamsQuery = OrgPageQuery.extend({ orgId: idString.optional() });
export const ExpiringTeam = z.object({
  teamId: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgType: z.enum(ORG_TYPE_CODES),
  sessionNo: z.number().int().nullable(),
  termStart: z.string(),
  termEnd: z.string(),
  /** Negative once the term has ended. */
  daysLeft: z.number().int(),
  expired: z.boolean(),
});
export type ExpiringTeam = z.infer<typeof ExpiringTeam>;
export const ExpiringTeamsResponse = z.object({ items: z.array(ExpiringTeam), total: z.number().int() });
export type ExpiringTeamsResponse = z.infer<typeof ExpiringTeamsResponse>;

// ---- Size rules 规模预警 ----

/** Warnings computed from the records, never typed in. Messages are built server-side. */
export const ORG_WARNING_CODES = [
  'BRANCH_TOO_LARGE', 'BRANCH_NEEDS_COMMITTEE', 'BRANCH_TOO_FEW_FULL', 'TEAM_TERM_EXPIRED', 'TEAM_TERM_ENDING', 'TEMP_BRANCH_EXPIRED',
] as const;
export const OrgWarning = z.object({ code: z.enum(ORG_WARNING_CODES), message: z.string() });
export type OrgWarning = z.infer<typeof OrgWarning>;

export const SizeReportRow = z.object({
  orgId: z.string(),
  name: z.string(),
  type: z.enum(ORG_TYPE_CODES),
  parentName: z.string().nullable(),
  full: z.number().int(),
  probationary: z.number().int(),
  total: z.number().int(),
  hasTeam: z.boolean(),
  termEnd: z.string().nullable(),
  warnings: z.array(OrgWarning),
});
export type SizeReportRow = z.infer<typeof SizeReportRow>;
export const SizeReportQuery = OrgPageQuery.extend({ onlyWarnings: z.enum(['true', 'false']).optional() });
export const SizeReportResponse = z.object({ items: z.array(SizeReportRow), total: z.number().int() });
export type SizeReportResponse = z.infer<typeof SizeReportResponse>;
