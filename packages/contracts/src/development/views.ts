import { z } from 'zod';
import { DEV_NOTICE_KIND_CODES } from './steps.ts';
import { DevDeadline, DevRuleParams } from './rules.ts';
import { DevCaseSummary } from './api.ts';

const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');

export const DevTodoResponse = z.object({
  items: z.array(DevCaseSummary.extend({ deadlines: z.array(DevDeadline) })),
});
export type DevTodoResponse = z.infer<typeof DevTodoResponse>;

export const DevPipelineQuery = z.strictObject({ orgId: Id });
export const DevPipelineResponse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  stages: z.array(z.object({
    stage: z.number().int(),
    name: z.string(),
    count: z.number().int(),
    overdue: z.number().int(),
    /** Overdue first, then by the nearest deadline; at most 100 per stage. */
    cases: z.array(DevCaseSummary),
  })),
});
export type DevPipelineResponse = z.infer<typeof DevPipelineResponse>;

/** The public page: names, organization, stage and period only (never ID numbers or phones). */
export const PublicNotice = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(DEV_NOTICE_KIND_CODES),
  personName: z.string(),
  orgName: z.string(),
  stageName: z.string(),
  startOn: z.string(),
  endOn: z.string(),
  contact: z.string().nullable(),
});
export const PublicNoticesResponse = z.object({ items: z.array(PublicNotice), today: z.string() });
export type PublicNoticesResponse = z.infer<typeof PublicNoticesResponse>;

export const DevRuleSetsResponse = z.object({
  sets: z.array(z.object({
    code: z.string(), document: z.string(), scope: z.enum(['national', 'local']), effectiveFrom: z.string(),
    status: z.enum(['active', 'draft']), params: DevRuleParams.partial(), notes: z.string().nullable(),
  })),
  bindings: z.array(z.object({ id: z.string(), orgId: z.string(), orgName: z.string(), ruleSetCode: z.string(), effectiveFrom: z.string() })),
});
export type DevRuleSetsResponse = z.infer<typeof DevRuleSetsResponse>;

export const DevRuleBindingRequest = z.strictObject({
  orgId: Id,
  ruleSetCode: z.string().trim().min(1).max(50),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
});
export type DevRuleBindingRequest = z.infer<typeof DevRuleBindingRequest>;

export const DevCalendarQuery = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
export const DevCalendarResponse = z.object({
  year: z.number().int(),
  days: z.array(z.object({ day: z.string(), kind: z.enum(['holiday', 'workday']), name: z.string(), confirmed: z.boolean() })),
});
export type DevCalendarResponse = z.infer<typeof DevCalendarResponse>;

export const DevCalendarDayParam = z.strictObject({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD') });
export const DevCalendarDayRequest = z.strictObject({
  kind: z.enum(['holiday', 'workday']),
  name: z.string().trim().min(1, '请填写名称').max(50, '名称最多 50 个字'),
});
export const DevCalendarDayResponse = z.object({ day: z.string(), kind: z.enum(['holiday', 'workday']).nullable(), name: z.string().nullable() });
export const DevRuleBindingResponse = z.object({ id: z.string(), orgId: z.string(), orgName: z.string(), ruleSetCode: z.string(), effectiveFrom: z.string() });
export const DevDocumentQuery = z.strictObject({
  stepNo: z.coerce.number().int().min(1).max(25),
  fileName: z.string().trim().min(1).max(200, '文件名最多 200 个字'),
});
