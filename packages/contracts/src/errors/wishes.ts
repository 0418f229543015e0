/** Error codes of 微心愿 (F1): code → { status, Chinese message }. Never rename a code. */
export const WISHES_ERRORS = {
  WISH_STATE: { status: 409, message: '该心愿当前状态不允许此操作' },
  WISH_ALREADY_CLAIMED: { status: 409, message: '该心愿已被其他党员认领' },
  WISH_NOT_CLAIMANT: { status: 403, message: '只有认领该心愿的党员或支部书记可以操作' },
  WISH_NOT_A_MEMBER: { status: 404, message: '当前账号未关联党员档案，不能认领心愿' },
  WISH_CLAIMANT_INVALID: { status: 409, message: '认领人须为本村（社区）或本网格组织的党员' },
  WISH_MERGE_INVALID: { status: 409, message: '只能合并到同一支部下未关闭的另一个心愿' },
  WISH_GRID_NOT_FOUND: { status: 404, message: '网格不存在' },
  WISH_CODE_INVALID: { status: 400, message: '验证码不正确，请重新输入' },
  WISH_CODE_EXPIRED: { status: 400, message: '验证码已过期，请重新获取' },
  WISH_CODE_ATTEMPTS: { status: 429, message: '验证码错误次数过多，请重新获取' },
  WISH_CODE_TOO_SOON: { status: 429, message: '验证码发送过于频繁，请 60 秒后再试' },
  WISH_TOKEN_INVALID: { status: 403, message: '心愿凭证无效，请用手机号重新找回' },
  WISH_PHOTOS_MAX: { status: 409, message: '照片数量已达上限（最多 3 张）' },
  WISH_PHOTO_TOO_LARGE: { status: 413, message: '照片不能超过 5 MB' },
  WISH_SMS_FAILED: { status: 502, message: '短信验证码发送失败，请稍后再试' },
  WISH_PHOTO_TYPE_INVALID: { status: 415, message: '只能上传 JPG、PNG 或 WebP 格式的照片' },
} as const satisfies Record<string, { status: number; message: string }>;
