import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '@dangjian/db';
import type { PointRule } from '@dangjian/contracts';
import { pathUnder } from '../orgs/orgs.repo.ts';

export interface PointsMemberRow { id: string; name: string; org_id: string; region_id: string | null; org_name: string; org_path: string }
const memberCols = ['m.id', 'm.name', 'm.org_id', 'm.region_id', 'o.name as org_name', 'o.path as org_path'] as const;
/** Inside any of the scope roots (callers return early on an empty scope). */
const inAny = (scope: readonly string[]) => sql<SqlBool>`(${sql.join(scope.map((root) => pathUnder(sql.ref('o.path'), root)), sql` OR `)})`;

/** The organization ids on a path, root first: paths are made of ids. */
export const idsOnPath = (path: string) => path.split('.');
/** Deeper on the path = nearer ancestor; -1 for the default (org_id null). */
const depthOn = (path: string, orgId: string | null) => (orgId === null ? -1 : idsOnPath(path).indexOf(orgId));

/** SQL of settings, rules, members and balances. Callers pass scope roots; RLS applies beneath. */
export function createPointsRepo(db: Kysely<DB>) {
  return {
    memberRow(id: string): Promise<PointsMemberRow | undefined> {
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select(memberCols).where('m.id', '=', id).executeTakeFirst();
    },
    memberInScope(id: string, scope: readonly string[]): Promise<PointsMemberRow | undefined> {
      if (scope.length === 0) return Promise.resolve(undefined);
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select(memberCols).where('m.id', '=', id).where(inAny(scope)).executeTakeFirst();
    },
    orgInScope(id: string, scope: readonly string[]) {
      if (scope.length === 0) return Promise.resolve(undefined);
      return db.selectFrom('orgs as o').select(['o.id', 'o.name', 'o.path']).where('o.id', '=', id).where(inAny(scope)).executeTakeFirst();
    },
    async memberIdOfUser(userId: string): Promise<string | null> {
      return (await db.selectFrom('users').select('member_id').where('id', '=', userId).executeTakeFirst())?.member_id ?? null;
    },

    /** The switch in force for an organization: the nearest ancestor's row, or on by default. */
    async settingsFor(path: string) {
      const rows = await db.selectFrom('points_settings').selectAll().where('org_id', 'in', idsOnPath(path)).execute();
      const row = rows.sort((a, b) => depthOn(path, b.org_id) - depthOn(path, a.org_id))[0];
      return { enabled: row?.enabled ?? true, rankingEnabled: row?.ranking_enabled ?? true, fromOrgId: row?.org_id ?? null };
    },
    upsertSettings(orgId: string, enabled: boolean, rankingEnabled: boolean, userId: string) {
      return db.insertInto('points_settings').values({ org_id: orgId, enabled, ranking_enabled: rankingEnabled, updated_by: userId })
        .onConflict((oc) => oc.column('org_id').doUpdateSet({ enabled, ranking_enabled: rankingEnabled, updated_by: userId, updated_at: new Date() })).execute();
    },

    /** Rules in force on `day` for an organization: per code, the nearest ancestor's row wins. */
    async rulesFor(path: string, day: string): Promise<PointRule[]> {
      const rows = await db.selectFrom('point_rules').selectAll()
        .where((eb) => eb.or([eb('org_id', 'is', null), eb('org_id', 'in', idsOnPath(path))]))
        .where((eb) => eb.or([eb('effective_from', 'is', null), eb('effective_from', '<=', day)]))
        .where((eb) => eb.or([eb('effective_to', 'is', null), eb('effective_to', '>=', day)]))
        .orderBy('sort_order').orderBy('id').execute();
      const byCode = new Map<string, (typeof rows)[number]>();
      for (const r of rows) {
        const seen = byCode.get(r.code);
        if (!seen || depthOn(path, r.org_id) > depthOn(path, seen.org_id)) byCode.set(r.code, r);
      }
      return [...byCode.values()].map((r) => ({
        code: r.code, label: r.label, points: r.points, category: r.category, active: r.active,
        effectiveFrom: r.effective_from, effectiveTo: r.effective_to, fromOrgId: r.org_id,
      }));
    },
    findLocalRule(orgId: string, code: string) {
      return db.selectFrom('point_rules').selectAll().where('org_id', '=', orgId).where('code', '=', code).executeTakeFirst();
    },

    awardFor(sourceType: string, sourceId: string, ruleCode: string) {
      return db.selectFrom('points_entries').selectAll().where('kind', '=', 'award')
        .where('source_type', '=', sourceType).where('source_id', '=', sourceId).where('rule_code', '=', ruleCode).executeTakeFirst();
    },
    async balanceOf(memberId: string): Promise<number> {
      return (await db.selectFrom('points_balances').select('balance').where('member_id', '=', memberId).executeTakeFirst())?.balance ?? 0;
    },
    entriesOf(memberId: string, limit = 200) {
      return db.selectFrom('points_entries').selectAll().where('member_id', '=', memberId).orderBy('id', 'desc').limit(limit).execute();
    },

    /** Members of a subtree with their balances, in roster order. */
    membersUnder(path: string, opts: { q?: string; limit: number; offset: number }) {
      let qb = db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').leftJoin('points_balances as b', 'b.member_id', 'm.id')
        .where(pathUnder(sql.ref('o.path'), path));
      const q = opts.q?.trim();
      if (q) qb = qb.where((eb) => eb.or([eb('m.name', 'like', `%${q}%`), eb('m.name_pinyin', 'like', `%${q.toLowerCase()}%`)]));
      return {
        rows: () => qb.select(['m.id', 'm.name', 'o.name as org_name', sql<number>`coalesce(b.balance, 0)`.as('balance')])
          .orderBy('m.name_pinyin').orderBy('m.id').limit(opts.limit).offset(opts.offset).execute(),
        count: async () => Number((await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
      };
    },

    /** 积分榜: earned points per member of a subtree over [from, to) months, from the monthly summary. */
    leaderboard(path: string, from: string, to: string, limit: number) {
      return this.leaderboardQuery(path, from, to, limit).execute();
    },
    leaderboardQuery(path: string, from: string, to: string, limit: number) {
      return db.selectFrom('points_monthly as s').innerJoin('members as m', 'm.id', 's.member_id').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .where(pathUnder(sql.ref('o.path'), path)).where('s.period', '>=', from).where('s.period', '<', to)
        .groupBy(['m.id', 'm.name', 'o.name', 'm.name_pinyin'])
        .select(['m.id', 'm.name', 'o.name as org_name', sql<number>`sum(s.earned)::int`.as('earned')])
        .having(sql`sum(s.earned)`, '>', 0)
        .orderBy('earned', 'desc').orderBy('m.name_pinyin').limit(limit);
    },
  };
}
