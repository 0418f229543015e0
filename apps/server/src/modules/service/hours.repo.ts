import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { inAny, num, type yearRange } from './service-support.ts';
import type { Side } from './reports.repo.ts';

type Range = ReturnType<typeof yearRange>;
/** Net points of a log (awards less reversals), as far as the scope sees the member's ledger. */
const pointsOfLog = sql<string>`(SELECT coalesce(sum(e.delta), 0) FROM points_entries e WHERE e.source_type = 'service_hours' AND e.source_id LIKE h.id::text || ':%')`.as('points');

/** SQL of the service hours log and its totals (hours and person-times 人次 = logged services). */
export function createHoursRepo(db: Kysely<DB>) {
  const base = (side: Side, path: string, range: Range) => {
    const col = side === 'community' ? 'h.org_id' : 'h.member_org_id';
    return db.selectFrom('service_hours as h')
      .where(sql<boolean>`EXISTS (SELECT 1 FROM orgs x WHERE x.id = ${sql.ref(col)} AND ${inAny(sql.ref('x.path'), [path])})`)
      .where('h.served_on', '>=', range.from).where('h.served_on', '<', range.to);
  };
  return {
    insert(v: {
      org_id: string; region_id: string | null; member_id: string; member_name: string; member_org_id: string; member_org_name: string;
      post_id: string | null; served_on: string; hours: number; content: string; recorded_by: string;
    }) {
      return db.insertInto('service_hours').values(v).returningAll().executeTakeFirstOrThrow();
    },
    find(id: string) {
      return db.selectFrom('service_hours as h').leftJoin('orgs as o', 'o.id', 'h.org_id').leftJoin('orgs as mo', 'mo.id', 'h.member_org_id')
        .selectAll('h').select(['o.path as org_path', 'mo.path as member_org_path']).where('h.id', '=', id).executeTakeFirst();
    },
    remove(id: string) {
      return db.deleteFrom('service_hours').where('id', '=', id).execute();
    },
    list(side: Side, path: string, range: Range, opts: { memberId?: string; limit: number; offset: number }) {
      let qb = base(side, path, range);
      if (opts.memberId) qb = qb.where('h.member_id', '=', opts.memberId);
      return {
        rows: () => qb.leftJoin('service_posts as p', 'p.id', 'h.post_id').selectAll('h').select(['p.name as post_name', pointsOfLog])
          .orderBy('h.served_on', 'desc').orderBy('h.id', 'desc').limit(opts.limit).offset(opts.offset).execute(),
        count: async () => num((await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
      };
    },
    /** One line per member: hours and person-times in the range, most hours first. */
    byMember(side: Side, path: string, range: Range) {
      return base(side, path, range)
        .select(['h.member_id', sql<string>`min(h.member_name)`.as('member_name'), sql<string>`min(h.member_org_name)`.as('member_org_name'),
          sql<string>`sum(h.hours)`.as('hours'), sql<string>`count(*)`.as('person_times')])
        .groupBy('h.member_id').orderBy(sql`sum(h.hours)`, 'desc').orderBy(sql`min(h.member_name)`).execute();
    },
    /** One line per organization served. Its name comes from the orgs the scope sees, else a report's snapshot. */
    byCommunity(side: Side, path: string, range: Range) {
      return base(side, path, range).leftJoin('orgs as o', 'o.id', 'h.org_id')
        .select(['h.org_id', sql<string | null>`min(o.name)`.as('org_name'),
          sql<string | null>`(SELECT min(r.community_name) FROM service_reports r WHERE r.community_org_id = h.org_id)`.as('snapshot_name'),
          sql<string>`sum(h.hours)`.as('hours'), sql<string>`count(*)`.as('person_times')])
        .groupBy('h.org_id').orderBy(sql`sum(h.hours)`, 'desc').execute();
    },
    /** The member's own log (as seen from their scope), newest first. */
    ofMember(memberId: string, range: Range) {
      return db.selectFrom('service_hours as h').leftJoin('service_posts as p', 'p.id', 'h.post_id').selectAll('h').select(['p.name as post_name', pointsOfLog])
        .where('h.member_id', '=', memberId).where('h.served_on', '>=', range.from).where('h.served_on', '<', range.to)
        .orderBy('h.served_on', 'desc').orderBy('h.id', 'desc').execute();
    },
  };
}
