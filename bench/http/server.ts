/**
 * Child process of the HTTP benchmark: serves the real app (buildApp) and a bare Fastify app
 * on the same database, in one process, so both share the engine (PGlite allows one process).
 * For each endpoint it signs in, records the SQL one request sends, and gives the bare app a
 * route that replays exactly those statements through the driver. Prints one JSON line when
 * ready; GET /rss on the bare app reports memory.
 *   BENCH_TARGET='{"kind":"pglite","dataDir":"…"}' node --import tsx bench/http/server.ts
 */
import Fastify from 'fastify';
import { buildApp } from '../../apps/server/src/app.ts';
import { testConfig } from '../../apps/server/src/config/env.ts';
import { openBenchDb, isScopeSetup, type Statement } from '../lib/db.ts';
import { findNamed } from '../lib/named.ts';
import { BENCH_PASSWORD } from '../gen/steps.ts';
import { ENDPOINTS } from './endpoints.ts';
import type { Target } from '../lib/cli.ts';

const target = JSON.parse(process.env.BENCH_TARGET ?? '{}') as Target;
const started = performance.now();
const bdb = await openBenchDb(target);
const app = await buildApp({ db: bdb.db, config: testConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: 1_000_000, SESSION_IDLE_MINUTES: 600 }) });
await app.listen({ port: 0, host: '127.0.0.1' });
const startupMs = Math.round(performance.now() - started);
const named = await findNamed(bdb.db);

const cookies = new Map<string, string>();
async function cookieOf(user: string): Promise<string> {
  if (!cookies.has(user)) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: user, password: BENCH_PASSWORD } });
    const c = res.cookies.find((x) => x.name === 'dj_session');
    if (res.statusCode !== 200 || !c) throw new Error(`login ${user}: ${res.statusCode} ${res.body}`);
    cookies.set(user, `dj_session=${c.value}`);
  }
  return cookies.get(user)!;
}

const bare = Fastify({ logger: false });
const replays: Statement[][] = [];
bare.get<{ Params: { i: string } }>('/bare/:i', async (req) => {
  const results = await bdb.bare(replays[Number(req.params.i)]!);
  return results;
});
bare.get('/rss', async () => ({ rss: process.memoryUsage().rss }));

const endpoints = [];
for (const e of ENDPOINTS) {
  const skip = e.skip?.(named) ?? null;
  if (skip) {
    endpoints.push({ name: e.name, skip });
    continue;
  }
  // Anonymous public endpoints have no session: no cookie, no session statements.
  const cookie = e.user ? await cookieOf(e.user) : undefined;
  const headers = cookie ? { cookie } : {};
  // The session check alone (GET /auth/me) tells which captured statements are the session's.
  const session = cookie ? await bdb.capture(() => app.inject({ method: 'GET', url: '/api/v1/auth/me', headers })) : { statements: [] };
  const path = e.path(named);
  const { result, statements } = await bdb.capture(() => app.inject({ method: 'GET', url: path, headers }));
  if (result.statusCode !== 200) throw new Error(`${e.name}: ${result.statusCode} ${result.body.slice(0, 300)}`);
  // Bare: the session's lookups and the endpoint's queries, without the RLS transaction set-up.
  replays.push(statements.filter((s) => !isScopeSetup(s)));
  endpoints.push({
    name: e.name, path, cookie, bareIndex: replays.length - 1, sessionStatements: session.statements.length,
    statements: replays[replays.length - 1]!.length, responseBytes: result.body.length,
  });
}
await bare.listen({ port: 0, host: '127.0.0.1' });
const port = (s: typeof app) => (s.server.address() as { port: number }).port;
console.log(JSON.stringify({ ready: true, appPort: port(app), barePort: port(bare), startupMs, named, endpoints }));

process.on('SIGTERM', () => {
  void (async () => {
    await app.close();
    await bare.close();
    await bdb.close();
    process.exit(0);
  })();
});
