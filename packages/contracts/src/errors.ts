import { z } from 'zod';
import { ORGS_ERRORS } from './errors/orgs.ts';
import { MEMBERS_ERRORS } from './errors/members.ts';
import { IMPORTS_ERRORS } from './errors/imports.ts';
import { GRIDS_ERRORS } from './errors/grids.ts';
import { MEETINGS_ERRORS } from './errors/meetings.ts';
import { COMPLIANCE_ERRORS } from './errors/compliance.ts';
import { STUDY_ERRORS } from './errors/study.ts';
import { DEVELOPMENT_ERRORS } from './errors/development.ts';
import { TRANSFERS_ERRORS } from './errors/transfers.ts';
import { DUES_ERRORS } from './errors/dues.ts';
import { POINTS_ERRORS } from './errors/points.ts';
import { WISHES_ERRORS } from './errors/wishes.ts';
import { COMMITMENTS_ERRORS } from './errors/commitments.ts';
import { SERVICE_ERRORS } from './errors/service.ts';

/**
 * Stable error codes with their HTTP status and Chinese message. Clients switch on `code`,
 * never on the message. Add codes; never rename one.
 */
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '请求参数不正确' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  SESSION_EXPIRED: { status: 401, message: '登录已超时，请重新登录' },
  INVALID_CREDENTIALS: { status: 401, message: '用户名或密码错误' },
  ACCOUNT_LOCKED: { status: 423, message: '密码错误次数过多，账号已锁定 15 分钟' },
  ACCOUNT_DISABLED: { status: 403, message: '账号已停用' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, message: '首次登录须先修改初始密码' },
  PASSWORD_TOO_WEAK: { status: 400, message: '密码至少 8 位，且须包含大写字母、小写字母、数字、符号中的 3 类' },
  PASSWORD_REUSED: { status: 400, message: '新密码不能与原密码相同' },
  CSRF_FAILED: { status: 403, message: '请求校验失败，请刷新页面后重试' },
  FORBIDDEN: { status: 403, message: '无权访问该组织的数据' },
  NOT_FOUND: { status: 404, message: '记录不存在或不在您的管理范围内' },
  ORG_MOVE_INTO_SELF: { status: 409, message: '不能把组织移动到它自己或它的下级组织之下' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  INTERNAL: { status: 500, message: '系统内部错误，请联系管理员并提供请求编号' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '上传内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的文件或内容类型' },
  ...ORGS_ERRORS,
  ...MEMBERS_ERRORS,
  ...IMPORTS_ERRORS,
  ...GRIDS_ERRORS,
  ...MEETINGS_ERRORS,
  ...COMPLIANCE_ERRORS,
  ...STUDY_ERRORS,
  ...DEVELOPMENT_ERRORS,
  ...TRANSFERS_ERRORS,
  ...DUES_ERRORS,
  ...POINTS_ERRORS,
  ...WISHES_ERRORS,
  ...COMMITMENTS_ERRORS,
  ...SERVICE_ERRORS,
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

/** Body of every error response. */
export const ErrorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
  requestId: z.string(),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
