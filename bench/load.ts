/**
 * Load and soak: `npm run bench:load -- --scale county [--db pglite|postgres] [--users 200]
 * [--duration 60]`. Starts the real server (apps/server/src/main.ts) as a child process on the
 * generated data with a high LOGIN_RATE_LIMIT, signs in the generated accounts (town and branch
 * secretaries, members), then each of `--users` connections is one signed-in user going round
 * a realistic mix: the tree, an organization's page, the roster and its next page, a search.
 * Reports errors (must be 0: the command exits 1 otherwise), latency percentiles, throughput
 * and the server's RSS. Recording meetings and claiming wishes join the mix when they exist.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeTarget, parseOptions, REPO_ROOT } from './lib/cli.ts';
import { BENCH_PASSWORD } from './gen/steps.ts';
import { startServer } from './startup.ts';
import { cannon } from './http/load.ts';

interface User {
  cookie: string;
  home: string;
  orgs: string[];
}

const opts = parseOptions();
const env: Record<string, string> = { LOGIN_RATE_LIMIT: '1000000', SESSION_IDLE_MINUTES: '600' };
if (opts.target.kind === 'postgres') env.DATABASE_URL = opts.target.url!;
else env.DANGJIAN_DATA_DIR = opts.target.dataDir!;
console.error(`load: ${opts.users} users for ${opts.duration} s on ${describeTarget(opts.target)} (run \`npm run gen\` with the same options first)`);
const server = await startServer(env);

/** Signs in one account and learns its home organization and up to 30 organizations it sees. */
async function signIn(username: string): Promise<User | null> {
  const res = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (res.status === 401) return null; // fewer accounts at this size
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]!).find((c) => c.startsWith('dj_session='))!;
  const me = (await res.json()) as { roles: { orgId: string }[] };
  const tree = (await (await fetch(`${server.url}/api/v1/orgs/tree`, { headers: { cookie } })).json()) as { nodes: { id: string }[] };
  return { cookie, home: me.roles[0]!.orgId, orgs: tree.nodes.slice(0, 30).map((n) => n.id) };
}

// The mix of a county's day: mostly branch secretaries, some town secretaries and members.
const names = [
  ...Array.from({ length: Math.round(opts.users * 0.1) }, (_, i) => `bench-town-${String(i + 1).padStart(3, '0')}`),
  ...Array.from({ length: Math.round(opts.users * 0.7) }, (_, i) => `bench-branch-${String(i + 1).padStart(3, '0')}`),
  ...Array.from({ length: Math.round(opts.users * 0.2) }, (_, i) => `bench-member-${String(i + 1).padStart(3, '0')}`),
];
const users: User[] = [];
const t0 = performance.now();
for (let i = 0; i < names.length; i += 4) {
  for (const u of await Promise.all(names.slice(i, i + 4).map(signIn))) if (u) users.push(u);
}
console.error(`${users.length} users signed in in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

let next = 0;
const SEARCHES = ['wang', 'li', 'zhang', 'liu', 'chen', 'zh', 'w'];
type Ctx = { user?: User; cursor?: string | null; n?: number };
const pick = <T>(xs: T[], n: number) => xs[n % xs.length]!;
const as = (ctx: Ctx) => (ctx.user ??= users[next++ % users.length]!);
const get = (pathOf: (u: User, ctx: Ctx) => string, onBody?: (body: string, ctx: Ctx) => void) => ({
  method: 'GET' as const,
  setupRequest: (req: Record<string, unknown>, ctx: Ctx) => {
    const u = as(ctx);
    ctx.n = (ctx.n ?? 0) + 1;
    return { ...req, path: pathOf(u, ctx), headers: { cookie: u.cookie } };
  },
  onResponse: onBody ? (_status: number, body: string, ctx: Ctx) => onBody(body, ctx) : undefined,
});
const figures = await cannon({
  url: server.url,
  connections: users.length,
  duration: opts.duration,
  requests: [
    get(() => '/api/v1/orgs/tree'),
    get((u, c) => `/api/v1/orgs/${pick(u.orgs, c.n!)}`),
    get((u) => `/api/v1/members?orgId=${u.home}&limit=20`, (b, c) => (c.cursor = (JSON.parse(b) as { nextCursor: string | null }).nextCursor)),
    get((u, c) => `/api/v1/members?orgId=${u.home}&limit=20${c.cursor ? `&cursor=${encodeURIComponent(c.cursor)}` : ''}`),
    get((u, c) => `/api/v1/orgs/${pick(u.orgs, c.n! * 7)}`),
    get((u, c) => `/api/v1/members?orgId=${u.home}&limit=20&q=${pick(SEARCHES, c.n!)}`),
  ] as never,
});
const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
const rssMb = Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
await server.stop();

const report = {
  command: `npm run bench:load -- ${process.argv.slice(2).join(' ')}`.trim(),
  date: new Date().toISOString(), scale: opts.label, database: opts.target.kind, users: users.length, durationSeconds: opts.duration,
  startupMs: server.startupMs, serverRssMb: rssMb, ...figures,
};
const out = opts.out ?? path.join(REPO_ROOT, 'bench', 'out', `load-${opts.label}-${opts.target.kind}.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report));
if (figures.errors > 0) {
  console.error(`FAILED: ${figures.errors} errors`);
  process.exitCode = 1;
}
