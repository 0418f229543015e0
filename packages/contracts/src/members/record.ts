import { z } from 'zod';
import { MEMBER_STATUS_CODES } from '../enums.ts';
import { MEMBER_EDUCATIONS, MEMBER_ETHNICITIES, MEMBER_CATEGORY_VALUES } from './vocab.ts';
import { normalizePhone, PHONE_RE } from './phone.ts';
import { idNumberProblem, isRealDate, memberRuleProblems } from './rules.ts';

const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
export const DateString = z.string().refine(isRealDate, '日期格式应为 YYYY-MM-DD 且为真实日期');

/**
 * Each field of the member form, validated alone. The web form runs these per field and
 * memberRuleProblems() across fields, so it rejects exactly what the server rejects.
 */
export const MemberFields = {
  orgId: Id,
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名最多 50 个字'),
  idNumber: z.string().trim().toUpperCase().superRefine((v, ctx) => {
    const problem = idNumberProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  phone: z.string().max(30).transform(normalizePhone).pipe(z.string().regex(PHONE_RE, '手机号应为 11 位大陆手机号')).nullable(),
  ethnicity: z.enum(MEMBER_ETHNICITIES, '请从列表中选择民族').nullable(),
  education: z.enum(MEMBER_EDUCATIONS, '请从列表中选择学历').nullable(),
  occupation: z.string().trim().max(50, '职业最多 50 个字').nullable(),
  status: z.enum(MEMBER_STATUS_CODES),
  joinedOn: DateString,
  fullOn: DateString.nullable(),
  categories: z.array(z.enum(MEMBER_CATEGORY_VALUES)).max(MEMBER_CATEGORY_VALUES.length)
    .refine((a) => new Set(a).size === a.length, '党员类别不能重复'),
  reportingOrgId: Id.nullable(),
  posts: z.array(z.string().trim().min(1).max(50, '每项职务最多 50 个字')).max(20, '职务最多 20 项'),
  remarks: z.string().trim().max(500, '备注最多 500 个字').nullable(),
};

const f = MemberFields;
const CreateShape = z.strictObject({
  orgId: f.orgId, name: f.name, idNumber: f.idNumber, phone: f.phone.optional(),
  ethnicity: f.ethnicity.optional(), education: f.education.optional(), occupation: f.occupation.optional(),
  status: f.status, joinedOn: f.joinedOn, fullOn: f.fullOn.optional(),
  categories: f.categories.default([]), reportingOrgId: f.reportingOrgId.optional(),
  posts: f.posts.default([]), remarks: f.remarks.optional(),
});

/** POST /members. Birth date, age and sex are derived from the ID number, never sent. */
export const MemberCreateRequest = CreateShape.superRefine((v, ctx) => {
  for (const p of memberRuleProblems(v)) ctx.addIssue({ code: 'custom', path: [p.field], message: p.message });
});
export type MemberCreateRequest = z.infer<typeof MemberCreateRequest>;

/**
 * PATCH /members/:id: any subset of the fields except the organization (that is a move).
 * Cross-field rules run on the server against the record merged with the patch.
 */
export const MemberPatchRequest = CreateShape.omit({ orgId: true }).partial()
  .extend({ categories: f.categories.optional(), posts: f.posts.optional() })
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type MemberPatchRequest = z.infer<typeof MemberPatchRequest>;

export const MemberMoveRequest = z.strictObject({
  toOrgId: Id,
  reason: z.string().trim().min(1, '请填写转接原因').max(200, '原因最多 200 个字'),
});
export type MemberMoveRequest = z.infer<typeof MemberMoveRequest>;

export const MemberRevealRequest = z.strictObject({ field: z.enum(['idNumber', 'phone']) });
export type MemberRevealRequest = z.infer<typeof MemberRevealRequest>;
export const MemberRevealResponse = z.object({ field: z.enum(['idNumber', 'phone']), value: z.string().nullable() });
export type MemberRevealResponse = z.infer<typeof MemberRevealResponse>;
