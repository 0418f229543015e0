import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import type { ServicePost } from '@dangjian/contracts';
import { inAny, num } from './service-support.ts';

/** A post with its offering organization's name (null when RLS hides it) and its service totals. */
const postQuery = (db: Kysely<DB>) => db.selectFrom('service_posts as p').leftJoin('orgs as o', 'o.id', 'p.org_id')
  .select(['p.id', 'p.org_id', 'p.region_id', 'p.name', 'p.kind', 'p.audience', 'p.description', 'p.capacity', 'p.claimed', 'p.active', 'o.name as org_name', 'o.path as org_path'])
  .select([
    sql<string>`(SELECT count(*) FROM service_hours h WHERE h.post_id = p.id)`.as('person_times'),
    sql<string>`(SELECT coalesce(sum(h.hours), 0) FROM service_hours h WHERE h.post_id = p.id)`.as('hours'),
  ]);
export type PostRow = Awaited<ReturnType<ReturnType<typeof postQuery>['executeTakeFirstOrThrow']>>;

export function toPost(r: PostRow, orgName?: string): ServicePost {
  return {
    id: r.id, orgId: r.org_id, orgName: r.org_name ?? orgName ?? '报到社区', name: r.name, kind: r.kind, audience: r.audience,
    description: r.description, capacity: r.capacity, claimed: r.claimed, active: r.active, personTimes: num(r.person_times), hours: num(r.hours),
  };
}

/** SQL of service posts and their claims. Callers pass scope roots; RLS applies beneath. */
export function createPostsRepo(db: Kysely<DB>) {
  return {
    /** A post visible to the transaction (its subtree, or a community the scope's members reported to). */
    find(id: string) {
      return postQuery(db).where('p.id', '=', id).executeTakeFirst();
    },
    /** Posts offered in a subtree, newest first. */
    listUnder(path: string, opts: { q?: string; active?: boolean; limit: number; offset: number }) {
      let qb = db.selectFrom('service_posts as p').innerJoin('orgs as o', 'o.id', 'p.org_id').where(inAny(sql.ref('o.path'), [path]));
      if (opts.q?.trim()) qb = qb.where('p.name', 'like', `%${opts.q.trim()}%`);
      if (opts.active !== undefined) qb = qb.where('p.active', '=', opts.active);
      return {
        ids: async () => (await qb.select('p.id').orderBy('p.active', 'desc').orderBy('p.id', 'desc').limit(opts.limit).offset(opts.offset).execute()).map((r) => r.id),
        count: async () => num((await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
      };
    },
    byIds(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return postQuery(db).where('p.id', 'in', ids).orderBy('p.active', 'desc').orderBy('p.id', 'desc').execute();
    },
    /** Active posts a member may take: offered in the member's scope or by the reported community. */
    forMember(scope: readonly string[], communityId: string | null) {
      return postQuery(db).where('p.active', '=', true)
        .where((eb) => eb.or([inAny(sql.ref('o.path'), scope), ...(communityId ? [eb('p.org_id', '=', communityId)] : [])]))
        .orderBy('p.org_id').orderBy('p.id').execute();
    },
    insert(v: { org_id: string; region_id: string | null; name: string; kind: PostRow['kind']; audience: PostRow['audience']; description: string | null; capacity: number; created_by: string }) {
      return db.insertInto('service_posts').values(v).returning('id').executeTakeFirstOrThrow();
    },
    update(id: string, v: Partial<{ name: string; kind: PostRow['kind']; audience: PostRow['audience']; description: string | null; capacity: number; active: boolean }>) {
      return db.updateTable('service_posts').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
    },
    remove(id: string) {
      return db.deleteFrom('service_posts').where('id', '=', id).execute();
    },
    /** Whether anyone ever claimed or served on the post. */
    async inUse(id: string) {
      const c = await db.selectFrom('post_claims').select('id').where('post_id', '=', id).limit(1).executeTakeFirst();
      const h = await db.selectFrom('service_hours').select('id').where('post_id', '=', id).limit(1).executeTakeFirst();
      return !!(c || h);
    },
    /**
     * Takes a place: one conditional UPDATE, so the row lock serializes concurrent claimers and
     * the second re-reads `claimed` after the first commits. Undefined when the post is full.
     */
    takePlace(id: string) {
      return db.updateTable('service_posts').set({ claimed: sql`claimed + 1` }).where('id', '=', id)
        .where(sql<boolean>`claimed < capacity`).returning('claimed').executeTakeFirst();
    },
    releasePlace(id: string) {
      return db.updateTable('service_posts').set({ claimed: sql`claimed - 1` }).where('id', '=', id).where('claimed', '>', 0).execute();
    },
    openClaim(postId: string, memberId: string) {
      return db.selectFrom('post_claims').selectAll().where('post_id', '=', postId).where('member_id', '=', memberId).where('ended_on', 'is', null).executeTakeFirst();
    },
    insertClaim(v: { post_id: string; org_id: string; region_id: string | null; member_id: string; member_name: string; member_org_id: string; member_org_name: string; claimed_on: string; assigned_by: string | null }) {
      return db.insertInto('post_claims').values(v).returningAll().executeTakeFirstOrThrow();
    },
    endClaim(id: string, on: string) {
      return db.updateTable('post_claims').set({ ended_on: sql`greatest(claimed_on, ${on}::date)` }).where('id', '=', id).execute();
    },
    claimsOf(postId: string) {
      return db.selectFrom('post_claims as c').innerJoin('service_posts as p', 'p.id', 'c.post_id').selectAll('c').select('p.name as post_name')
        .where('c.post_id', '=', postId).orderBy(sql`c.ended_on IS NULL`, 'desc').orderBy('c.id', 'desc').execute();
    },
    openClaimsOfMember(memberId: string) {
      return db.selectFrom('post_claims').select(['id', 'post_id', 'org_id']).where('member_id', '=', memberId).where('ended_on', 'is', null).execute();
    },
  };
}
