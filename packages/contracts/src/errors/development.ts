/** Error codes of the development feature: code → { status, Chinese message }. Never rename a code. */
export const DEVELOPMENT_ERRORS = {
  /** details: { rule, ruleName, message, violations[] } — the first broken rule and all of them. */
  DEV_RULE_VIOLATION: { status: 422, message: '不符合发展党员工作规定' },
  DEV_CASE_NOT_ACTIVE: { status: 409, message: '该发展档案已完成或已终止，不能再办理' },
  DEV_CASE_DUPLICATE: { status: 409, message: '该身份证号已有进行中的发展档案' },
  DEV_ALREADY_MEMBER: { status: 409, message: '该身份证号已登记为党员' },
  DEV_ORG_NOT_BRANCH: { status: 409, message: '发展档案须建在党支部' },
  DEV_DOCUMENT_TYPE: { status: 415, message: '只能上传 PDF、JPEG 或 PNG 文件' },
  DEV_DOCUMENT_TOO_LARGE: { status: 413, message: '文件不能超过 10 MB' },
  DEV_NOTICE_STEP: { status: 409, message: '当前步骤不能发布该类公示' },
  DEV_RULE_SET_UNKNOWN: { status: 404, message: '规则集不存在' },
} as const satisfies Record<string, { status: number; message: string }>;
