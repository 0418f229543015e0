/** Organization types of capability A1, code → Chinese label. Codes are stored; labels shown. */
export const ORG_TYPES = {
  district_committee: '区（县）委',
  street_committee: '街道党工委',
  town_committee: '乡镇党委',
  party_committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  group: '党小组',
  temp_branch: '临时党支部',
  grid_branch: '网格党支部',
  building_group: '楼栋党小组',
  center_household: '党员中心户',
  building_lead: '楼栋长',
  industry_chain: '产业链党组织',
  new_org: '两新组织党组织',
  building_branch: '楼宇党支部',
} as const;
export type OrgType = keyof typeof ORG_TYPES;
export const ORG_TYPE_CODES = Object.keys(ORG_TYPES) as [OrgType, ...OrgType[]];

/** Roles of capability P1. A role is granted on an organization and covers its subtree. */
export const ROLES = {
  sys_admin: '系统管理员',
  org_dept_admin: '组织部管理员',
  secretary: '书记',
  org_committee: '组织委员',
  member: '党员',
  resident: '群众',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as [Role, ...Role[]];

export const MEMBER_STATUSES = { probationary: '预备党员', full: '正式党员' } as const;
export type MemberStatus = keyof typeof MEMBER_STATUSES;
export const MEMBER_STATUS_CODES = Object.keys(MEMBER_STATUSES) as [MemberStatus, ...MemberStatus[]];

export const GENDERS = { male: '男', female: '女' } as const;

/** What each role may do inside its subtree. */
export const PERMISSIONS = {
  'orgs:read': ['sys_admin', 'org_dept_admin', 'secretary', 'org_committee', 'member', 'resident'],
  'orgs:write': ['sys_admin', 'org_dept_admin', 'secretary', 'org_committee'],
  'members:read': ['sys_admin', 'org_dept_admin', 'secretary', 'org_committee', 'member'],
  'members:write': ['sys_admin', 'org_dept_admin', 'secretary', 'org_committee'],
  /** Seeing a member's full ID number or phone: a logged act for the member's secretaries. */
  'members:reveal': ['sys_admin', 'org_dept_admin', 'secretary', 'org_committee'],
  'imports:run': ['sys_admin', 'org_dept_admin', 'secretary', 'org_committee'],
  'grids:read': ['sys_admin', 'org_dept_admin', 'secretary', 'org_committee', 'member'],
  'grids:write': ['sys_admin', 'org_dept_admin', 'secretary', 'org_committee'],
  'sites:read': ['sys_admin', 'org_dept_admin', 'secretary', 'org_committee', 'member', 'resident'],
  'sites:write': ['sys_admin', 'org_dept_admin', 'secretary', 'org_committee'],
  'audit:read': ['sys_admin', 'org_dept_admin'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;
