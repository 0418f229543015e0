/**
 * Load and soak: `npm run bench:load -- --scale county [--db pglite|postgres] [--users 200]
 * [--duration 60]`. Starts the real server (apps/server/src/main.ts) as a child process on the
 * generated data with a high LOGIN_RATE_LIMIT, signs in the generated accounts (town and branch
 * secretaries, members), then each of `--users` connections is one signed-in user going round
 * a realistic mix: the tree, an organization's page, the roster and its next page, a search,
 * then by role: branch and town secretaries record a meeting (POST /meetings, every third round;
 * the meetings list otherwise), members open 我的微心愿 and claim an open wish (POST
 * /wishes/:id/claim). A 409 WISH_ALREADY_CLAIMED is the expected outcome when two members race
 * for one wish: it is counted apart, not as an error. Reports errors (must be 0: the command
 * exits 1 otherwise), latency percentiles, throughput, the actions' outcomes and the server's RSS.
 * The writes stay in the database: run `npm run gen` again for pristine data.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeTarget, parseOptions, REPO_ROOT } from './lib/cli.ts';
import { BENCH_PASSWORD } from './gen/steps.ts';
import { startServer } from './startup.ts';
import { cannon } from './http/load.ts';

interface User {
  username: string;
  cookie: string;
  csrf: string;
  home: string;
  /** The home organization's type: a 党小组 records 党小组会, a branch 主题党日. */
  homeType: string;
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
  const me = (await res.json()) as { roles: { orgId: string }[]; csrfToken: string };
  const tree = (await (await fetch(`${server.url}/api/v1/orgs/tree`, { headers: { cookie } })).json()) as { nodes: { id: string; type: string }[] };
  const home = me.roles[0]!.orgId;
  return {
    username, cookie, csrf: me.csrfToken, home, homeType: tree.nodes.find((n) => n.id === home)?.type ?? 'branch', orgs: tree.nodes.slice(0, 30).map((n) => n.id),
  };
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
const GROUPS = new Set(['group', 'building_group', 'center_household', 'building_lead']);
type Ctx = { user?: User; cursor?: string | null; n?: number; wishId?: string | null };
const pick = <T>(xs: T[], n: number) => xs[n % xs.length]!;
const as = (ctx: Ctx) => (ctx.user ??= users[next++ % users.length]!);
const isMember = (u: User) => u.username.startsWith('bench-member-');
/** Outcomes of the write actions, and every non-2xx answer by action (for the report). */
const outcomes = { meetingsRecorded: 0, wishesClaimed: 0, claimConflicts: 0, wishesMineOpened: 0, noWishToClaim: 0 };
const failures: Record<string, number> = {};
/** Set when the run is over: answers to requests cut off by the server's shutdown are not the mix's. */
let over = false;
const fail = (action: string, status: number, body: string) => {
  if (over) return;
  const key = `${action} ${status} ${/"code":"([A-Z_]+)"/.exec(body)?.[1] ?? ''}`.trim();
  failures[key] = (failures[key] ?? 0) + 1;
};
type Req = { method: 'GET' | 'POST'; path: string; body?: string };
/** One step of the mix: `build` chooses the request for this user and round; `done` reads the answer. */
const step = (action: string, build: (u: User, ctx: Ctx) => Req, done?: (status: number, body: string, ctx: Ctx) => void) => ({
  method: 'GET' as const,
  setupRequest: (req: Record<string, unknown>, ctx: Ctx) => {
    const u = as(ctx);
    ctx.n = (ctx.n ?? 0) + 1;
    const r = build(u, ctx);
    const headers: Record<string, string> = { cookie: u.cookie };
    if (r.method === 'POST') Object.assign(headers, { 'content-type': 'application/json', 'x-csrf-token': u.csrf });
    return { ...req, method: r.method, path: r.path, headers, body: r.body };
  },
  onResponse: (status: number, body: string, ctx: Ctx) => {
    if (status >= 300 && !(action === 'claim a wish' && status === 409 && body.includes('WISH_ALREADY_CLAIMED'))) fail(action, status, body);
    done?.(status, body, ctx);
  },
});
const get = (action: string, pathOf: (u: User, ctx: Ctx) => string, done?: (status: number, body: string, ctx: Ctx) => void) =>
  step(action, (u, ctx) => ({ method: 'GET', path: pathOf(u, ctx) }), done);
const meetingsList = (u: User) => `/api/v1/meetings?orgId=${u.home}&pageSize=20`;

const figures = await cannon({
  url: server.url,
  connections: users.length,
  duration: opts.duration,
  requests: [
    get('tree', () => '/api/v1/orgs/tree'),
    get('org page', (u, c) => `/api/v1/orgs/${pick(u.orgs, c.n!)}`),
    get('roster', (u) => `/api/v1/members?orgId=${u.home}&limit=20`, (st, b, c) => {
      c.cursor = st === 200 ? (JSON.parse(b) as { nextCursor: string | null }).nextCursor : null;
    }),
    get('roster next page', (u, c) => `/api/v1/members?orgId=${u.home}&limit=20${c.cursor ? `&cursor=${encodeURIComponent(c.cursor)}` : ''}`),
    get('org page', (u, c) => `/api/v1/orgs/${pick(u.orgs, c.n! * 7)}`),
    get('search', (u, c) => `/api/v1/members?orgId=${u.home}&limit=20&q=${pick(SEARCHES, c.n!)}`),
    // Secretaries: record a meeting every third round (the list otherwise). Members: 我的微心愿.
    step(
      'record a meeting / my wishes',
      (u, c) => {
        if (isMember(u)) return { method: 'GET', path: '/api/v1/wishes/mine' };
        // ctx.n counts this connection's requests: 8 a round, so this is round n / 8.
        if (Math.floor(c.n! / 8) % 3 !== 0) return { method: 'GET', path: meetingsList(u) };
        const group = GROUPS.has(u.homeType);
        const heldAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
        return {
          method: 'POST', path: '/api/v1/meetings',
          body: JSON.stringify({ orgId: u.home, kind: group ? 'group_meeting' : 'theme_day', title: group ? '党小组学习会（压测）' : '主题党日活动（压测）', heldAt, status: 'held', place: '党群服务中心' }),
        };
      },
      (st, b, c) => {
        if (st === 201) outcomes.meetingsRecorded++;
        if (isMember(c.user!) && st === 200) {
          outcomes.wishesMineOpened++;
          const available = (JSON.parse(b) as { available: { id: string }[] }).available;
          // The newest open wish, as the phone lists it first: members of one village race for it.
          c.wishId = available[0]?.id ?? null;
        }
      },
    ),
    // Members: claim one of the open wishes just listed (the meetings list for everyone else).
    step(
      'claim a wish',
      (u, c) => {
        if (!isMember(u)) return { method: 'GET', path: meetingsList(u) };
        if (!c.wishId) {
          outcomes.noWishToClaim++;
          return { method: 'GET', path: '/api/v1/wishes/mine' };
        }
        return { method: 'POST', path: `/api/v1/wishes/${c.wishId}/claim`, body: '{}' };
      },
      (st, b, c) => {
        if (isMember(c.user!) && c.wishId) {
          if (st === 200) outcomes.wishesClaimed++;
          if (st === 409 && b.includes('WISH_ALREADY_CLAIMED')) outcomes.claimConflicts++;
        }
        c.wishId = null;
      },
    ),
  ] as never,
});
over = true;
// A lost race for a wish is an answer, not a failure.
const errors = Math.max(0, figures.errors - outcomes.claimConflicts);
const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
const rssMb = Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
await server.stop();

const report = {
  command: `npm run bench:load -- ${process.argv.slice(2).join(' ')}`.trim(),
  date: new Date().toISOString(), scale: opts.label, database: opts.target.kind, users: users.length, durationSeconds: opts.duration,
  startupMs: server.startupMs, serverRssMb: rssMb, ...figures, errors, outcomes, failures,
};
const out = opts.out ?? path.join(REPO_ROOT, 'bench', 'out', `load-${opts.label}-${opts.target.kind}.json`);
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report));
if (errors > 0) {
  console.error(`FAILED: ${errors} errors (${figures.timeouts} timeouts after 30 s; answers by action: ${JSON.stringify(failures)})`);
  process.exitCode = 1;
}
