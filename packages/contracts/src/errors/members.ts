/** Error codes of the members feature: code → { status, Chinese message }. Never rename a code. */
export const MEMBERS_ERRORS = {
  MEMBER_ID_NUMBER_DUPLICATE: { status: 409, message: '该身份证号已登记，不能重复登记' },
  MEMBER_ORG_NOT_HOME: { status: 409, message: '党员只能编入党支部、党小组等基层组织，不能直接编入区、街道、乡镇党（工）委' },
  MEMBER_MOVE_SAME_ORG: { status: 409, message: '党员已在该组织，无需转接' },
  MEMBER_REPORTING_ORG_INVALID: { status: 400, message: '报到社区不存在或不在您的管理范围内' },
} as const satisfies Record<string, { status: number; message: string }>;
