import { z } from 'zod';
import { StudyId, studyText } from './common.ts';

/** 微党课/微视频: submitted by members, reviewed by secretaries, voted on in rounds. */
export const MICRO_MAX_BYTES = 50 * 1024 * 1024;
export const MICRO_STATUSES = { pending: '待审核', approved: '已通过', rejected: '已驳回' } as const;
export const MicroStatus = z.enum(['pending', 'approved', 'rejected']);

const Link = z.url({ protocol: /^https?$/, error: '链接须以 http:// 或 https:// 开头' }).max(500);
export const MicroCreateRequest = z.strictObject({ title: studyText(200).min(1), description: studyText(2000).optional(), link: Link });
export type MicroCreateRequest = z.infer<typeof MicroCreateRequest>;
/** Metadata of an upload whose body is the file itself. */
export const MicroUploadQuery = z.strictObject({ title: studyText(200).min(1), description: studyText(2000).optional(), fileName: studyText(200).optional() });
export const MicroReviewRequest = z.strictObject({ approve: z.boolean(), reason: studyText(500).optional() });
export const MicroListQuery = z.strictObject({ status: MicroStatus.optional() });

export const MicroItem = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), submitterName: z.string(), title: z.string(), description: z.string().nullable(),
  link: z.string().nullable(), fileName: z.string().nullable(), fileType: z.string().nullable(), fileSize: z.number().int().nullable(),
  status: MicroStatus, rejectReason: z.string().nullable(), createdAt: z.string(), mine: z.boolean(), reviewable: z.boolean(),
});
export type MicroItem = z.infer<typeof MicroItem>;
export const MicroListResponse = z.object({ items: z.array(MicroItem) });

export const VoteRoundCreateRequest = z.strictObject({ orgId: StudyId, title: studyText(200).min(1) });
export const VoteRequest = z.strictObject({ microLessonId: StudyId });
export const VoteRound = z.object({
  id: z.string(), orgId: z.string(), orgName: z.string(), title: z.string(), closed: z.boolean(),
  myVote: z.string().nullable(), manageable: z.boolean(),
});
export type VoteRound = z.infer<typeof VoteRound>;
export const VoteRoundListResponse = z.object({ items: z.array(VoteRound) });
export const VoteResults = z.object({
  round: VoteRound,
  items: z.array(z.object({ microLessonId: z.string(), title: z.string(), submitterName: z.string(), orgName: z.string(), votes: z.number().int() })),
  totalVotes: z.number().int(),
});
export type VoteResults = z.infer<typeof VoteResults>;
