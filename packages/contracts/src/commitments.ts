import { z } from 'zod';
import { pagedListFields } from './grids.ts';

/**
 * 公开承诺 / 亮身份 (F2): members and branch teams state commitments for the year, the branch vets
 * them, approved ones appear on the public board of their village or community with progress,
 * completion and residents' feedback. Public shapes never carry a phone or an ID number.
 */
const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
const text = (max: number) => z.string().trim().max(max);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const Year = z.coerce.number().int('年度须为整数').min(2000).max(2100);

export const COMMITMENT_STATUSES = { draft: '草稿', submitted: '待审核', approved: '已通过', returned: '已退回' } as const;
export type CommitmentStatus = keyof typeof COMMITMENT_STATUSES;
const STATUS_CODES = Object.keys(COMMITMENT_STATUSES) as [CommitmentStatus, ...CommitmentStatus[]];
export const COMMITMENT_KINDS = { member: '党员承诺', branch: '班子承诺' } as const;
export type CommitmentKind = keyof typeof COMMITMENT_KINDS;
/** 评诺 rating the branch gives at completion. */
export const COMMITMENT_RATINGS = { excellent: '优秀', good: '良好', fair: '一般', poor: '较差' } as const;
export type CommitmentRating = keyof typeof COMMITMENT_RATINGS;
const RATING_CODES = Object.keys(COMMITMENT_RATINGS) as [CommitmentRating, ...CommitmentRating[]];
export const COMMITMENT_FEEDBACK_FILTERS = { unanswered: '待回复', answered: '已回复', hidden: '已隐藏', all: '全部' } as const;
export const COMMITMENT_MAX_PER_YEAR = 10;
export const COMMITMENT_PHOTO_MAX_BYTES = 3 * 1024 * 1024;
export const COMMITMENT_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
/** Residents' feedback: at most this many per address per window. */
export const COMMITMENT_FEEDBACK_RATE = { max: 5, windowSeconds: 600 } as const;

export const CommitmentIdParam = z.strictObject({ id: Id });
export const CommitmentProgressParam = z.strictObject({ id: Id, progressId: Id });
export const CommitmentMemberParam = z.strictObject({ memberId: Id });

const content = text(300).min(5, '承诺内容至少 5 个字');

/** POST /commitments: without memberId and branch, the signed-in member's own commitment. */
export const CommitmentCreateRequest = z.strictObject({
  year: Year,
  content,
  /** A secretary writing for a member of the subtree. */
  memberId: Id.optional(),
  /** A secretary writing a 班子承诺 for a branch (orgId) of the subtree. */
  branchOrgId: Id.optional(),
}).refine((v) => !(v.memberId && v.branchOrgId), { message: '不能同时指定党员和支部', path: ['branchOrgId'] });
export type CommitmentCreateRequest = z.infer<typeof CommitmentCreateRequest>;
export const CommitmentUpdateRequest = z.strictObject({ content });
export type CommitmentUpdateRequest = z.infer<typeof CommitmentUpdateRequest>;

export const CommitmentVetRequest = z.strictObject({
  decision: z.enum(['approve', 'return']),
  reason: text(200).optional(),
}).refine((v) => v.decision === 'approve' || (v.reason ?? '').length >= 2, { message: '退回须填写原因（至少 2 个字）', path: ['reason'] });
export type CommitmentVetRequest = z.infer<typeof CommitmentVetRequest>;

export const CommitmentProgressRequest = z.strictObject({ onDate: Day, note: text(500).min(2, '请填写践诺情况') });
export type CommitmentProgressRequest = z.infer<typeof CommitmentProgressRequest>;
export const CommitmentCompleteRequest = z.strictObject({ note: text(500).min(2, '请填写完成情况'), rating: z.enum(RATING_CODES).optional() });
export type CommitmentCompleteRequest = z.infer<typeof CommitmentCompleteRequest>;

export const CommitmentListQuery = z.strictObject({
  orgId: Id,
  year: Year.optional(),
  status: z.enum(STATUS_CODES).optional(),
  kind: z.enum(['member', 'branch']).optional(),
  completed: z.enum(['yes', 'no']).optional(),
  q: text(50).optional(),
  ...pagedListFields,
});
export type CommitmentListQuery = z.infer<typeof CommitmentListQuery>;
export const CommitmentExportQuery = CommitmentListQuery.omit({ page: true, pageSize: true });
export type CommitmentExportQuery = z.infer<typeof CommitmentExportQuery>;

export const CommitmentProgress = z.object({
  id: z.string(), onDate: z.string(), note: z.string(), photoId: z.string().nullable(), createdAt: z.string(),
});
export type CommitmentProgress = z.infer<typeof CommitmentProgress>;
export const CommitmentFeedback = z.object({
  id: z.string(),
  commitmentId: z.string(),
  nickname: z.string().nullable(),
  content: z.string(),
  createdAt: z.string(),
  answer: z.string().nullable(),
  answeredAt: z.string().nullable(),
  hidden: z.boolean(),
});
export type CommitmentFeedback = z.infer<typeof CommitmentFeedback>;

export const CommitmentItem = z.object({
  id: z.string(),
  kind: z.enum(['member', 'branch']),
  memberId: z.string().nullable(),
  /** The member's name, or the branch's for a 班子承诺. */
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  year: z.number(),
  content: z.string(),
  status: z.enum(STATUS_CODES),
  returnReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  vettedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  completionNote: z.string().nullable(),
  rating: z.enum(RATING_CODES).nullable(),
  progressCount: z.number(),
  feedbackCount: z.number(),
  unansweredCount: z.number(),
  createdAt: z.string(),
});
export type CommitmentItem = z.infer<typeof CommitmentItem>;
export const CommitmentListResponse = z.object({ items: z.array(CommitmentItem), total: z.number() });
export type CommitmentListResponse = z.infer<typeof CommitmentListResponse>;
export const CommitmentDetail = CommitmentItem.extend({ progress: z.array(CommitmentProgress), feedback: z.array(CommitmentFeedback) });
export type CommitmentDetail = z.infer<typeof CommitmentDetail>;

/** GET /commitments/mine?year= : the member's phone page. */
export const CommitmentMineQuery = z.strictObject({ year: Year.optional() });
export const CommitmentMineResponse = z.object({
  year: z.number(),
  member: z.object({ id: z.string(), name: z.string(), orgName: z.string(), post: z.string(), photoId: z.string().nullable() }).nullable(),
  items: z.array(CommitmentDetail),
});
export type CommitmentMineResponse = z.infer<typeof CommitmentMineResponse>;

export const CommitmentFeedbackListQuery = z.strictObject({
  orgId: Id,
  filter: z.enum(['unanswered', 'answered', 'hidden', 'all']).default('unanswered'),
  ...pagedListFields,
});
export type CommitmentFeedbackListQuery = z.infer<typeof CommitmentFeedbackListQuery>;
export const CommitmentFeedbackRow = CommitmentFeedback.extend({ commitmentContent: z.string(), name: z.string(), orgName: z.string() });
export type CommitmentFeedbackRow = z.infer<typeof CommitmentFeedbackRow>;
export const CommitmentFeedbackListResponse = z.object({ items: z.array(CommitmentFeedbackRow), total: z.number() });
export type CommitmentFeedbackListResponse = z.infer<typeof CommitmentFeedbackListResponse>;
export const CommitmentAnswerRequest = z.strictObject({ answer: text(300).min(2, '请填写回复内容') });
export type CommitmentAnswerRequest = z.infer<typeof CommitmentAnswerRequest>;
export const CommitmentHideRequest = z.strictObject({ hidden: z.boolean() });
export type CommitmentHideRequest = z.infer<typeof CommitmentHideRequest>;

export const CommitmentPhoto = z.object({ id: z.string(), mime: z.string(), size: z.number() });
export type CommitmentPhoto = z.infer<typeof CommitmentPhoto>;
export const CommitmentDeleted = z.object({ id: z.string(), deleted: z.literal(true) });

// ---- Public (anonymous) shapes: names, posts, organizations, texts. Never a phone or ID number.

export const PublicBoardsQuery = z.strictObject({ year: Year.optional() });
export const PublicCommitmentBoard = z.object({ id: z.string(), name: z.string(), count: z.number() });
export const PublicCommitmentBoardsResponse = z.object({ year: z.number(), items: z.array(PublicCommitmentBoard) });
export type PublicCommitmentBoardsResponse = z.infer<typeof PublicCommitmentBoardsResponse>;

export const PublicCommitmentsQuery = z.strictObject({ villageId: Id, year: Year.optional() });
export const PublicFeedback = z.object({
  id: z.string(), nickname: z.string(), content: z.string(), createdAt: z.string(), answer: z.string().nullable(), answeredAt: z.string().nullable(),
});
export type PublicFeedback = z.infer<typeof PublicFeedback>;
export const PublicCommitment = z.object({
  id: z.string(),
  content: z.string(),
  completedAt: z.string().nullable(),
  completionNote: z.string().nullable(),
  rating: z.string().nullable(),
  progress: z.array(z.object({ onDate: z.string(), note: z.string(), photoId: z.string().nullable() })),
  feedback: z.array(PublicFeedback),
});
export type PublicCommitment = z.infer<typeof PublicCommitment>;
/** One card: a member (name, post, photo) or a branch team, with its commitments. */
export const PublicCommitmentCard = z.object({
  key: z.string(),
  kind: z.enum(['member', 'branch']),
  name: z.string(),
  post: z.string(),
  orgName: z.string(),
  photoId: z.string().nullable(),
  commitments: z.array(PublicCommitment),
});
export type PublicCommitmentCard = z.infer<typeof PublicCommitmentCard>;
export const PublicCommitmentsResponse = z.object({
  year: z.number(),
  village: z.object({ id: z.string(), name: z.string() }),
  cards: z.array(PublicCommitmentCard),
});
export type PublicCommitmentsResponse = z.infer<typeof PublicCommitmentsResponse>;
export const PublicFeedbackRequest = z.strictObject({
  nickname: text(20).optional(),
  content: text(200).min(5, '评价内容至少 5 个字'),
});
export type PublicFeedbackRequest = z.infer<typeof PublicFeedbackRequest>;
export const PublicFeedbackCreated = z.object({ id: z.string(), createdAt: z.string() });
