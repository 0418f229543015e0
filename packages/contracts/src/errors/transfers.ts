/** Error codes of the transfers feature: code → { status, Chinese message }. Never rename a code. */
export const TRANSFERS_ERRORS = {
  TRANSFER_SAME_ORG: { status: 409, message: '转入组织与党员所在组织相同，无需转接' },
  TRANSFER_ALREADY_PENDING: { status: 409, message: '该党员已有尚未办结的组织关系转接' },
  TRANSFER_NOT_PENDING: { status: 409, message: '该转接不在待处理状态，不能进行此操作' },
  TRANSFER_LETTER_STATE: { status: 409, message: '介绍信当前状态不允许此操作（须先出具，再回执，最后归档）' },
  TRANSFER_RECEIPT_BEFORE_ISSUE: { status: 400, message: '回执日期不能早于介绍信出具日期' },
  MEMBER_EXIT_MEASURE_INVALID: { status: 400, message: '处置方式与类别不匹配' },
  MEMBER_EXIT_DATE_FUTURE: { status: 400, message: '决定日期不能晚于今天' },
  FLOATING_ALREADY_ENDED: { status: 409, message: '该流动党员登记已结束' },
} as const satisfies Record<string, { status: number; message: string }>;
