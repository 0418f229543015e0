/** Error codes of the dues feature: code → { status, Chinese message }. Never rename a code. */
export const DUES_ERRORS = {
  DUES_NO_BASE: { status: 409, message: '该月份尚未核定党费基数，请先在“标准核定”中录入' },
  DUES_MONTH_BEFORE_JOINED: { status: 409, message: '所选月份早于入党（支部大会通过）时间，无需交纳党费' },
  DUES_MONTH_IN_FUTURE: { status: 409, message: '不能预交本月（按季交纳时为本季度）之后的党费' },
  DUES_ALREADY_PAID: { status: 409, message: '所选月份已登记交纳，请勿重复登记' },
  DUES_BACK_PAY_NOTE_REQUIRED: { status: 400, message: '补交超过 6 个月的党费须填写原因及批准情况' },
  DUES_QUARTER_CONSENT_REQUIRED: { status: 400, message: '按季交纳须经支部同意，请填写同意情况，且月份须属于同一季度' },
  DUES_APPROVAL_REQUIRED: { status: 400, message: '少交或免交党费须经上级党委批准，请填写批准机关和批准文件' },
  DUES_AGREED_OUT_OF_RANGE: { status: 400, message: '约定交纳金额不在该类别规定的范围内' },
  DUES_NOT_A_MEMBER: { status: 404, message: '当前账号未关联党员档案' },
} as const satisfies Record<string, { status: number; message: string }>;
