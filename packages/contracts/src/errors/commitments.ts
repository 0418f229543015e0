/** Error codes of 公开承诺 (F2): code → { status, Chinese message }. Never rename a code. */
export const COMMITMENTS_ERRORS = {
  COMMITMENT_STATE: { status: 409, message: '该承诺当前状态不允许此操作' },
  COMMITMENT_NOT_A_MEMBER: { status: 404, message: '当前账号未关联党员档案' },
  COMMITMENT_NOT_OWNER: { status: 403, message: '只能操作本人的承诺' },
  COMMITMENT_YEAR_INVALID: { status: 400, message: '承诺年度只能是上一年、本年或下一年' },
  COMMITMENT_LIMIT: { status: 409, message: '每人（每个支部班子）每年最多 10 条承诺' },
  COMMITMENT_PHOTO_TYPE_INVALID: { status: 415, message: '照片只能是 JPG、PNG 或 WebP 图片' },
  COMMITMENT_PHOTO_TOO_LARGE: { status: 413, message: '照片不能超过 3 MB' },
  COMMITMENT_FEEDBACK_RATE_LIMITED: { status: 429, message: '评价过于频繁，请稍后再试' },
} as const satisfies Record<string, { status: number; message: string }>;
