import { z } from 'zod';
import { DEV_NOTICE_KIND_CODES } from './steps.ts';

/**
 * The parameters of a rule set. The 2014 细则 fills every key; a locality's set (e.g. 淮阴区
 * "三公示、两差额、一答辩", 湟源县 applicant filing) lists only the keys it changes, and
 * resolution merges them on top, so rules stay data (STYLE §7).
 */
export const DevRuleParams = z.object({
  minAge: z.number().int().min(14).max(30),
  talkWithinMonths: z.number().int().min(1).max(6),
  activistMinMonths: z.number().int().min(1).max(36),
  contactsMin: z.number().int().min(1).max(3),
  contactsMax: z.number().int().min(1).max(3),
  introducers: z.number().int().min(1).max(3),
  trainingMinDays: z.number().int().min(1).max(30),
  trainingMinHours: z.number().int().min(1).max(200),
  approvalWithinMonths: z.number().int().min(1).max(12),
  approvalMaxMonths: z.number().int().min(1).max(12),
  probationMonths: z.number().int().min(6).max(24),
  extensionMinMonths: z.number().int().min(1).max(24),
  extensionMaxMonths: z.number().int().min(1).max(24),
  conversionApprovalMonths: z.number().int().min(1).max(12),
  /** Working days a 公示 runs; kinds that must have one (empty: no 公示 required). */
  publicityWorkingDays: z.number().int().min(1).max(30),
  publicityKinds: z.array(z.enum(DEV_NOTICE_KIND_CODES)),
  /** 002: the applicant is filed with the township committee, which reviews within N months. */
  townshipFiling: z.boolean(),
  townshipReviewMonths: z.number().int().min(1).max(6),
  /** 000 两差额: more candidates than places when choosing activists and development objects. */
  differential: z.boolean(),
  /** 000 一答辩: a 入党答辩 before the branch meeting votes. */
  defense: z.boolean(),
  /** 2026 revision [U]: the branch meeting within N months of 预审; null = no limit. */
  branchMeetingWithinMonths: z.number().int().min(1).max(12).nullable(),
  /** 2026 revision [U]: the oath within N months of approval; null = no limit. */
  oathWithinMonths: z.number().int().min(1).max(12).nullable(),
  /** A deadline this close appears in the to-do list. */
  dueSoonDays: z.number().int().min(1).max(90),
});
export type DevRuleParams = z.infer<typeof DevRuleParams>;

/** Rule codes (stable: clients and tests switch on them) → Chinese name for the given parameters. */
export const DEV_RULE_NAMES = {
  step_order: () => '按步骤顺序办理',
  date_order: () => '日期不得早于上一步骤',
  no_future_date: () => '日期不得晚于今天',
  age_18: (p: DevRuleParams) => `提出入党申请时须年满${p.minAge}周岁`,
  talk_within_1_month: (p: DevRuleParams) => `收到入党申请书后${p.talkWithinMonths}个月内派人谈话`,
  township_filing: () => '入党申请人须报乡镇党委备案',
  township_review_1_month: (p: DevRuleParams) => `乡镇党委备案后${p.townshipReviewMonths}个月内审核`,
  differential: () => '差额推荐、差额确定（人选数须多于名额数）',
  publicity: (p: DevRuleParams) => `公示不少于${p.publicityWorkingDays}个工作日，期满后方可办理下一步`,
  contacts: (p: DevRuleParams) => `指定${p.contactsMin}至${p.contactsMax}名本支部正式党员作培养联系人`,
  activist_1_year: (p: DevRuleParams) => `入党积极分子经${p.activistMinMonths}个月以上培养考察方可确定为发展对象`,
  introducers: (p: DevRuleParams) => `由${p.introducers}名本支部正式党员作入党介绍人`,
  political_review: () => '政治审查合格',
  training_3_days: (p: DevRuleParams) => `集中培训不少于${p.trainingMinDays}天或${p.trainingMinHours}学时`,
  branch_meeting_within: (p: DevRuleParams) => `预审后${p.branchMeetingWithinMonths ?? '-'}个月内召开支部大会`,
  defense: () => '支部大会讨论前须进行入党答辩',
  branch_vote: () => '到会有表决权党员超过应到会半数，赞成票超过应到会有表决权正式党员半数',
  talker_required: () => '须记录谈话人',
  approval_within_3_months: (p: DevRuleParams) =>
    `支部大会通过后${p.approvalWithinMonths}个月内审批（特殊情况须说明原因，最长${p.approvalMaxMonths}个月）`,
  oath_within: (p: DevRuleParams) => `审批后${p.oathWithinMonths ?? '-'}个月内入党宣誓`,
  probation_1_year: (p: DevRuleParams) => `预备期${p.probationMonths}个月，自支部大会通过之日算起，期满方可讨论转正`,
  extension_once: (p: DevRuleParams) => `延长预备期只能一次，时间不少于${p.extensionMinMonths}个月、不超过${p.extensionMaxMonths}个月`,
  conversion_approval: (p: DevRuleParams) => `支部大会通过转正后${p.conversionApprovalMonths}个月内审批`,
} as const;
export type DevRuleCode = keyof typeof DEV_RULE_NAMES;

/** One broken rule, as the server returns it in details and the UI shows it. */
export const DevViolation = z.object({
  rule: z.string(),
  ruleName: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type DevViolation = z.infer<typeof DevViolation>;

/** A deadline of a case: overdue, due soon, or later. */
export const DevDeadline = z.object({
  code: z.string(),
  name: z.string(),
  dueOn: z.string(),
  state: z.enum(['overdue', 'due_soon', 'later']),
});
export type DevDeadline = z.infer<typeof DevDeadline>;
