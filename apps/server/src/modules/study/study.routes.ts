import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import type { Clock } from '../../lib/clock.ts';
import { examsRoutes } from './exams.routes.ts';
import { lessonsRoutes } from './lessons.routes.ts';
import { microRoutes } from './micro.routes.ts';
import { trainingsRoutes } from './trainings.routes.ts';
import { studyItemsRoutes } from './study-items.routes.ts';

/** Routes of the study feature (C3, C4): /exams, /lessons, /study-items, /trainings under /api/v1. */
export const studyRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  await app.register(examsRoutes, { prefix: '/exams', db, clock });
  await app.register(lessonsRoutes, { prefix: '/lessons', db });
  await app.register(microRoutes, { prefix: '/lessons', db, clock });
  await app.register(trainingsRoutes, { prefix: '/trainings', db });
  await app.register(studyItemsRoutes, { prefix: '/study-items', db, clock });
};
