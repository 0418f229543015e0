import { ERRORS, type ErrorCode } from '@dangjian/contracts';

/**
 * The one error type of the server. `code` is stable and maps to an HTTP status and a
 * Chinese message (packages/contracts/src/errors.ts); `details` names fields or limits.
 * @example throw new AppError('NOT_FOUND');
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;

  constructor(code: ErrorCode, opts: { message?: string; details?: unknown } = {}) {
    super(opts.message ?? ERRORS[code].message);
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = opts.details;
  }
}
