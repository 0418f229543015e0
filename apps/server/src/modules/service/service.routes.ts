import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import type { Clock } from '../../lib/clock.ts';
import { postsRoutes } from './posts.routes.ts';
import { reportsRoutes } from './reports.routes.ts';
import { matchingRoutes } from './matching.routes.ts';
import { pairingsRoutes } from './pairings.routes.ts';

/**
 * 服务岗位、双报到、双向认领、结对帮扶 (F3, F4): /api/v1/posts, /service-reports, /service-hours,
 * /service-feedback, /service-communities, /service-resources, /service-demands, /service-projects, /pairings.
 */
export const serviceRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  // Only the dependencies: the options also carry the parent's prefix, which must not apply twice.
  const opts = { db, clock };
  await app.register(postsRoutes, opts);
  await app.register(reportsRoutes, opts);
  await app.register(matchingRoutes, opts);
  await app.register(pairingsRoutes, opts);
};
