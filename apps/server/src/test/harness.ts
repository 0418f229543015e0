import { afterAll, beforeAll, describe } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openTestDatabase, testEngines, type Database, type EngineKind } from '@dangjian/db';
import { createTestTree, createUser } from '@dangjian/db/fixtures';
import { buildApp } from '../app.ts';
import { testConfig, type Config } from '../config/env.ts';

/** A clock tests can move forward. */
export function mutableClock(start = new Date()) {
  let now = start.getTime();
  const clock = () => new Date(now);
  clock.advance = (ms: number) => {
    now += ms;
  };
  return clock;
}

/** A signed-in client: keeps the session cookie and sends the CSRF header on writes. */
export interface Agent {
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

/** The test subtree, flattened for readable tests: ids, paths and usernames. */
export interface TestTree {
  rootId: string;
  townId: string;
  branchAId: string;
  branchBId: string;
  groupAId: string;
  groupBId: string;
  paths: { root: string; town: string; branchA: string; branchB: string };
  users: { admin: string; town: string; secretaryA: string; secretaryB: string; memberA: string; resident: string };
  password: string;
}

async function buildTree(db: Database['db'], label: string): Promise<TestTree> {
  const t = await createTestTree(db, { label });
  const resident = `resident-${t.token}`;
  await createUser(db, { username: resident, displayName: '群众', password: t.password, roles: [{ role: 'resident', orgId: t.orgs.branchA.id }], mustChangePassword: false });
  return {
    rootId: t.orgs.root.id,
    townId: t.orgs.town.id,
    branchAId: t.orgs.branchA.id,
    branchBId: t.orgs.branchB.id,
    groupAId: t.orgs.groupA.id,
    groupBId: t.orgs.groupB.id,
    paths: { root: t.orgs.root.path, town: t.orgs.town.path, branchA: t.orgs.branchA.path, branchB: t.orgs.branchB.path },
    users: {
      admin: t.users.admin.username, town: t.users.town.username, secretaryA: t.users.secretaryA.username,
      secretaryB: t.users.secretaryB.username, memberA: t.users.memberA.username, resident,
    },
    password: t.password,
  };
}

export interface Harness {
  kind: EngineKind;
  database: Database;
  app: FastifyInstance;
  clock: ReturnType<typeof mutableClock>;
  tree: TestTree;
  login(username: string, password?: string, remoteAddress?: string): Promise<Agent>;
}

/**
 * Runs a suite once per engine (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), each
 * with its own migrated database, app and organization subtree built by the shared fixtures.
 */
export function describeOnEngines(name: string, suite: (h: Harness) => void, config: Partial<Config> = {}): void {
  for (const kind of testEngines()) {
    describe(`${name} [${kind}]`, () => {
      const h = { kind } as Harness;
      beforeAll(async () => {
        h.database = await openTestDatabase(kind);
        h.clock = mutableClock();
        h.app = await buildApp({ db: h.database.db, config: testConfig(config), clock: h.clock });
        h.tree = await buildTree(h.database.db, name);
        h.login = (username, password = h.tree.password, remoteAddress = '127.0.0.1') => login(h.app, username, password, remoteAddress);
      });
      afterAll(async () => {
        await h.app?.close();
        await h.database?.close();
      });
      suite(h);
    });
  }
}

export async function login(app: FastifyInstance, username: string, password: string, remoteAddress = '127.0.0.1'): Promise<Agent> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'dj_session');
  if (!cookie) throw new Error('no session cookie');
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  const cookieHeader = `dj_session=${cookie.value}`;
  return {
    cookie: cookieHeader,
    csrf,
    get: (url) => app.inject({ method: 'GET', url, headers: { cookie: cookieHeader }, remoteAddress }),
    post: (url, body, headers = {}) =>
      app.inject({
        method: 'POST', url, remoteAddress,
        headers: { cookie: cookieHeader, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  };
}
