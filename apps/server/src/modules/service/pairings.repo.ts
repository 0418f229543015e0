import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { inAny, num } from './service-support.ts';

const pairingQuery = (db: Kysely<DB>) => db.selectFrom('pairings as p').innerJoin('orgs as o', 'o.id', 'p.org_id').leftJoin('members as m', 'm.id', 'p.member_id')
  .selectAll('p').select(['o.name as org_name', 'o.path as org_path', 'm.name as member_name',
    sql<string>`(SELECT count(*) FROM pairing_visits v WHERE v.pairing_id = p.id)`.as('visits'),
    sql<string | null>`(SELECT max(v.visited_on)::text FROM pairing_visits v WHERE v.pairing_id = p.id)`.as('last_visit_on')]);
export type PairingRow = Awaited<ReturnType<ReturnType<typeof pairingQuery>['executeTakeFirstOrThrow']>>;

/** SQL of 结对帮扶 pairings and their visit log. */
export function createPairingsRepo(db: Kysely<DB>) {
  return {
    find(id: string) {
      return pairingQuery(db).where('p.id', '=', id).executeTakeFirst();
    },
    list(path: string, opts: { q?: string; status: 'active' | 'ended' | 'all'; limit: number; offset: number }) {
      let qb = db.selectFrom('pairings as p').innerJoin('orgs as o', 'o.id', 'p.org_id').leftJoin('members as m', 'm.id', 'p.member_id')
        .where(inAny(sql.ref('o.path'), [path]));
      if (opts.status === 'active') qb = qb.where('p.ended_on', 'is', null);
      if (opts.status === 'ended') qb = qb.where('p.ended_on', 'is not', null);
      const q = opts.q?.trim();
      if (q) qb = qb.where((eb) => eb.or([eb('p.household_name', 'like', `%${q}%`), eb('m.name', 'like', `%${q}%`), eb('p.address', 'like', `%${q}%`)]));
      return {
        ids: async () => (await qb.select('p.id').orderBy('p.id', 'desc').limit(opts.limit).offset(opts.offset).execute()).map((r) => r.id),
        count: async () => num((await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
      };
    },
    byIds(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return pairingQuery(db).where('p.id', 'in', ids).orderBy('p.id', 'desc').execute();
    },
    ofMember(memberId: string) {
      return pairingQuery(db).where('p.member_id', '=', memberId).where('p.ended_on', 'is', null).orderBy('p.id', 'desc').execute();
    },
    insert(v: { org_id: string; region_id: string | null; member_id: string | null; household_name: string; address: string; hardship_kind: PairingRow['hardship_kind']; phone: string | null; note: string | null; started_on: string; created_by: string }) {
      return db.insertInto('pairings').values(v).returning('id').executeTakeFirstOrThrow();
    },
    update(id: string, v: Partial<{ member_id: string | null; household_name: string; address: string; hardship_kind: PairingRow['hardship_kind']; phone: string | null; note: string | null; started_on: string; ended_on: string | null }>) {
      return db.updateTable('pairings').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
    },
    visits(pairingId: string) {
      return db.selectFrom('pairing_visits').select(['id', 'pairing_id', 'visited_on', 'content', 'recorded_by_name', sql<boolean>`photo IS NOT NULL`.as('has_photo')])
        .where('pairing_id', '=', pairingId).orderBy('visited_on', 'desc').orderBy('id', 'desc').execute();
    },
    insertVisit(v: { pairing_id: string; org_id: string; region_id: string | null; visited_on: string; content: string; recorded_by: string; recorded_by_name: string }) {
      return db.insertInto('pairing_visits').values(v).returning(['id', 'pairing_id', 'visited_on', 'content', 'recorded_by_name', sql<boolean>`photo IS NOT NULL`.as('has_photo')]).executeTakeFirstOrThrow();
    },
    visit(pairingId: string, id: string) {
      return db.selectFrom('pairing_visits').selectAll().where('pairing_id', '=', pairingId).where('id', '=', id).executeTakeFirst();
    },
    setPhoto(id: string, mime: string | null, data: Buffer | null) {
      return db.updateTable('pairing_visits').set({ photo: data, photo_mime: mime }).where('id', '=', id).execute();
    },
  };
}
