import { z } from 'zod';
import { MEMBER_STATUS_CODES } from '../enums.ts';

/** One member as the detail drawer shows it: every field, ID number and phone masked. */
export const MemberDetail = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  namePinyin: z.string(),
  gender: z.enum(['male', 'female']),
  birthDate: z.string(),
  age: z.number().int(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  ethnicity: z.string().nullable(),
  education: z.string().nullable(),
  occupation: z.string().nullable(),
  status: z.enum(MEMBER_STATUS_CODES),
  joinedOn: z.string().nullable(),
  fullOn: z.string().nullable(),
  categories: z.array(z.string()),
  reportingOrgId: z.string().nullable(),
  reportingOrgName: z.string().nullable(),
  posts: z.array(z.string()),
  remarks: z.string().nullable(),
  updatedAt: z.string(),
  /** What the caller may do with this member, so the client shows only working buttons. */
  can: z.object({ write: z.boolean(), reveal: z.boolean() }),
});
export type MemberDetail = z.infer<typeof MemberDetail>;

export const MEMBER_HISTORY_ACTIONS = { create: '登记', update: '修改', move: '组织内转接' } as const;
export type MemberHistoryAction = keyof typeof MEMBER_HISTORY_ACTIONS;

/** Field → [before, after]; ID number and phone appear masked. */
export const MemberChanges = z.record(z.string(), z.tuple([z.unknown(), z.unknown()]));

export const MemberHistoryEntry = z.object({
  id: z.string(),
  at: z.string(),
  actorName: z.string().nullable(),
  action: z.enum(['create', 'update', 'move']),
  changes: MemberChanges,
  fromOrgId: z.string().nullable(),
  fromOrgName: z.string().nullable(),
  toOrgId: z.string().nullable(),
  toOrgName: z.string().nullable(),
  reason: z.string().nullable(),
});
export type MemberHistoryEntry = z.infer<typeof MemberHistoryEntry>;
export const MemberHistoryResponse = z.object({ items: z.array(MemberHistoryEntry) });
export type MemberHistoryResponse = z.infer<typeof MemberHistoryResponse>;

/** Chinese labels of the record's fields, for history and error messages. */
export const MEMBER_FIELD_LABELS: Record<string, string> = {
  name: '姓名', idNumber: '身份证号', gender: '性别', birthDate: '出生日期', phone: '手机号', ethnicity: '民族',
  education: '学历', occupation: '职业', status: '党员状态', joinedOn: '入党日期', fullOn: '转正日期',
  categories: '党员类别', reportingOrgId: '报到社区', posts: '现任职务', remarks: '备注', orgId: '所在组织',
};
