import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { inAny, num } from './service-support.ts';

export type Side = 'community' | 'branch';

/** SQL of 双报到 and community feedback. `side` picks which end of the row the subtree filter uses. */
export function createReportsRepo(db: Kysely<DB>) {
  const under = (side: Side, path: string) => {
    const col = side === 'community' ? 'r.community_org_id' : 'r.member_org_id';
    return sql<boolean>`EXISTS (SELECT 1 FROM orgs x WHERE x.id = ${sql.ref(col)} AND ${inAny(sql.ref('x.path'), [path])})`;
  };
  return {
    find(id: string) {
      return db.selectFrom('service_reports as r')
        .leftJoin('orgs as c', 'c.id', 'r.community_org_id').leftJoin('orgs as mo', 'mo.id', 'r.member_org_id')
        .selectAll('r').select(['c.path as community_path', 'mo.path as member_org_path']).where('r.id', '=', id).executeTakeFirst();
    },
    insert(v: {
      member_id: string; member_name: string; member_org_id: string; member_org_name: string; community_org_id: string; community_name: string;
      region_id: string | null; reported_on: string; created_by: string;
    }) {
      return db.insertInto('service_reports').values(v).returning('id').executeTakeFirstOrThrow();
    },
    end(id: string, on: string) {
      return db.updateTable('service_reports').set({ status: 'ended', ended_on: sql`greatest(reported_on, ${on}::date)` }).where('id', '=', id).execute();
    },
    /** Reports of a subtree (as the community, or as the members' organization), with the year's hours and open posts. */
    list(side: Side, path: string, opts: { status: 'active' | 'ended' | 'all'; year: number; limit: number; offset: number }) {
      let qb = db.selectFrom('service_reports as r').where(under(side, path));
      if (opts.status !== 'all') qb = qb.where('r.status', '=', opts.status);
      const from = `${opts.year}-01-01`;
      const to = `${opts.year + 1}-01-01`;
      return {
        rows: () => qb.selectAll('r').select([
          sql<string>`(SELECT coalesce(sum(h.hours), 0) FROM service_hours h WHERE h.member_id = r.member_id AND h.org_id = r.community_org_id AND h.served_on >= ${from}::date AND h.served_on < ${to}::date)`.as('hours'),
          sql<string>`(SELECT count(*) FROM service_hours h WHERE h.member_id = r.member_id AND h.org_id = r.community_org_id AND h.served_on >= ${from}::date AND h.served_on < ${to}::date)`.as('person_times'),
          sql<string[]>`array(SELECT p.name FROM post_claims c JOIN service_posts p ON p.id = c.post_id WHERE c.member_id = r.member_id AND c.org_id = r.community_org_id AND c.ended_on IS NULL ORDER BY p.name)`.as('posts'),
          sql<string | null>`(SELECT f.rating FROM service_feedback f WHERE f.report_id = r.id AND f.year = ${opts.year})`.as('rating'),
          sql<string | null>`(SELECT f.note FROM service_feedback f WHERE f.report_id = r.id AND f.year = ${opts.year})`.as('rating_note'),
        ]).orderBy('r.status').orderBy('r.id', 'desc').limit(opts.limit).offset(opts.offset).execute(),
        count: async () => num((await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
      };
    },
    upsertFeedback(v: { report_id: string; member_id: string; member_org_id: string; community_org_id: string; year: number; rating: 'excellent' | 'good' | 'fair' | 'poor'; note: string | null; rated_by: string }) {
      return db.insertInto('service_feedback').values(v)
        .onConflict((oc) => oc.columns(['report_id', 'year']).doUpdateSet({ rating: v.rating, note: v.note, rated_by: v.rated_by, updated_at: new Date() }))
        .returning('id').executeTakeFirstOrThrow();
    },
    feedbackOf(reportId: string, year: number) {
      return db.selectFrom('service_feedback').selectAll().where('report_id', '=', reportId).where('year', '=', year).executeTakeFirst();
    },
    feedbackList(side: Side, path: string, year: number) {
      return db.selectFrom('service_feedback as f').innerJoin('service_reports as r', 'r.id', 'f.report_id')
        .select(['f.id', 'f.report_id', 'f.member_id', 'r.member_name', 'r.member_org_name', 'r.community_name', 'f.year', 'f.rating', 'f.note'])
        .where(under(side, path)).where('f.year', '=', year).orderBy('r.member_name').execute();
    },
  };
}
