/** Error codes of the compliance feature: code → { status, Chinese message }. Never rename a code. */
export const COMPLIANCE_ERRORS = {
  MEETING_RULE_READ_ONLY: { status: 403, message: '系统默认规则不能修改，请在本级组织下新增规则覆盖' },
  MEETING_RULE_WRITE_DENIED: { status: 403, message: '只有组织部管理员可以设置会议规则' },
  MEETING_RULE_DATES_INVALID: { status: 400, message: '失效日期不能早于生效日期' },
  COMPLIANCE_PERIOD_INVALID: { status: 400, message: '期间格式应为 2026、2026-Q3 或 2026-09' },
} as const satisfies Record<string, { status: number; message: string }>;
