import { z } from 'zod';
import { StudyDate, StudyId, studyPaging, studyText } from './common.ts';

/** Study items 学习资料 pushed to a subtree; reads are recorded per member. */
export const StudyItemCreateRequest = z.strictObject({
  orgId: StudyId,
  title: studyText(200).min(1),
  /** Plain text or Markdown; shown as text (never as HTML). */
  content: studyText(20000).default(''),
  link: z.url({ protocol: /^https?$/, error: '链接须以 http:// 或 https:// 开头' }).max(500).optional(),
  dueOn: StudyDate.optional(),
});
export type StudyItemCreateRequest = z.infer<typeof StudyItemCreateRequest>;

export const StudyReach = z.object({
  /** Distinct members of the target subtree who read it. */
  readers: z.number().int(),
  members: z.number().int(),
  /** readers / members, in percent with one decimal. */
  reachRate: z.number(),
  /** All reads (人次). */
  personTimes: z.number().int(),
});
export type StudyReach = z.infer<typeof StudyReach>;

export const StudyItem = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), title: z.string(), content: z.string(), link: z.string().nullable(),
  dueOn: z.string().nullable(), createdAt: z.string(), manageable: z.boolean(),
  myReadCount: z.number().int(), myFirstReadAt: z.string().nullable(),
});
export type StudyItem = z.infer<typeof StudyItem>;
export const StudyItemListQuery = z.strictObject({ ...studyPaging });
export const StudyItemListResponse = z.object({ items: z.array(StudyItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type StudyItemListResponse = z.infer<typeof StudyItemListResponse>;

export const StudyItemStats = z.object({
  reach: StudyReach,
  orgs: z.array(z.object({ orgId: z.string(), orgName: z.string(), members: z.number().int(), readers: z.number().int(), personTimes: z.number().int() })),
});
export type StudyItemStats = z.infer<typeof StudyItemStats>;
