import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ChangePasswordRequest, ErrorBody, LoginRequest, Me, Ok } from '@dangjian/contracts';
import type { AuthService } from './auth.service.ts';
import { clearSessionCookie, sessionOf, setSessionCookie } from '../../http/session.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 423: ErrorBody, 429: ErrorBody };

/** /api/v1/auth: sign in, sign out, who am I, change password. */
export const authRoutes: FastifyPluginAsyncZod<{ auth: AuthService; secureCookie: boolean }> = async (app, { auth, secureCookie }) => {
  app.post('/login', {
    config: { public: true },
    schema: { tags: ['auth'], summary: '登录', body: LoginRequest, response: { 200: Me, ...errors } },
  }, async (req, reply) => {
    const { token, ctx } = await auth.login(req.body.username, req.body.password, req.ip, req.headers['user-agent'] ?? null);
    setSessionCookie(reply, token, secureCookie);
    return auth.toMe(ctx);
  });

  app.post('/logout', {
    config: { beforePasswordChange: true },
    schema: { tags: ['auth'], summary: '退出登录', response: { 200: Ok, ...errors } },
  }, async (req, reply) => {
    await auth.logout(sessionOf(req));
    clearSessionCookie(reply, secureCookie);
    return { ok: true as const };
  });

  app.get('/me', {
    config: { beforePasswordChange: true },
    schema: { tags: ['auth'], summary: '当前用户', response: { 200: Me, ...errors } },
  }, async (req) => auth.toMe(sessionOf(req)));

  app.post('/password', {
    config: { beforePasswordChange: true },
    schema: { tags: ['auth'], summary: '修改密码', body: ChangePasswordRequest, response: { 200: Me, ...errors } },
  }, async (req) => {
    const ctx = await auth.changePassword(sessionOf(req), req.body.oldPassword, req.body.newPassword);
    return auth.toMe(ctx);
  });
};
