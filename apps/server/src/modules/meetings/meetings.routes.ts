import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import type { Clock } from '../../lib/clock.ts';

/** Routes of the meetings feature (placeholder until the feature lands). */
export const meetingsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async () => {};
