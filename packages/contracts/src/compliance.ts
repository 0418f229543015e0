import { z } from 'zod';
import { ORG_TYPE_CODES } from './enums.ts';

const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');

/**
 * Meeting kinds of 三会一课 and organizational life, code → Chinese label. The meetings feature
 * stores these codes in meetings.kind; compliance counts them. Never rename a code.
 */
export const MEETING_KINDS = {
  branch_congress: '支部党员大会',
  branch_committee: '支部委员会',
  group_meeting: '党小组会',
  party_lesson: '党课',
  theme_day: '主题党日',
  life_meeting: '组织生活会',
  democratic_review: '民主评议党员',
} as const;
export type MeetingKind = keyof typeof MEETING_KINDS;
export const MEETING_KIND_CODES = Object.keys(MEETING_KINDS) as [MeetingKind, ...MeetingKind[]];

/** How often a rule asks for its meetings. */
export const RULE_PERIODS = { month: '每月', quarter: '每季度', year: '每年' } as const;
export type RulePeriod = keyof typeof RULE_PERIODS;
export const RULE_PERIOD_CODES = Object.keys(RULE_PERIODS) as [RulePeriod, ...RulePeriod[]];

/** A report period: a year `2026`, a quarter `2026-Q3` or a month `2026-09`. */
export const PeriodString = z.string().regex(/^(19|20)\d\d(-Q[1-4]|-(0[1-9]|1[0-2]))?$/, '期间格式应为 2026、2026-Q3 或 2026-09');

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const ruleFields = {
  kind: z.enum(MEETING_KIND_CODES),
  count: z.number().int().min(0).max(31),
  period: z.enum(RULE_PERIOD_CODES),
  appliesTo: z.array(z.enum(ORG_TYPE_CODES)).min(1, '至少选择一种组织类型').max(ORG_TYPE_CODES.length),
  /** Only organizations with at least this many full members (支部委员会: 7); null = all. */
  minFullMembers: z.number().int().min(1).max(1000).nullable().optional(),
  /** Seasonal window: only these months (1–12) require and count meetings; null = all year. */
  months: z.array(z.number().int().min(1).max(12)).min(1).max(12).nullable().optional(),
  effectiveFrom: day.nullable().optional(),
  effectiveTo: day.nullable().optional(),
  note: z.string().trim().max(200).nullable().optional(),
};

export const MeetingRuleCreateRequest = z.strictObject({ orgId: Id, ...ruleFields });
export type MeetingRuleCreateRequest = z.infer<typeof MeetingRuleCreateRequest>;
export const MeetingRuleUpdateRequest = z.strictObject(ruleFields).partial();
export type MeetingRuleUpdateRequest = z.infer<typeof MeetingRuleUpdateRequest>;
export const MeetingRuleIdParam = z.strictObject({ id: Id });

export const MeetingRule = z.object({
  id: z.string(),
  /** null: the built-in default from the branch regulations (read-only). */
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
  kind: z.enum(MEETING_KIND_CODES),
  count: z.number().int(),
  period: z.enum(RULE_PERIOD_CODES),
  appliesTo: z.array(z.string()),
  minFullMembers: z.number().int().nullable(),
  months: z.array(z.number().int()).nullable(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  note: z.string().nullable(),
  /** Whether the caller may edit or delete it. */
  canEdit: z.boolean(),
});
export type MeetingRule = z.infer<typeof MeetingRule>;

/** Rules that apply at orgId: its own, its ancestors' and the defaults, nearest first. */
export const MeetingRuleListQuery = z.strictObject({ orgId: Id });
export const MeetingRuleListResponse = z.object({
  items: z.array(MeetingRule),
  /** Whether the caller may add rules at this organization. */
  canWrite: z.boolean(),
});
export type MeetingRuleListResponse = z.infer<typeof MeetingRuleListResponse>;
export const MeetingRuleDeletedResponse = z.object({ id: z.string(), deleted: z.literal(true) });

export const COMPLIANCE_SORTS = ['rate_asc', 'rate_desc', 'tree', 'name'] as const;
export type ComplianceSort = (typeof COMPLIANCE_SORTS)[number];

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');
export const ComplianceQuery = z.strictObject({
  orgId: Id,
  period: PeriodString,
  onlyShort: flag.optional(),
  sort: z.enum(COMPLIANCE_SORTS).default('rate_asc'),
  /** Opaque position from the previous page's nextCursor. */
  cursor: z.string().regex(/^\d{1,7}$/).optional(),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ComplianceQuery = z.infer<typeof ComplianceQuery>;
export const ComplianceExportQuery = ComplianceQuery.omit({ cursor: true, pageSize: true });
export type ComplianceExportQuery = z.infer<typeof ComplianceExportQuery>;

export const ComplianceKindRow = z.object({
  kind: z.enum(MEETING_KIND_CODES),
  required: z.number().int(),
  /** Meetings held in the evaluated periods (and seasonal months). */
  held: z.number().int(),
  /** Held meetings that meet a requirement: a surplus in one month does not make up another. */
  met: z.number().int(),
  /** e.g. "2026年第3季度 支部党员大会 缺1次". */
  missing: z.array(z.string()),
});
export type ComplianceKindRow = z.infer<typeof ComplianceKindRow>;

export const ComplianceOrgRow = z.object({
  orgId: z.string(),
  name: z.string(),
  /** The parent's name, so that the many 第一党小组 can be told apart. */
  parentName: z.string().nullable(),
  type: z.string(),
  path: z.string(),
  required: z.number().int(),
  met: z.number().int(),
  /** met / required, 0–1 (1 when nothing is required). */
  rate: z.number(),
  short: z.boolean(),
  kinds: z.array(ComplianceKindRow),
});
export type ComplianceOrgRow = z.infer<typeof ComplianceOrgRow>;

export const ComplianceSummary = z.object({
  orgsChecked: z.number().int(),
  fullyCompliant: z.number().int(),
  shortCount: z.number().int(),
  required: z.number().int(),
  met: z.number().int(),
  /** Meetings met / required over the whole subtree, 0–1. */
  rate: z.number(),
});
export type ComplianceSummary = z.infer<typeof ComplianceSummary>;

export const ComplianceResponse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  period: z.string(),
  periodLabel: z.string(),
  /** Last day evaluated: periods not yet started are not required. */
  asOf: z.string(),
  summary: ComplianceSummary,
  items: z.array(ComplianceOrgRow),
  /** Rows matching the filter (onlyShort), over all pages. */
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type ComplianceResponse = z.infer<typeof ComplianceResponse>;

export const ComplianceReminder = z.object({
  orgId: z.string(),
  orgName: z.string(),
  kind: z.enum(MEETING_KIND_CODES),
  /** due: the current period closes within 10 days; overdue: the previous period closed short. */
  level: z.enum(['due', 'overdue']),
  periodLabel: z.string(),
  missing: z.number().int(),
  daysLeft: z.number().int().nullable(),
  message: z.string(),
});
export type ComplianceReminder = z.infer<typeof ComplianceReminder>;
export const ComplianceRemindersResponse = z.object({ items: z.array(ComplianceReminder), asOf: z.string() });
export type ComplianceRemindersResponse = z.infer<typeof ComplianceRemindersResponse>;
