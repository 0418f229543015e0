import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthService, SessionContext } from '../modules/auth/auth.service.ts';
import { AppError } from '../lib/errors.ts';

export const SESSION_COOKIE = 'dj_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionContext | null;
  }
  interface FastifyContextConfig {
    /** No session needed (sign-in, health, docs). */
    public?: boolean;
    /** Reachable while the initial password has not been changed yet. */
    beforePasswordChange?: boolean;
  }
}

/**
 * Resolves the session cookie on every /api/v1 route that is not public, enforces the
 * first-sign-in password change, and checks the CSRF header on cookie-authenticated writes.
 */
export function registerSession(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('session', null);
  app.addHook('preHandler', async (req: FastifyRequest) => {
    if (!req.url.startsWith('/api/v1/')) return;
    // Unmatched routes fall through to the 404 handler without a session check.
    if (!req.routeOptions.url || req.routeOptions.config.public) return;
    const ctx = await auth.authenticate(req.cookies[SESSION_COOKIE], req.ip);
    if (ctx.mustChangePassword && !req.routeOptions.config.beforePasswordChange) {
      throw new AppError('PASSWORD_CHANGE_REQUIRED');
    }
    if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) auth.checkCsrf(ctx, req.headers['x-csrf-token'] as string | undefined);
    req.session = ctx;
  });
}

/** The session of an authenticated route (the preHandler guarantees it). */
export function sessionOf(req: FastifyRequest): SessionContext {
  if (!req.session) throw new AppError('UNAUTHENTICATED');
  return req.session;
}

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}
