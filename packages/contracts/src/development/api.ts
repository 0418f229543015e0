import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { MemberFields, DateString } from '../members/record.ts';
import { DEV_NOTICE_KIND_CODES } from './steps.ts';
import { DevDeadline, DevRuleParams } from './rules.ts';

const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
const Count = z.number().int().min(0).max(9999);

export const DevCaseIdParam = z.strictObject({ id: Id });
export const DevDocumentParam = z.strictObject({ id: Id, docId: Id });

/** What a step records besides its date; each step's form asks for its own (DEV_STEPS[n].facts). */
export const DevStepFacts = z.strictObject({
  talker: z.string().trim().min(1, '请填写谈话人').max(50, '谈话人最多 50 个字').optional(),
  townshipFiledOn: DateString.optional(),
  townshipReviewedOn: DateString.optional(),
  candidates: Count.optional(),
  slots: Count.optional(),
  contactIds: z.array(Id).max(3, '培养联系人最多 3 名').optional(),
  introducerIds: z.array(Id).max(3, '入党介绍人最多 3 名').optional(),
  politicalReviewPassed: z.boolean().optional(),
  trainingDays: z.number().int().min(0).max(365).optional(),
  trainingHours: z.number().int().min(0).max(2000).optional(),
  votes: z.strictObject({ entitled: Count, present: Count, yes: Count }).optional(),
  defenseOn: DateString.optional(),
  extensionReason: z.string().trim().max(200, '原因最多 200 个字').optional(),
  extensionMonths: z.number().int().min(1).max(24).optional(),
});
export type DevStepFacts = z.infer<typeof DevStepFacts>;

export const DEV_DECISIONS = { pass: '同意/通过', fail: '不同意（终止发展）', extend: '延长预备期' } as const;
export type DevDecision = keyof typeof DEV_DECISIONS;

export const DevCaseCreateRequest = z.strictObject({
  orgId: MemberFields.orgId,
  name: MemberFields.name,
  idNumber: MemberFields.idNumber,
  phone: MemberFields.phone.optional(),
  ethnicity: MemberFields.ethnicity.optional(),
  education: MemberFields.education.optional(),
  occupation: MemberFields.occupation.optional(),
  /** The date the 入党申请书 was handed in: step 1. */
  appliedOn: DateString,
  note: z.string().trim().max(500, '备注最多 500 个字').optional(),
});
export type DevCaseCreateRequest = z.infer<typeof DevCaseCreateRequest>;

export const DevStepRequest = z.strictObject({
  stepNo: z.number().int().min(2).max(25),
  doneOn: DateString,
  decision: z.enum(['pass', 'fail', 'extend']).default('pass'),
  facts: DevStepFacts.default({}),
  note: z.string().trim().max(500, '备注最多 500 个字').optional(),
});
export type DevStepRequest = z.input<typeof DevStepRequest>;

export const DevNoticeRequest = z.strictObject({
  kind: z.enum(DEV_NOTICE_KIND_CODES),
  startOn: DateString,
  /** Where objections go (an office or a phone of the committee, never the applicant's). */
  contact: z.string().trim().max(100, '受理方式最多 100 个字').optional(),
});
export type DevNoticeRequest = z.infer<typeof DevNoticeRequest>;

export const DevCaseListQuery = z.strictObject({
  orgId: Id,
  status: z.enum(['active', 'completed', 'closed']).optional(),
  stage: z.coerce.number().int().min(1).max(5).optional(),
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
});
export type DevCaseListQuery = z.infer<typeof DevCaseListQuery>;

export const DevCaseSummary = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  idNumberMasked: z.string(),
  appliedOn: z.string(),
  status: z.enum(['active', 'completed', 'closed']),
  /** The last step done (1–25). */
  currentStep: z.number().int(),
  stage: z.number().int(),
  nextDueOn: z.string().nullable(),
  nextDueName: z.string().nullable(),
  overdue: z.boolean(),
  memberId: z.string().nullable(),
});
export type DevCaseSummary = z.infer<typeof DevCaseSummary>;

export const DevCaseListResponse = z.object({
  items: z.array(DevCaseSummary), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
});
export type DevCaseListResponse = z.infer<typeof DevCaseListResponse>;

export const DevStepView = z.object({
  id: z.string(),
  stepNo: z.number().int(),
  doneOn: z.string(),
  decision: z.enum(['pass', 'fail', 'extend']),
  facts: DevStepFacts.partial().passthrough(),
  people: z.array(z.object({ memberId: z.string(), name: z.string(), role: z.enum(['contact', 'introducer']) })),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type DevStepView = z.infer<typeof DevStepView>;

export const DevDocumentView = z.object({
  id: z.string(), stepNo: z.number().int(), fileName: z.string(), mime: z.string(), size: z.number().int(), createdAt: z.string(),
});
export type DevDocumentView = z.infer<typeof DevDocumentView>;

export const DevNoticeView = z.object({
  id: z.string(), kind: z.enum(DEV_NOTICE_KIND_CODES), title: z.string(), startOn: z.string(), endOn: z.string(),
  workingDays: z.number().int(), contact: z.string().nullable(),
});
export type DevNoticeView = z.infer<typeof DevNoticeView>;

export const DevCaseDetail = DevCaseSummary.extend({
  phoneMasked: z.string().nullable(),
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  occupation: z.string().nullable(),
  note: z.string().nullable(),
  probationEnd: z.string().nullable(),
  steps: z.array(DevStepView),
  documents: z.array(DevDocumentView),
  notices: z.array(DevNoticeView),
  deadlines: z.array(DevDeadline),
  ruleSets: z.array(z.object({ code: z.string(), document: z.string(), effectiveFrom: z.string() })),
  rules: DevRuleParams,
  canEdit: z.boolean(),
});
export type DevCaseDetail = z.infer<typeof DevCaseDetail>;

export const DevEligibleMembersResponse = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), fullOn: z.string().nullable() })),
});
export type DevEligibleMembersResponse = z.infer<typeof DevEligibleMembersResponse>;
