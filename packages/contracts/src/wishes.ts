import { z } from 'zod';
import { pagedListFields } from './grids.ts';

/**
 * Micro-wishes 群众微心愿 (F1). A resident posts a wish from the public side (phone + SMS code);
 * the branch of the grid reviews it; a member claims it (one claimant at a time, released after
 * WISH_LIMITS.claimDays without progress), fulfils it with a photo and a note; the resident
 * confirms or disputes; on confirmation the claimant earns points (rule `wish_fulfilled`).
 * Public responses never carry a phone or an ID number.
 */
const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
const text = (max: number) => z.string().trim().max(max);
const Phone = z.string().trim().regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码');
const Code = z.string().trim().regex(/^\d{6}$/, '请输入 6 位验证码');
/** A resident's secret for one wish, returned once when posting (kept on the phone, stored hashed). */
const Token = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, '凭证格式不正确');

export const WISH_LIMITS = {
  /** A claim without fulfilment is released after this many days. */
  claimDays: 7,
  /** A verification code lives this long. */
  codeTtlSeconds: 600,
  /** A phone may ask for a new code after this long. */
  codeResendSeconds: 60,
  photoMaxBytes: 5 * 1024 * 1024,
  photosMax: 3,
} as const;

export const WISH_CATEGORIES = {
  living: '生活帮扶', study: '助学助教', health: '医疗健康', jobs: '就业创业', environment: '环境整治', culture: '文化娱乐', other: '其他',
} as const;
export type WishCategory = keyof typeof WISH_CATEGORIES;
const CATEGORY_CODES = Object.keys(WISH_CATEGORIES) as [WishCategory, ...WishCategory[]];

export const WISH_STATUSES = {
  pending: '待审核', open: '待认领', claimed: '已认领', fulfilled: '待群众确认', confirmed: '已完成', disputed: '群众有异议',
  rejected: '未通过', merged: '已合并', closed: '已关闭',
} as const;
export type WishStatus = keyof typeof WISH_STATUSES;
const STATUS_CODES = Object.keys(WISH_STATUSES) as [WishStatus, ...WishStatus[]];
/** What the public wall shows: nothing pending, rejected, merged or closed. */
export const WISH_PUBLIC_STATUSES = ['open', 'claimed', 'fulfilled', 'confirmed'] as const satisfies readonly WishStatus[];

export const WISH_EVENT_KINDS = {
  posted: '群众提交', reviewed: '审核通过', rejected: '审核未通过', merged: '合并', claimed: '认领', released: '释放认领',
  fulfilled: '完成服务', confirmed: '群众确认', disputed: '群众异议', closed: '关闭', reopened: '重新开放',
} as const;
export type WishEventKind = keyof typeof WISH_EVENT_KINDS;

// ---------- public side (anonymous, under /api/v1/public) ----------

/** GET /public/wish-grids?q= : grids a resident can pick (name and village only). */
export const PublicWishGridsQuery = z.strictObject({ q: text(30).optional(), villageId: Id.optional() });
export const PublicWishGrid = z.object({ id: z.string(), name: z.string(), villageId: z.string(), villageName: z.string() });
export type PublicWishGrid = z.infer<typeof PublicWishGrid>;
export const PublicWishGridsResponse = z.object({ items: z.array(PublicWishGrid) });
export type PublicWishGridsResponse = z.infer<typeof PublicWishGridsResponse>;

/** POST /public/wishes/code : send a verification code to the phone (rate-limited per phone and per IP). */
export const WishCodeRequest = z.strictObject({ phone: Phone });
export type WishCodeRequest = z.infer<typeof WishCodeRequest>;
export const WishCodeResponse = z.object({ ttlSeconds: z.number().int(), resendAfterSeconds: z.number().int() });
export type WishCodeResponse = z.infer<typeof WishCodeResponse>;

/** POST /public/wishes : a resident posts a wish (status pending). Photos follow with POST /public/wishes/:id/photos. */
export const PublicWishRequest = z.strictObject({
  gridId: Id,
  category: z.enum(CATEGORY_CODES),
  title: text(40).min(2, '请填写心愿标题（至少 2 个字）'),
  content: text(500).min(5, '请说明心愿内容（至少 5 个字）'),
  /** How the wall names the resident, e.g. 王阿姨; empty: 居民. */
  nickname: text(10).optional(),
  phone: Phone,
  code: Code,
});
export type PublicWishRequest = z.infer<typeof PublicWishRequest>;
export const PublicWishCreated = z.object({ id: z.string(), token: z.string(), status: z.enum(STATUS_CODES) });
export type PublicWishCreated = z.infer<typeof PublicWishCreated>;

/** A wish as anyone may see it: no phone, no ID number, no resident's real name. */
export const PublicWish = z.object({
  id: z.string(),
  title: z.string(),
  content: z.string(),
  category: z.enum(CATEGORY_CODES),
  status: z.enum(STATUS_CODES),
  nickname: z.string(),
  gridId: z.string(),
  gridName: z.string(),
  villageId: z.string(),
  villageName: z.string(),
  /** The claiming member's name and branch (public, as 亮身份 does). */
  claimantName: z.string().nullable(),
  claimantOrgName: z.string().nullable(),
  createdAt: z.string(),
  claimedAt: z.string().nullable(),
  fulfilledAt: z.string().nullable(),
  fulfilNote: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** GET /public/wish-photos/:id serves each. */
  photoIds: z.array(z.string()),
  fulfilPhotoIds: z.array(z.string()),
});
export type PublicWish = z.infer<typeof PublicWish>;

/** GET /public/wishes : the wall of one grid or one village (one of the two is required). */
export const PublicWishWallQuery = z.strictObject({
  gridId: Id.optional(),
  villageId: Id.optional(),
  status: z.enum(WISH_PUBLIC_STATUSES).optional(),
  ...pagedListFields,
});
export type PublicWishWallQuery = z.infer<typeof PublicWishWallQuery>;
export const PublicWishWallResponse = z.object({
  title: z.string(),
  items: z.array(PublicWish),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.object({ open: z.number().int(), claimed: z.number().int(), fulfilled: z.number().int(), confirmed: z.number().int() }),
});
export type PublicWishWallResponse = z.infer<typeof PublicWishWallResponse>;

/** A resident's own wish: what the wall shows plus the review outcome. */
export const ResidentWish = PublicWish.extend({ rejectReason: z.string().nullable(), disputeComment: z.string().nullable() });
export type ResidentWish = z.infer<typeof ResidentWish>;

/** POST /public/wishes/mine : the resident's wishes by the tokens kept on the phone. */
export const ResidentWishesRequest = z.strictObject({ tokens: z.array(z.strictObject({ id: Id, token: Token })).max(50) });
export type ResidentWishesRequest = z.infer<typeof ResidentWishesRequest>;
/** POST /public/wishes/lookup : a new phone, or cleared storage: phone + code gives the tokens back (new ones). */
export const ResidentLookupRequest = z.strictObject({ phone: Phone, code: Code });
export type ResidentLookupRequest = z.infer<typeof ResidentLookupRequest>;
export const ResidentWishesResponse = z.object({
  items: z.array(ResidentWish),
  tokens: z.array(z.object({ id: z.string(), token: z.string() })),
});
export type ResidentWishesResponse = z.infer<typeof ResidentWishesResponse>;

/** POST /public/wishes/:id/confirm : the resident confirms (satisfied) or disputes a fulfilled wish. */
export const ResidentConfirmRequest = z.strictObject({
  token: Token,
  satisfied: z.boolean(),
  comment: text(200).optional(),
}).refine((v) => v.satisfied || (v.comment ?? '').length >= 2, { message: '有异议时请说明原因', path: ['comment'] });
export type ResidentConfirmRequest = z.infer<typeof ResidentConfirmRequest>;

// ---------- console (signed in, under /api/v1/wishes) ----------

export const WishListQuery = z.strictObject({
  orgId: Id,
  status: z.enum(STATUS_CODES).optional(),
  category: z.enum(CATEGORY_CODES).optional(),
  gridId: Id.optional(),
  q: text(50).optional(),
  ...pagedListFields,
});
export type WishListQuery = z.infer<typeof WishListQuery>;

export const WishEvent = z.object({
  id: z.string(),
  kind: z.enum(Object.keys(WISH_EVENT_KINDS) as [WishEventKind, ...WishEventKind[]]),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
  at: z.string(),
});
export type WishEvent = z.infer<typeof WishEvent>;

export const Wish = PublicWish.extend({
  orgId: z.string(),
  orgName: z.string(),
  /** Masked (138****5678) unless the reader is the branch's secretary. */
  residentPhone: z.string().nullable(),
  claimantId: z.string().nullable(),
  claimDeadline: z.string().nullable(),
  rejectReason: z.string().nullable(),
  disputeComment: z.string().nullable(),
  mergedInto: z.string().nullable(),
  /** Points awarded on confirmation (null: none, or points switched off). */
  pointsAwarded: z.number().int().nullable(),
});
export type Wish = z.infer<typeof Wish>;
export const WishDetail = Wish.extend({ events: z.array(WishEvent) });
export type WishDetail = z.infer<typeof WishDetail>;
export const WishListResponse = z.object({
  items: z.array(Wish), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});
export type WishListResponse = z.infer<typeof WishListResponse>;
export const WishIdParam = z.strictObject({ id: Id });

/** POST /wishes : the branch records a wish brought in person or by phone (status open at once). */
export const WishCreateRequest = z.strictObject({
  gridId: Id,
  category: z.enum(CATEGORY_CODES),
  title: text(40).min(2, '请填写心愿标题（至少 2 个字）'),
  content: text(500).min(5, '请说明心愿内容（至少 5 个字）'),
  nickname: text(10).optional(),
  residentPhone: Phone.optional(),
});
export type WishCreateRequest = z.infer<typeof WishCreateRequest>;
/** POST /wishes/:id/review */
export const WishReviewRequest = z.strictObject({ accept: z.boolean(), reason: text(200).optional() })
  .refine((v) => v.accept || (v.reason ?? '').length >= 2, { message: '不通过时请填写原因', path: ['reason'] });
export type WishReviewRequest = z.infer<typeof WishReviewRequest>;
/** POST /wishes/:id/merge : a duplicate goes into another wish of the same branch. */
export const WishMergeRequest = z.strictObject({ intoId: Id, reason: text(200).optional() });
export type WishMergeRequest = z.infer<typeof WishMergeRequest>;
/** POST /wishes/:id/claim : the signed-in member claims; a secretary may name a member of the branch. */
export const WishClaimRequest = z.strictObject({ memberId: Id.optional() });
export type WishClaimRequest = z.infer<typeof WishClaimRequest>;
/** POST /wishes/:id/release */
export const WishReleaseRequest = z.strictObject({ reason: text(200).min(2, '请填写释放原因') });
export type WishReleaseRequest = z.infer<typeof WishReleaseRequest>;
/** POST /wishes/:id/fulfil : photos first via POST /wishes/:id/photos?kind=fulfil. */
export const WishFulfilRequest = z.strictObject({ note: text(500).min(5, '请说明完成情况（至少 5 个字）') });
export type WishFulfilRequest = z.infer<typeof WishFulfilRequest>;
/** POST /wishes/:id/confirm : the branch records the resident's answer given in person or by phone. */
export const WishConfirmRequest = z.strictObject({ satisfied: z.boolean(), comment: text(200).optional() })
  .refine((v) => v.satisfied || (v.comment ?? '').length >= 2, { message: '有异议时请说明原因', path: ['comment'] });
export type WishConfirmRequest = z.infer<typeof WishConfirmRequest>;
/** POST /wishes/:id/close : withdrawn, impossible, or a dispute settled. */
export const WishCloseRequest = z.strictObject({ reason: text(200).min(2, '请填写关闭原因') });
export type WishCloseRequest = z.infer<typeof WishCloseRequest>;
export const WishPhotoQuery = z.strictObject({ kind: z.enum(['wish', 'fulfil']).default('fulfil') });
export const WishPhotoCreated = z.object({ id: z.string() });

/** GET /wishes/mine : the member's claimed wishes and the open wishes of the member's branch and grid. */
export const MyWishesResponse = z.object({
  isMember: z.boolean(),
  claimed: z.array(Wish),
  available: z.array(Wish),
  done: z.array(Wish),
});
export type MyWishesResponse = z.infer<typeof MyWishesResponse>;
