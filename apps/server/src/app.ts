import { existsSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '@dangjian/db';
import type { Config } from './config/env.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import { registerSession } from './http/session.ts';
import { registerMetrics } from './http/metrics.ts';
import { registerDocs } from './http/docs.ts';
import { createAuthService } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { createOrgsService } from './modules/orgs/orgs.service.ts';
import { orgsRoutes } from './modules/orgs/orgs.routes.ts';
import { createMembersService } from './modules/members/members.service.ts';
import { membersRoutes } from './modules/members/members.routes.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { gridsRoutes } from './modules/grids/grids.routes.ts';
import { sitesRoutes } from './modules/sites/sites.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { meetingsRoutes } from './modules/meetings/meetings.routes.ts';
import { complianceRoutes } from './modules/compliance/compliance.routes.ts';
import { studyRoutes } from './modules/study/study.routes.ts';
import { developmentRoutes } from './modules/development/development.routes.ts';
import { transfersRoutes } from './modules/transfers/transfers.routes.ts';
import { duesRoutes } from './modules/dues/dues.routes.ts';
import { pointsRoutes } from './modules/points/points.routes.ts';
import { wishesRoutes } from './modules/wishes/wishes.routes.ts';
import { commitmentsRoutes } from './modules/commitments/commitments.routes.ts';
import { serviceRoutes } from './modules/service/service.routes.ts';

z.config(z.locales.zhCN());

export interface AppDeps {
  db: Kysely<DB>;
  config: Config;
  clock?: Clock;
  /** Folder of the built web console, served with SPA fallback when present. */
  webDist?: string;
}

/**
 * Builds the HTTP app without listening; tests call it and use inject().
 * @example const app = await buildApp({ db, config: testConfig() }); await app.inject('/healthz');
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db } = deps;
  const clock = deps.clock ?? systemClock;
  const app = Fastify({
    logger: { level: config.LOG_LEVEL, redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]'] },
    genReqId: (req) => (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID(),
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  await app.register(cookie);
  await registerDocs(app);
  registerMetrics(app);

  const auth = createAuthService({
    db, clock, idleMinutes: config.SESSION_IDLE_MINUTES,
    loginRateLimit: config.LOGIN_RATE_LIMIT, loginRateWindowSeconds: config.LOGIN_RATE_WINDOW_SECONDS,
  });
  registerSession(app, auth);
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    if (req.url.startsWith('/api/v1/')) reply.header('cache-control', 'no-store');
  });

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async (_req, reply) => {
    try {
      await sql`SELECT 1`.execute(db);
      return { status: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable' });
    }
  });

  await app.register(authRoutes, { prefix: '/api/v1/auth', auth, secureCookie: config.COOKIE_SECURE });
  await app.register(orgsRoutes, { prefix: '/api/v1/orgs', orgs: createOrgsService({ db }) });
  await app.register(membersRoutes, { prefix: '/api/v1/members', members: createMembersService({ db, clock }) });
  // Excel import/export: /api/v1/members/import…, /api/v1/members/export, /api/v1/orgs/import…, /api/v1/imports/:id
  await app.register(importsRoutes, { prefix: '/api/v1', db, clock });
  await app.register(gridsRoutes, { prefix: '/api/v1/grids', db, clock });
  await app.register(sitesRoutes, { prefix: '/api/v1/sites', db, clock });
  await app.register(auditRoutes, { prefix: '/api/v1/audit', db });
  await app.register(meetingsRoutes, { prefix: '/api/v1/meetings', db, clock });
  await app.register(complianceRoutes, { prefix: '/api/v1', db, clock });
  await app.register(studyRoutes, { prefix: '/api/v1', db, clock });
  await app.register(developmentRoutes, { prefix: '/api/v1', db, clock });
  await app.register(transfersRoutes, { prefix: '/api/v1', db, clock });
  await app.register(duesRoutes, { prefix: '/api/v1/dues', db, clock });
  await app.register(pointsRoutes, { prefix: '/api/v1', db, clock });
  await app.register(wishesRoutes, { prefix: '/api/v1', db, clock, sms: { kind: config.SMS_SENDER, url: config.SMS_HTTP_URL, token: config.SMS_HTTP_TOKEN } });
  await app.register(commitmentsRoutes, { prefix: '/api/v1', db, clock });
  await app.register(serviceRoutes, { prefix: '/api/v1', db, clock });

  const hasWeb = !!deps.webDist && existsSync(`${deps.webDist}/index.html`);
  if (hasWeb) await app.register(fastifyStatic, { root: deps.webDist!, wildcard: false, index: 'index.html' });
  app.setNotFoundHandler((req, reply) => {
    if (hasWeb && req.method === 'GET' && !req.url.startsWith('/api/')) {
      // The public side for residents is its own light page (apps/web/public.html).
      return reply.sendFile(req.url.startsWith('/public/') || req.url === '/public' ? 'public.html' : 'index.html');
    }
    return reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在', details: { url: req.url }, requestId: String(req.id) });
  });
  return app;
}
