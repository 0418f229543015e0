import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';

/** SQL of study items 学习资料 and their reads. RLS (study_org_visible) filters beneath. */
export function createStudyItemsRepo(db: Kysely<DB>) {
  const visible = () => db.selectFrom('study_items as i').selectAll('i')
    .select([sql<string>`study_org_path(i.org_id)`.as('org_path'), sql<string>`study_org_name(i.org_id)`.as('org_name')])
    .where(sql<boolean>`study_org_visible(i.org_id)`);
  return {
    async insert(row: Insertable<DB['study_items']>): Promise<string> {
      return (await db.insertInto('study_items').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    /** Items in or above the caller's scope, newest first (the app role's RLS decides which). */
    list: (limit: number, offset: number) => visible().orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(limit).offset(offset).execute(),
    async count(): Promise<number> {
      const r = await db.selectFrom('study_items as i').select((eb) => eb.fn.countAll<string>().as('n')).where(sql<boolean>`study_org_visible(i.org_id)`).executeTakeFirst();
      return Number(r?.n ?? 0);
    },
    find: (id: string) => visible().where('i.id', '=', id).executeTakeFirst(),

    readsOf(memberId: string, itemIds: readonly string[]) {
      if (itemIds.length === 0 || !memberId) return Promise.resolve([]);
      return db.selectFrom('study_item_reads').select(['item_id', 'read_count', 'first_read_at']).where('member_id', '=', memberId).where('item_id', 'in', [...itemIds]).execute();
    },

    /** Records one read: the first read sets first_read_at, every read adds one to the count. */
    recordRead(itemId: string, memberId: string, orgId: string, at: Date) {
      return db.insertInto('study_item_reads')
        .values({ item_id: itemId, member_id: memberId, org_id: orgId, first_read_at: at, last_read_at: at, read_count: 1 })
        .onConflict((oc) => oc.columns(['item_id', 'member_id']).doUpdateSet({ last_read_at: at, read_count: sql<number>`study_item_reads.read_count + 1` }))
        .returning(['read_count', 'first_read_at']).executeTakeFirstOrThrow();
    },

    /** Per organization of the subtree at `path`: members, distinct readers and reads of one item. */
    reachByOrg(itemId: string, path: string) {
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .leftJoin('study_item_reads as r', (j) => j.onRef('r.member_id', '=', 'm.id').on('r.item_id', '=', itemId))
        .select(['o.id', 'o.name', (eb) => eb.fn.countAll<string>().as('members'), (eb) => eb.fn.count<string>('r.member_id').as('readers'),
          sql<string>`coalesce(sum(r.read_count), 0)`.as('reads')])
        .where(sql<boolean>`o.path <@ ${path}::ltree`).groupBy(['o.id', 'o.name', 'o.path']).orderBy('o.path').execute();
    },
  };
}
