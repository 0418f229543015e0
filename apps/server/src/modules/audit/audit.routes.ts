import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '@dangjian/db';
import { ErrorBody } from '@dangjian/contracts';
import { sessionOf } from '../../http/session.ts';
import { scopeFor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { verifyAuditChain } from './audit.verify.ts';

const VerifyResponse = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  firstBadId: z.string().nullable(),
  problem: z.enum(['altered', 'removed', 'head-mismatch']).nullable(),
  message: z.string(),
});

/**
 * /api/v1/audit/verify: the same check as `npm run audit:verify`, for a running server (the
 * embedded database admits one process, so the command refuses while the server runs).
 * Reveals no entry's content, only whether the chain holds; limited to audit readers.
 */
export const auditRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB> }> = async (app, { db }) => {
  app.get('/verify', {
    schema: { tags: ['audit'], summary: '校验审计日志哈希链', response: { 200: VerifyResponse, 401: ErrorBody, 403: ErrorBody } },
  }, async (req) => {
    if (scopeFor(sessionOf(req).actor, 'audit:read').length === 0) throw new AppError('FORBIDDEN');
    return verifyAuditChain(db);
  });
};
