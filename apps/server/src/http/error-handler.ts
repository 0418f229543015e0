import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ERRORS, type ErrorCode } from '@dangjian/contracts';
import { AppError } from '../lib/errors.ts';

interface FieldIssue {
  field: string;
  message: string;
}

function body(code: ErrorCode, requestId: string, details?: unknown, message?: string) {
  return { code, message: message ?? ERRORS[code].message, details, requestId };
}

/**
 * Turns every error into `{code, message, details, requestId}`. Validation errors name each
 * field; unknown errors are logged and returned as INTERNAL with the request id, never a stack.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const requestId = String(req.id);
    if (err instanceof AppError) {
      if (err.status >= 500) req.log.error({ err }, 'app error');
      return reply.status(err.status).send(body(err.code, requestId, err.details, err.message));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'body';
      const fields: FieldIssue[] = err.validation.map((v) => {
        const path = v.instancePath.split('/').filter(Boolean);
        const keys = (v.params as { keys?: unknown } | undefined)?.keys;
        if (v.keyword === 'unrecognized_keys' && Array.isArray(keys)) path.push(...keys.map(String));
        return { field: [where, ...path].join('.'), message: v.message ?? '' };
      });
      const first = fields[0];
      return reply
        .status(400)
        .send(body('VALIDATION_FAILED', requestId, { fields }, first ? `${ERRORS.VALIDATION_FAILED.message}：${first.field} ${first.message}` : undefined));
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its contract');
      return reply.status(500).send(body('INTERNAL', requestId));
    }
    if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || (err instanceof SyntaxError && err.statusCode === 400)) {
      return reply.status(400).send(body('MALFORMED_JSON', requestId, { field: 'body' }));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const byStatus: Record<number, ErrorCode> = { 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 429: 'RATE_LIMITED' };
      const code: ErrorCode = byStatus[err.statusCode] ?? 'VALIDATION_FAILED';
      return reply.status(err.statusCode).send(body(code, requestId, { reason: err.code ?? err.message }));
    }
    req.log.error({ err }, 'unhandled error');
    return reply.status(500).send(body('INTERNAL', requestId));
  });
}
