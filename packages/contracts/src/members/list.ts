import { z } from 'zod';
import { LIMITS } from '../limits.ts';
import { MEMBER_STATUS_CODES } from '../enums.ts';
import { MEMBER_EDUCATIONS, MEMBER_ETHNICITIES, MEMBER_CATEGORY_VALUES, MEMBER_SORT_CODES } from './vocab.ts';
import { DateString } from './record.ts';

const Age = z.coerce.number().int().min(0).max(150);

/**
 * GET /members: a subtree's roster with filters on every field, three sort orders (each with
 * its own keyset cursor) and search by name, full pinyin, initials, ID number or phone.
 */
export const MemberListQuery = z.strictObject({
  orgId: z.string().regex(/^\d{1,18}$/, '组织编号格式不正确'),
  status: z.enum(MEMBER_STATUS_CODES).optional(),
  gender: z.enum(['male', 'female']).optional(),
  ethnicity: z.enum(MEMBER_ETHNICITIES).optional(),
  education: z.enum(MEMBER_EDUCATIONS).optional(),
  category: z.enum(MEMBER_CATEGORY_VALUES).optional(),
  ageMin: Age.optional(),
  ageMax: Age.optional(),
  joinedFrom: DateString.optional(),
  joinedTo: DateString.optional(),
  hasPhone: z.enum(['true', 'false']).optional(),
  /** Members holding a post whose name contains this text. */
  post: z.string().trim().max(50).optional(),
  q: z.string().trim().max(50).optional(),
  sort: z.enum(MEMBER_SORT_CODES).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
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
  // Added with the rich list; optional so clients and fixtures of the first version stay valid.
  birthDate: z.string().optional(),
  ethnicity: z.string().nullable().optional(),
  categories: z.array(z.string()).optional(),
  posts: z.array(z.string()).optional(),
});
export type MemberListItem = z.infer<typeof MemberListItem>;

export const MemberListResponse = z.object({
  items: z.array(MemberListItem),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
});
export type MemberListResponse = z.infer<typeof MemberListResponse>;
