import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { MEMBER_STATUS_CODES } from './enums.ts';

export const MemberListQuery = z.strictObject({
  orgId: z.string().regex(/^\d{1,18}$/, '组织编号格式不正确'),
  status: z.enum(MEMBER_STATUS_CODES).optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
  cursor: z.string().max(400).optional(),
});
export type MemberListQuery = z.infer<typeof MemberListQuery>;

/** A member as lists show it: ID number and phone masked. */
export const MemberListItem = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']),
  age: z.number().int(),
  idNumberMasked: z.string(),
  phoneMasked: z.string().nullable(),
  status: z.enum(MEMBER_STATUS_CODES),
  orgId: z.string(),
  orgName: z.string(),
  joinedOn: z.string().nullable(),
  education: z.string().nullable(),
});
export type MemberListItem = z.infer<typeof MemberListItem>;

export const MemberListResponse = z.object({
  items: z.array(MemberListItem),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type MemberListResponse = z.infer<typeof MemberListResponse>;
