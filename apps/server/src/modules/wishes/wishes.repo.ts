import { sql, type Expression, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { DB } from '@dangjian/db';
import { WISH_PUBLIC_STATUSES, type WishStatus } from '@dangjian/contracts';
import { pathUnder } from '../orgs/orgs.repo.ts';

type WishInsert = Insertable<DB['wishes']>;
type WishPatch = Updateable<DB['wishes']>;

/** The columns every view of a wish needs (never the token hash). */
const wishCols = [
  'w.id', 'w.org_id', 'w.village_id', 'w.grid_id', 'w.region_id', 'w.source', 'w.category', 'w.title', 'w.content', 'w.nickname',
  'w.resident_phone', 'w.status', 'w.claimant_id', 'w.claimed_at', 'w.claim_deadline', 'w.fulfil_note', 'w.fulfilled_at',
  'w.confirmed_at', 'w.reject_reason', 'w.dispute_comment', 'w.close_reason', 'w.merged_into', 'w.created_at',
  'g.name as grid_name', 'v.name as village_name', 'v.path as village_path', 'o.name as org_name', 'o.path as org_path',
  'm.name as claimant_name', 'mo.name as claimant_org_name', 'mo.path as claimant_org_path',
] as const;

/**
 * A wish lies in the subtree of `root` when its reviewing organization or its village does.
 * (The village may be hidden by row-level security from a 网格党支部's scope: then only o counts.)
 */
export const wishUnder = (root: string): Expression<SqlBool> =>
  sql<SqlBool>`(${pathUnder(sql.ref('o.path'), root)} OR coalesce(${pathUnder(sql.ref('v.path'), root)}, false))`;
export const wishInScope = (scope: readonly string[]): Expression<SqlBool> =>
  scope.length === 0 ? sql<SqlBool>`false` : sql<SqlBool>`(${sql.join(scope.map(wishUnder), sql` OR `)})`;

export interface WishListFilter { root: string; status?: WishStatus; category?: string; gridId?: string; q?: string }

/**
 * SQL of wishes, their photos, events and codes. Console callers run it inside withScope and pass
 * the scope roots (filtered explicitly as well); the public service runs it as the owner with
 * narrow, explicit conditions (public statuses only, one wish by id and token).
 */
export function createWishesRepo(db: Kysely<DB>) {
  const base = () => db.selectFrom('wishes as w')
    .innerJoin('orgs as o', 'o.id', 'w.org_id')
    .leftJoin('orgs as v', 'v.id', 'w.village_id')
    .leftJoin('grids as g', 'g.id', 'w.grid_id')
    .leftJoin('members as m', 'm.id', 'w.claimant_id')
    .leftJoin('orgs as mo', 'mo.id', 'm.org_id');
  const filtered = (f: WishListFilter, scope: readonly string[]) => {
    let qb = base().where(wishInScope(scope)).where(wishUnder(f.root));
    if (f.category) qb = qb.where('w.category', '=', f.category as never);
    if (f.gridId) qb = qb.where('w.grid_id', '=', f.gridId);
    const q = f.q?.trim();
    if (q) qb = qb.where((eb) => eb.or([eb('w.title', 'like', `%${q}%`), eb('w.content', 'like', `%${q}%`), eb('w.nickname', 'like', `%${q}%`)]));
    return qb;
  };

  return {
    /** One wish with names, inside the scope roots. */
    wishInScope(id: string, scope: readonly string[]) {
      return base().select(wishCols).where('w.id', '=', id).where(wishInScope(scope)).executeTakeFirst();
    },
    /** One wish with names, no scope filter: the public side (owner role) and the award path only. */
    wishById(id: string) {
      return base().select(wishCols).where('w.id', '=', id).executeTakeFirst();
    },
    tokenHashOf(id: string) {
      return db.selectFrom('wishes').select(['token_hash', 'status']).where('id', '=', id).executeTakeFirst();
    },

    /** The console list: a page of the filtered wishes, their total and the counts per status. */
    list(f: WishListFilter, scope: readonly string[], page: { limit: number; offset: number }) {
      const qb = f.status ? filtered(f, scope).where('w.status', '=', f.status) : filtered(f, scope);
      return {
        rows: () => qb.select(wishCols).orderBy('w.created_at', 'desc').orderBy('w.id', 'desc').limit(page.limit).offset(page.offset).execute(),
        count: async () => Number((await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
        counts: () => filtered(f, scope).select(['w.status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('w.status').execute(),
      };
    },

    /** Wishes a member sees on the phone: claimed by them, or open in their village / organization. */
    forMember(memberId: string, memberOrgPath: string, scope: readonly string[]) {
      const q = base().select(wishCols).where(wishInScope(scope));
      return {
        claimed: () => q.where('w.claimant_id', '=', memberId).where('w.status', '=', 'claimed').orderBy('w.claim_deadline').limit(50).execute(),
        done: () => q.where('w.claimant_id', '=', memberId).where('w.status', 'in', ['fulfilled', 'confirmed', 'disputed'])
          .orderBy('w.fulfilled_at', 'desc').limit(50).execute(),
        available: () => q.where('w.status', '=', 'open')
          .where(sql<SqlBool>`(${memberOrgPath}::ltree <@ o.path OR coalesce(${memberOrgPath}::ltree <@ v.path, false))`)
          .orderBy('w.created_at', 'desc').limit(100).execute(),
      };
    },

    /** The public wall of one grid or one village: public statuses only. */
    wall(where: { gridId?: string; villageId?: string }, status: WishStatus | undefined, page: { limit: number; offset: number }) {
      let qb = base().where('w.status', 'in', [...WISH_PUBLIC_STATUSES]);
      if (where.gridId) qb = qb.where('w.grid_id', '=', where.gridId);
      if (where.villageId) qb = qb.where('w.village_id', '=', where.villageId);
      const page1 = status ? qb.where('w.status', '=', status) : qb;
      return {
        rows: () => page1.select(wishCols).orderBy('w.created_at', 'desc').orderBy('w.id', 'desc').limit(page.limit).offset(page.offset).execute(),
        count: async () => Number((await page1.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
        counts: () => qb.select(['w.status', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('w.status').execute(),
      };
    },
    /** The resident's wishes by phone (lookup with a verified code). */
    byPhone(phone: string) {
      return base().select(wishCols).where('w.resident_phone', '=', phone).orderBy('w.id', 'desc').limit(50).execute();
    },
    byIds(ids: string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return base().select(wishCols).where('w.id', 'in', ids).orderBy('w.id', 'desc').execute();
    },

    photosOf(wishIds: string[]) {
      if (wishIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('wish_photos').select(['id', 'wish_id', 'kind']).where('wish_id', 'in', wishIds).orderBy('id').execute();
    },
    photoCount(wishId: string, kind: 'wish' | 'fulfil') {
      return db.selectFrom('wish_photos').select((eb) => eb.fn.countAll<string>().as('n')).where('wish_id', '=', wishId).where('kind', '=', kind)
        .executeTakeFirstOrThrow().then((r) => Number(r.n));
    },
    insertPhoto(p: Insertable<DB['wish_photos']>) {
      return db.insertInto('wish_photos').values(p).returning(['id']).executeTakeFirstOrThrow();
    },
    /** A photo with its wish's status and scope columns. */
    photo(photoId: string) {
      return db.selectFrom('wish_photos as p').innerJoin('wishes as w', 'w.id', 'p.wish_id')
        .select(['p.id', 'p.wish_id', 'p.mime', 'p.data', 'w.status']).where('p.id', '=', photoId).executeTakeFirst();
    },

    eventsOf(wishId: string) {
      return db.selectFrom('wish_events as e').select(['e.id', 'e.kind', 'e.note', 'e.at', 'e.actor_name']).where('e.wish_id', '=', wishId).orderBy('e.id').execute();
    },
    addEvent(e: Insertable<DB['wish_events']>) {
      return db.insertInto('wish_events').values(e).execute();
    },

    insertWish(w: WishInsert) {
      return db.insertInto('wishes').values(w).returning(['id']).executeTakeFirstOrThrow();
    },
    /**
     * Moves a wish from one of `from` to a new state in one conditional UPDATE, so two concurrent
     * writers cannot both succeed (the second finds the status changed). Returns the id or undefined.
     */
    async transition(id: string, from: readonly WishStatus[], patch: WishPatch) {
      const r = await db.updateTable('wishes').set(patch).where('id', '=', id).where('status', 'in', [...from]).returning(['id']).executeTakeFirst();
      return r?.id;
    },
    setTokenHash(id: string, tokenHash: string) {
      return db.updateTable('wishes').set({ token_hash: tokenHash }).where('id', '=', id).execute();
    },
    /**
     * Releases claims past their deadline (status back to open) and returns what was released.
     * Runs under whatever role the caller holds: in a scoped transaction only visible rows move.
     */
    releaseOverdue(now: Date, wishId?: string) {
      let qb = db.updateTable('wishes').set({ status: 'open', claimant_id: null, claimed_at: null, claim_deadline: null, updated_at: now })
        .where('status', '=', 'claimed').where('claim_deadline', '<', now);
      if (wishId) qb = qb.where('id', '=', wishId);
      return qb.returning(['id', 'org_id', 'claimant_id']).execute();
    },

    /** The grid and the organizations a new wish belongs to (owner role or in scope, by the caller). */
    gridForWish(gridId: string) {
      return db.selectFrom('grids as g').innerJoin('orgs as v', 'v.id', 'g.org_id').leftJoin('orgs as go', 'go.id', 'g.grid_org_id')
        .select(['g.id', 'g.name', 'g.org_id as village_id', 'g.grid_org_id', 'v.name as village_name', 'v.path as village_path', 'v.region_id',
          'go.path as grid_org_path'])
        .where('g.id', '=', gridId).where('v.status', '=', 'active').executeTakeFirst();
    },
    /** Grids a resident can pick, with their village names (public columns only). */
    publicGrids(q: string | undefined, villageId: string | undefined) {
      let qb = db.selectFrom('grids as g').innerJoin('orgs as v', 'v.id', 'g.org_id')
        .select(['g.id', 'g.name', 'v.id as village_id', 'v.name as village_name']).where('v.status', '=', 'active');
      if (villageId) qb = qb.where('v.id', '=', villageId);
      const t = q?.trim();
      if (t) qb = qb.where((eb) => eb.or([eb('g.name', 'like', `%${t}%`), eb('v.name', 'like', `%${t}%`)]));
      return qb.orderBy('v.name').orderBy('g.name').orderBy('g.id').limit(100).execute();
    },

    /** The member record of a user, with the path of its organization. */
    async memberOfUser(userId: string) {
      return db.selectFrom('users as u').innerJoin('members as m', 'm.id', 'u.member_id').innerJoin('orgs as mo', 'mo.id', 'm.org_id')
        .select(['m.id', 'm.name', 'm.org_id', 'mo.path as org_path']).where('u.id', '=', userId).executeTakeFirst();
    },
    memberById(memberId: string) {
      return db.selectFrom('members as m').innerJoin('orgs as mo', 'mo.id', 'm.org_id')
        .select(['m.id', 'm.name', 'm.org_id', 'mo.path as org_path']).where('m.id', '=', memberId).executeTakeFirst();
    },

    /** The points awarded per wish (award minus reversal; null when none or reversed to nothing). */
    async pointsOf(wishIds: string[]): Promise<Map<string, number>> {
      if (wishIds.length === 0) return new Map();
      const rows = await db.selectFrom('points_entries').select(['source_id', sql<number>`sum(delta)::int`.as('n')])
        .where('source_type', '=', 'wish').where('rule_code', '=', 'wish_fulfilled').where('kind', 'in', ['award', 'reversal'])
        .where('source_id', 'in', wishIds).groupBy('source_id').execute();
      return new Map(rows.filter((r) => r.n > 0).map((r) => [r.source_id!, r.n]));
    },

    // ---- verification codes (owner role only) ----
    lastCode(phoneHash: string) {
      return db.selectFrom('wish_codes').selectAll().where('phone_hash', '=', phoneHash).orderBy('id', 'desc').limit(1).executeTakeFirst();
    },
    insertCode(c: Insertable<DB['wish_codes']>) {
      return db.insertInto('wish_codes').values(c).execute();
    },
    countAttempt(id: string) {
      return db.updateTable('wish_codes').set((eb) => ({ attempts: eb('attempts', '+', 1) })).where('id', '=', id).execute();
    },
    /** Marks a code used, once: a second use of the same code finds used_at set. */
    async useCode(id: string, at: Date) {
      const r = await db.updateTable('wish_codes').set({ used_at: at }).where('id', '=', id).where('used_at', 'is', null).returning('id').executeTakeFirst();
      return !!r;
    },
  };
}

export type WishesRepo = ReturnType<typeof createWishesRepo>;
export type WishRow = NonNullable<Awaited<ReturnType<WishesRepo['wishById']>>>;
