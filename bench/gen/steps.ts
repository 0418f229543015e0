/**
 * The generator's steps, one per kind of data, run in order. A new table gets a new step here
 * (see bench/README.md): build its rows from the context (the tree, the members' id ranges,
 * the seeded rng) and hand them to copyRows.
 */
import { hashPassword, memberProfile, namePinyin, type Rng } from '../../packages/db/src/fixtures/index.ts';
import type { Kysely } from 'kysely';
import type { DB } from '../../packages/db/src/index.ts';
import type { Options } from '../lib/cli.ts';
import { copyRows, type Cell, type CopyConn, type CopyResult } from '../lib/copy.ts';
import type { Tree } from './tree.ts';
import { meetingsStep } from './meetings.ts';
import { pointsStep } from './points.ts';
import { gridsOf, gridsStep, wishesStep } from './wishes.ts';
import { commitmentsStep } from './commitments.ts';
import { developmentStep } from './development.ts';

/** The password of every generated account, hashed once (argon2id takes ~70 ms a hash). */
export const BENCH_PASSWORD = 'Bench#2026';
/** The reference day for ages and join dates: never the real clock, so a seed gives one result. */
export const TODAY = '2026-11-01';

export interface GenContext {
  opts: Options;
  conn: CopyConn;
  tree: Tree;
  /** Members per holder, parallel to tree.holders. */
  counts: number[];
  /** Id of the first member of each holder (members get ids 1…N in holder order). */
  firstMember: number[];
  /** Independent stream per step: adding a step never reshapes the data of another. */
  rngFor(step: string): Rng;
}

export interface Step {
  name: string;
  /** A capability not built yet: the step is listed and skipped, with this reason. */
  pending?: string;
  /**
   * Tables the step loads (all of them: on PostgreSQL a foreign key is validated once both its
   * tables are loaded). When one does not exist (a migration not merged yet) the step is skipped, not failed.
   */
  tables?: readonly string[];
  /** Tables with an identity id the step fills in: their sequences are moved past the loaded ids. */
  identities?: readonly string[];
  run?(ctx: GenContext): Promise<CopyResult[]>;
  /** Rough rows per member it loads: with parallel streams the heaviest steps start first. */
  weight?: number;
  /** A consistency check after loading (e.g. derived rows against their source); returns its time in ms. */
  check?(db: Kysely<DB>): Promise<number>;
}

const ORG_COLUMNS = ['id', 'parent_id', 'path', 'region_id', 'type', 'name', 'sort_order'] as const;
const MEMBER_COLUMNS = [
  'id', 'org_id', 'region_id', 'name', 'name_pinyin', 'name_initials', 'gender', 'birth_date', 'id_number', 'phone',
  'ethnicity', 'education', 'occupation', 'status', 'joined_on', 'full_on', 'categories',
] as const;

const orgsStep: Step = {
  name: 'orgs',
  tables: ['orgs'],
  run: async ({ opts, conn, tree }) => [await copyRows(opts.target, conn, {
    table: 'orgs', columns: ORG_COLUMNS, total: tree.orgs.length,
    rows: tree.orgs.map((o): Cell[] => [o.id, o.parentId, o.path, o.regionId, o.type, o.name, o.sortOrder]),
  })],
};

function* memberRows(ctx: GenContext, rng: Rng): Generator<Cell[]> {
  const { tree, counts } = ctx;
  const regionOf = new Map(tree.orgs.map((o) => [o.id, o.regionId]));
  const usedIds = new Set<string>();
  // Names repeat a lot (王伟, 李娜 …): caching their pinyin keys saves most of the pinyin work.
  const keys = new Map<string, { pinyin: string; initials: string }>();
  let id = 0;
  for (let i = 0; i < tree.holders.length; i++) {
    const h = tree.holders[i]!;
    for (let k = 0; k < counts[i]!; k++) {
      const m = memberProfile(rng, { today: TODAY, setting: h.setting, usedIds }, String(h.orgId), '');
      let nk = keys.get(m.name);
      if (!nk) keys.set(m.name, (nk = namePinyin(m.name)));
      yield [
        ++id, h.orgId, regionOf.get(h.orgId)!, m.name, nk.pinyin, nk.initials, m.gender, m.birthDate, m.idNumber, m.phone,
        m.ethnicity, m.education, m.occupation, m.status, m.joinedOn, m.fullOn, m.categories,
      ];
    }
  }
}

const membersStep: Step = {
  name: 'members',
  tables: ['members'],
  // One row a member, but the costliest to generate (profiles, pinyin).
  weight: 3,
  run: async (ctx) => [await copyRows(ctx.opts.target, ctx.conn, {
    table: 'members', columns: MEMBER_COLUMNS, total: ctx.opts.members, rows: memberRows(ctx, ctx.rngFor('members')),
  })],
};

/** `n` items spread evenly over a list (deterministic, no rng). */
function spread<T>(items: readonly T[], n: number): T[] {
  if (items.length <= n) return items.slice();
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)]!);
}

/**
 * Accounts for the load test, all with BENCH_PASSWORD: bench-admin (组织部管理员 of the root),
 * town/street secretaries, branch secretaries and members (党员, linked to a member row; two per
 * branch, in branches that review 微心愿).
 */
const usersStep: Step = {
  name: 'users',
  tables: ['users', 'user_roles'],
  run: async (ctx) => {
    const { tree, counts, firstMember } = ctx;
    const hash = await hashPassword(BENCH_PASSWORD);
    const users: Cell[][] = [];
    const roles: Cell[][] = [];
    const addUser = (username: string, displayName: string, role: string, orgId: number, memberId: number | null) => {
      const id = users.length + 1;
      users.push([id, username, displayName, hash, false, memberId]);
      roles.push([id, id, orgId, role]);
    };
    addUser('bench-admin', '压测组织部管理员', 'org_dept_admin', tree.orgs[0]!.id, null);
    const towns = tree.orgs.filter((o) => o.type === 'town_committee' || o.type === 'street_committee');
    spread(towns, 100).forEach((o, i) => addUser(`bench-town-${String(i + 1).padStart(3, '0')}`, `压测乡镇书记${i + 1}`, 'secretary', o.id, null));
    const filled = tree.holders.map((h, i) => ({ h, i })).filter(({ i }) => counts[i]! > 0);
    spread(filled, 300).forEach(({ h }, i) => addUser(`bench-branch-${String(i + 1).padStart(3, '0')}`, `压测支部书记${i + 1}`, 'secretary', h.orgId, null));
    // Members in pairs (two of one branch: they race for the same 微心愿 in the load test), from the
    // village 党支部 that review wishes themselves: a member's scope is their own organization, so only
    // there does 我的微心愿 list open wishes (a 网格党支部 member sees only the grid's own wishes;
    // the wish_events policy that refused a grid branch's scope was fixed 2026-11-26 and has a
    // regression test in wishes.denial.db.test.ts). Elsewhere when there are none.
    const reviewers = new Set(gridsOf(ctx, ctx.rngFor('grids')).filter((g) => g.gridOrgId === null).map((g) => g.orgId));
    const nearWishes = filled.filter(({ h, i }) => counts[i]! >= 2 && reviewers.has(h.orgId));
    spread(nearWishes.length > 0 ? nearWishes : filled, 50).flatMap(({ h, i: hi }) => [0, 1].filter((k) => k < counts[hi]!).map((k) => ({ h, m: firstMember[hi]! + k })))
      .forEach(({ h, m }, i) => addUser(`bench-member-${String(i + 1).padStart(3, '0')}`, `压测党员${i + 1}`, 'member', h.orgId, m));
    return [
      await copyRows(ctx.opts.target, ctx.conn, {
        table: 'users', columns: ['id', 'username', 'display_name', 'password_hash', 'must_change_password', 'member_id'], total: users.length, rows: users,
      }),
      await copyRows(ctx.opts.target, ctx.conn, { table: 'user_roles', columns: ['id', 'user_id', 'org_id', 'role'], total: roles.length, rows: roles }),
    ];
  },
};

/**
 * Every step, in load order: the tree, the roster and the accounts, then a year of activity per
 * capability (see bench/README.md, "Adding a generator step").
 */
export const STEPS: Step[] = [
  orgsStep,
  membersStep,
  usersStep,
  meetingsStep,
  gridsStep,
  wishesStep,
  commitmentsStep,
  developmentStep,
  pointsStep,
];
