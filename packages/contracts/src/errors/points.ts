/** Error codes of the points feature: code → { status, Chinese message }. Never rename a code. */
export const POINTS_ERRORS = {
  POINTS_DISABLED: { status: 409, message: '本地区未启用党员积分' },
  POINTS_RANKING_DISABLED: { status: 409, message: '本地区未启用积分排行' },
  POINTS_INSUFFICIENT: { status: 409, message: '积分余额不足' },
  POINTS_OUT_OF_STOCK: { status: 409, message: '该物品库存不足' },
  POINTS_GOODS_INACTIVE: { status: 409, message: '该物品已下架' },
  POINTS_ORDER_STATE: { status: 409, message: '该兑换订单当前状态不允许此操作' },
  POINTS_RULE_UNKNOWN: { status: 409, message: '积分规则不存在或未启用' },
  POINTS_NOT_A_MEMBER: { status: 404, message: '当前账号未关联党员档案' },
} as const satisfies Record<string, { status: number; message: string }>;
