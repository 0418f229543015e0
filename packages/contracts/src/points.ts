import { z } from 'zod';
import { pagedListFields } from './grids.ts';

const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
const text = (max: number) => z.string().trim().max(max);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Categories of rule items (DOMAIN §6 schemes), code → label. */
export const POINT_CATEGORIES = {
  org_life: '组织生活', study: '学习培训', service: '服务群众', commitment: '承诺践诺', duty: '履行义务', reward: '奖励加分', deduction: '扣分',
} as const;
export type PointCategory = keyof typeof POINT_CATEGORIES;
const CATEGORY_CODES = Object.keys(POINT_CATEGORIES) as [PointCategory, ...PointCategory[]];

export const POINTS_ENTRY_KINDS = {
  award: '加分', reversal: '撤销', redemption: '兑换', redemption_refund: '兑换退回', adjustment: '调整',
} as const;
export const POINTS_ORDER_STATUSES = { placed: '待领取', handed_over: '已领取', cancelled: '已取消' } as const;
export const POINTS_PERIODS = { year: '年度', quarter: '季度', month: '月度' } as const;

export const PointsOrgQuery = z.strictObject({ orgId: Id });
export type PointsOrgQuery = z.infer<typeof PointsOrgQuery>;
export const PointsIdParam = z.strictObject({ id: Id });

export const PointsSettings = z.object({
  orgId: z.string(),
  enabled: z.boolean(),
  rankingEnabled: z.boolean(),
  /** The organization whose setting applies (an ancestor, or null for the default: on). */
  fromOrgId: z.string().nullable(),
});
export type PointsSettings = z.infer<typeof PointsSettings>;
export const PointsSettingsRequest = z.strictObject({ orgId: Id, enabled: z.boolean(), rankingEnabled: z.boolean() });
export type PointsSettingsRequest = z.infer<typeof PointsSettingsRequest>;

/** For the client: whether to show the points menu to the signed-in user at all. */
export const PointsStatus = z.object({ enabled: z.boolean(), rankingEnabled: z.boolean(), isMember: z.boolean(), canManage: z.boolean() });
export type PointsStatus = z.infer<typeof PointsStatus>;

export const PointRule = z.object({
  code: z.string(),
  label: z.string(),
  points: z.number().int(),
  category: z.string(),
  active: z.boolean(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  /** null: the default set; otherwise the organization that set it. */
  fromOrgId: z.string().nullable(),
});
export type PointRule = z.infer<typeof PointRule>;
export const PointRulesResponse = z.object({ items: z.array(PointRule) });
export type PointRulesResponse = z.infer<typeof PointRulesResponse>;
export const PointRuleRequest = z.strictObject({
  orgId: Id,
  code: z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, '编码须为小写字母、数字、下划线'),
  label: text(60).min(1, '请填写规则名称'),
  points: z.number().int('分值须为整数').min(-100).max(100).refine((v) => v !== 0, '分值不能为 0'),
  category: z.enum(CATEGORY_CODES),
  active: z.boolean().default(true),
  effectiveFrom: Day.nullable().optional(),
  effectiveTo: Day.nullable().optional(),
});
export type PointRuleRequest = z.infer<typeof PointRuleRequest>;

export const PointsEntry = z.object({
  id: z.string(),
  delta: z.number().int(),
  kind: z.enum(Object.keys(POINTS_ENTRY_KINDS) as [keyof typeof POINTS_ENTRY_KINDS]),
  ruleCode: z.string().nullable(),
  sourceType: z.string().nullable(),
  sourceId: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type PointsEntry = z.infer<typeof PointsEntry>;

export const PointsOrder = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  orgName: z.string(),
  goodsId: z.string(),
  goodsName: z.string(),
  qty: z.number().int(),
  points: z.number().int(),
  status: z.enum(['placed', 'handed_over', 'cancelled']),
  createdAt: z.string(),
  handedOverAt: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type PointsOrder = z.infer<typeof PointsOrder>;

export const PointsMemberDetail = z.object({
  memberId: z.string(),
  name: z.string(),
  orgName: z.string(),
  balance: z.number().int(),
  entries: z.array(PointsEntry),
  orders: z.array(PointsOrder),
});
export type PointsMemberDetail = z.infer<typeof PointsMemberDetail>;
export const PointsMineResponse = z.object({ enabled: z.boolean(), member: PointsMemberDetail.nullable() });
export type PointsMineResponse = z.infer<typeof PointsMineResponse>;

export const PointsMemberListQuery = z.strictObject({ orgId: Id, q: text(50).optional(), ...pagedListFields });
export type PointsMemberListQuery = z.infer<typeof PointsMemberListQuery>;
export const PointsMemberListResponse = z.object({
  items: z.array(z.object({ memberId: z.string(), name: z.string(), orgName: z.string(), balance: z.number().int() })),
  total: z.number().int(),
});
export type PointsMemberListResponse = z.infer<typeof PointsMemberListResponse>;
export const PointsMemberParam = z.strictObject({ memberId: Id });

export const PointsAdjustmentRequest = z.strictObject({
  memberId: Id,
  delta: z.number().int('分值须为整数').min(-1000).max(1000).refine((v) => v !== 0, '分值不能为 0'),
  reason: text(200).min(2, '请填写调整原因'),
});
export type PointsAdjustmentRequest = z.infer<typeof PointsAdjustmentRequest>;

export const LeaderboardQuery = z.strictObject({
  orgId: Id,
  period: z.enum(['year', 'quarter', 'month']).default('year'),
  /** 'YYYY', 'YYYY-Qn' or 'YYYY-MM' by period; default: the current one. */
  key: z.string().regex(/^\d{4}(-(Q[1-4]|0[1-9]|1[0-2]))?$/, '期间格式应为 YYYY、YYYY-Q1 或 YYYY-MM').optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type LeaderboardQuery = z.infer<typeof LeaderboardQuery>;
export const LeaderboardResponse = z.object({
  period: z.string(),
  key: z.string(),
  items: z.array(z.object({ rank: z.number().int(), memberId: z.string(), name: z.string(), orgName: z.string(), earned: z.number().int() })),
});
export type LeaderboardResponse = z.infer<typeof LeaderboardResponse>;

export const PointsGoods = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  price: z.number().int(),
  stock: z.number().int(),
  active: z.boolean(),
});
export type PointsGoods = z.infer<typeof PointsGoods>;
export const PointsGoodsResponse = z.object({ items: z.array(PointsGoods) });
export type PointsGoodsResponse = z.infer<typeof PointsGoodsResponse>;
export const PointsGoodsRequest = z.strictObject({
  orgId: Id,
  name: text(60).min(1, '请填写物品名称'),
  description: text(300).optional(),
  price: z.number().int('所需积分须为整数').min(1, '所需积分至少为 1').max(100000),
  stock: z.number().int('库存须为整数').min(0, '库存不能为负').max(100000),
  active: z.boolean().default(true),
});
export type PointsGoodsRequest = z.infer<typeof PointsGoodsRequest>;
export const PointsGoodsPatch = PointsGoodsRequest.omit({ orgId: true }).partial().strict();
export type PointsGoodsPatch = z.infer<typeof PointsGoodsPatch>;

export const RedemptionRequest = z.strictObject({ goodsId: Id, qty: z.number().int().min(1, '数量至少为 1').max(100).default(1) });
export type RedemptionRequest = z.infer<typeof RedemptionRequest>;
export const RedemptionListQuery = z.strictObject({ orgId: Id, status: z.enum(['placed', 'handed_over', 'cancelled']).optional(), ...pagedListFields });
export type RedemptionListQuery = z.infer<typeof RedemptionListQuery>;
export const RedemptionListResponse = z.object({ items: z.array(PointsOrder), total: z.number().int() });
export type RedemptionListResponse = z.infer<typeof RedemptionListResponse>;
export const RedemptionCancelRequest = z.strictObject({ reason: text(200).min(2, '请填写取消原因') });
