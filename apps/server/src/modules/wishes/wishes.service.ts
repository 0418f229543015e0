import { sql, type Kysely, type SqlBool } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  WISH_LIMITS, type MyWishesResponse, type Wish, type WishClaimRequest, type WishConfirmRequest, type WishCreateRequest, type WishDetail,
  type WishListQuery, type WishListResponse, type WishMergeRequest, type WishReviewRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { can, isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { pathUnder } from '../orgs/orgs.repo.ts';
import { reversePoints } from '../points/points-ledger.ts';
import { answerWish, auditWish, releaseOverdue, type WishActor } from './wishes-lifecycle.ts';
import { createWishesRepo, type WishRow } from './wishes.repo.ts';
import { toEvent, toWish } from './wishes-view.ts';
import { storeWishPhoto } from './wish-photos.ts';

/** Reviewing, merging, naming a claimant, confirming and closing: the branch's secretaries and 组织委员 (and the committees above). */
export const WISH_MANAGE = 'members:write' as const;
/** Seeing wishes and claiming one for oneself: any member of the subtree. */
export const WISH_READ = 'members:read' as const;
const DAY = 86_400_000;

const who = (a: Actor): WishActor => ({ userId: a.userId, name: a.displayName, ip: a.ip });
const notFound = (id: string) => new AppError('NOT_FOUND', { details: { entity: 'wish', id } });

/** Manages the wish: holds WISH_MANAGE over its reviewing organization or its village. */
export const manages = (a: Actor, w: Pick<WishRow, 'org_path' | 'village_path'>) =>
  can(a, WISH_MANAGE, w.org_path) || (!!w.village_path && can(a, WISH_MANAGE, w.village_path));
/** The full resident phone: only a secretary granted on the wish's organization or its village. */
const revealsPhone = (a: Actor, w: Pick<WishRow, 'org_id' | 'village_id'>) =>
  a.roles.some((r) => r.role === 'secretary' && (r.orgId === w.org_id || r.orgId === w.village_id));
/**
 * Who may claim: a member whose organization lies in the wish's village subtree or in the
 * reviewing organization's subtree (a village's members serve all its grids).
 */
const mayClaim = (memberOrgPath: string, w: Pick<WishRow, 'org_path' | 'village_path'>) =>
  isUnder(memberOrgPath, w.org_path) || (!!w.village_path && isUnder(memberOrgPath, w.village_path));

/**
 * The console side of 微心愿 (F1). Every call runs in withScope() with the caller's scope and
 * filters on it explicitly too; every write is one conditional UPDATE on the status (so two
 * concurrent writers cannot both win), an event and an audit entry, in one transaction.
 * Overdue claims are released lazily (with the injected clock) before lists, claims and views.
 * @example await wishes.claim(actor, wishId, {}); // the signed-in member claims for themself
 */
export function createWishesService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  const db = deps.db;

  async function view(trx: Kysely<DB>, actor: Actor, rows: WishRow[]): Promise<Wish[]> {
    const repo = createWishesRepo(trx);
    const ids = rows.map((r) => r.id);
    const [photos, points] = await Promise.all([repo.photosOf(ids), repo.pointsOf(ids)]);
    return rows.map((r) => toWish(r, photos, points, revealsPhone(actor, r)));
  }
  const load = async (trx: Kysely<DB>, id: string, scope: string[]) => {
    const w = await createWishesRepo(trx).wishInScope(id, scope);
    if (!w) throw notFound(id);
    return w;
  };
  const orgOr404 = async (trx: Kysely<DB>, orgId: string, scope: string[]) => {
    const org = scope.length === 0 ? undefined : await trx.selectFrom('orgs as o').select(['o.id', 'o.name', 'o.path']).where('o.id', '=', orgId)
      .where(sql<SqlBool>`(${sql.join(scope.map((r) => pathUnder(sql.ref('o.path'), r)), sql` OR `)})`).executeTakeFirst();
    if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
    return org;
  };
  /** Runs a write on one wish as a manager (or, with `allow`, another check) and returns the wish after it. */
  async function write(actor: Actor, id: string, perm: typeof WISH_MANAGE | typeof WISH_READ,
    fn: (trx: Kysely<DB>, w: WishRow, scope: string[]) => Promise<void>): Promise<Wish> {
    const scope = scopeFor(actor, perm);
    return withScope(db, scope, async (trx) => {
      await releaseOverdue(trx, clock(), id);
      const w = await load(trx, id, scope);
      if (perm === WISH_MANAGE && !manages(actor, w)) throw notFound(id);
      await fn(trx, w, scope);
      return (await view(trx, actor, [await load(trx, id, scope)]))[0]!;
    });
  }
  const state = (w: WishRow) => new AppError('WISH_STATE', { details: { status: w.status } });
  /** The claimant (the signed-in member) or a manager of the wish. */
  function claimantOrManager(actor: Actor, w: WishRow, me: { id: string } | undefined) {
    if (manages(actor, w)) return;
    if (!me || me.id !== w.claimant_id) throw new AppError('WISH_NOT_CLAIMANT');
  }
  /** The signed-in user's member record, read before the scoped transaction (one connection on PGlite). */
  const memberOf = (actor: Actor) => createWishesRepo(db).memberOfUser(actor.userId);

  return {
    async list(actor: Actor, q: WishListQuery): Promise<WishListResponse> {
      const scope = scopeFor(actor, WISH_MANAGE);
      return withScope(db, scope, async (trx) => {
        const org = await orgOr404(trx, q.orgId, scope);
        await releaseOverdue(trx, clock());
        const list = createWishesRepo(trx).list({ root: org.path, status: q.status, category: q.category, gridId: q.gridId, q: q.q }, scope,
          { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const [rows, total, counts] = await Promise.all([list.rows(), list.count(), list.counts()]);
        return {
          items: await view(trx, actor, rows), total, page: q.page, pageSize: q.pageSize,
          counts: Object.fromEntries(counts.map((c) => [c.status, Number(c.n)])),
        };
      });
    },

    /** The filtered list for Excel (up to 5,000 rows) with the organization's name. */
    async exportRows(actor: Actor, q: Omit<WishListQuery, 'page' | 'pageSize'>) {
      const scope = scopeFor(actor, WISH_MANAGE);
      return withScope(db, scope, async (trx) => {
        const org = await orgOr404(trx, q.orgId, scope);
        const rows = await createWishesRepo(trx).list({ root: org.path, status: q.status, category: q.category, gridId: q.gridId, q: q.q }, scope,
          { limit: 5000, offset: 0 }).rows();
        return { orgName: org.name, items: await view(trx, actor, rows) };
      });
    },

    async detail(actor: Actor, id: string): Promise<WishDetail> {
      const scope = scopeFor(actor, WISH_READ);
      return withScope(db, scope, async (trx) => {
        await releaseOverdue(trx, clock(), id);
        const w = await load(trx, id, scope);
        const events = await createWishesRepo(trx).eventsOf(id);
        return { ...(await view(trx, actor, [w]))[0]!, events: events.map(toEvent) };
      });
    },

    /** A photo of a wish in the caller's scope (any status). */
    async photo(actor: Actor, id: string, photoId: string) {
      const scope = scopeFor(actor, WISH_READ);
      return withScope(db, scope, async (trx) => {
        await load(trx, id, scope);
        const p = await createWishesRepo(trx).photo(photoId);
        if (!p || p.wish_id !== id) throw new AppError('NOT_FOUND', { details: { entity: 'wish_photo', id: photoId } });
        return { mime: p.mime, data: Buffer.from(p.data) };
      });
    },

    /** The branch records a wish brought in person or by phone: open at once. */
    async create(actor: Actor, body: WishCreateRequest): Promise<Wish> {
      const scope = scopeFor(actor, WISH_MANAGE);
      return withScope(db, scope, async (trx) => {
        const repo = createWishesRepo(trx);
        const g = await repo.gridForWish(body.gridId);
        const orgPath = g ? (g.grid_org_path ?? g.village_path) : null;
        if (!g || !orgPath || !manages(actor, { org_path: orgPath, village_path: g.village_path })) {
          throw new AppError('WISH_GRID_NOT_FOUND', { details: { field: 'gridId' } });
        }
        const now = clock();
        const orgId = g.grid_org_id ?? g.village_id;
        const w = await repo.insertWish({
          org_id: orgId, village_id: g.village_id, grid_id: g.id, region_id: g.region_id, source: 'console', category: body.category,
          title: body.title, content: body.content, nickname: body.nickname || null, resident_phone: body.residentPhone ?? null,
          token_hash: null, status: 'open', created_by: actor.userId, created_at: now, updated_at: now,
        });
        await repo.addEvent({ wish_id: w.id, kind: 'posted', actor: actor.userId, actor_name: actor.displayName, note: '支部代为登记', at: now });
        await auditWish(trx, who(actor), 'wish.create', { id: w.id, org_id: orgId }, undefined, { gridId: g.id, category: body.category, title: body.title });
        return (await view(trx, actor, [await load(trx, w.id, scope)]))[0]!;
      });
    },

    async review(actor: Actor, id: string, body: WishReviewRequest): Promise<Wish> {
      return write(actor, id, WISH_MANAGE, async (trx, w) => {
        const now = clock();
        const patch = body.accept ? { status: 'open' as const, updated_at: now } : { status: 'rejected' as const, reject_reason: body.reason ?? null, updated_at: now };
        if (!(await createWishesRepo(trx).transition(id, ['pending'], patch))) throw state(w);
        await createWishesRepo(trx).addEvent({ wish_id: id, kind: body.accept ? 'reviewed' : 'rejected', actor: actor.userId, actor_name: actor.displayName, note: body.reason || null, at: now });
        await auditWish(trx, who(actor), body.accept ? 'wish.accept' : 'wish.reject', w, { status: w.status }, { status: patch.status, reason: body.reason ?? null });
      });
    },

    /** A duplicate goes into another wish of the same organization that is still live. */
    async merge(actor: Actor, id: string, body: WishMergeRequest): Promise<Wish> {
      return write(actor, id, WISH_MANAGE, async (trx, w, scope) => {
        const repo = createWishesRepo(trx);
        const into = await repo.wishInScope(body.intoId, scope);
        if (!into || into.id === w.id || into.org_id !== w.org_id || ['merged', 'closed', 'rejected'].includes(into.status)) {
          throw new AppError('WISH_MERGE_INVALID', { details: { field: 'intoId' } });
        }
        const now = clock();
        if (!(await repo.transition(id, ['pending', 'open'], { status: 'merged', merged_into: into.id, updated_at: now }))) throw state(w);
        await repo.addEvent({ wish_id: id, kind: 'merged', actor: actor.userId, actor_name: actor.displayName, note: `合并到心愿 #${into.id}${body.reason ? `：${body.reason}` : ''}`, at: now });
        await repo.addEvent({ wish_id: into.id, kind: 'merged', actor: actor.userId, actor_name: actor.displayName, note: `合并了重复心愿 #${id}`, at: now });
        await auditWish(trx, who(actor), 'wish.merge', w, { status: w.status }, { status: 'merged', intoId: into.id, reason: body.reason ?? null });
      });
    },

    /**
     * A member claims for themself, or a manager names a member. The member must belong to the
     * wish's village (or reviewing organization) subtree. One claimant at a time: the conditional
     * UPDATE … WHERE status = 'open' lets exactly one of concurrent claims through.
     */
    async claim(actor: Actor, id: string, body: WishClaimRequest): Promise<Wish> {
      const own = await memberOf(actor);
      return write(actor, id, WISH_READ, async (trx, w) => {
        const repo = createWishesRepo(trx);
        let member = own;
        if (body.memberId && body.memberId !== own?.id) {
          if (!manages(actor, w)) throw new AppError('WISH_NOT_CLAIMANT');
          member = await repo.memberById(body.memberId);
          if (!member) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: body.memberId } });
        }
        if (!member) throw new AppError('WISH_NOT_A_MEMBER');
        if (!mayClaim(member.org_path, w)) throw new AppError('WISH_CLAIMANT_INVALID', { details: { field: 'memberId' } });
        if (w.status === 'claimed') throw new AppError('WISH_ALREADY_CLAIMED');
        const now = clock();
        const ok = await repo.transition(id, ['open'], {
          status: 'claimed', claimant_id: member.id, claimed_at: now, claim_deadline: new Date(now.getTime() + WISH_LIMITS.claimDays * DAY), updated_at: now,
        });
        if (!ok) {
          const cur = await repo.tokenHashOf(id);
          throw cur?.status === 'claimed' ? new AppError('WISH_ALREADY_CLAIMED') : new AppError('WISH_STATE', { details: { status: cur?.status } });
        }
        await repo.addEvent({ wish_id: id, kind: 'claimed', actor: actor.userId, actor_name: actor.displayName, note: member.id === own?.id ? `${member.name} 认领` : `指派 ${member.name} 认领`, at: now });
        await auditWish(trx, who(actor), 'wish.claim', w, { status: w.status }, { status: 'claimed', claimantId: member.id });
      });
    },

    async release(actor: Actor, id: string, reason: string): Promise<Wish> {
      const me = await memberOf(actor);
      return write(actor, id, WISH_READ, async (trx, w) => {
        claimantOrManager(actor, w, me);
        const now = clock();
        const repo = createWishesRepo(trx);
        if (!(await repo.transition(id, ['claimed'], { status: 'open', claimant_id: null, claimed_at: null, claim_deadline: null, updated_at: now }))) throw state(w);
        await repo.addEvent({ wish_id: id, kind: 'released', actor: actor.userId, actor_name: actor.displayName, note: reason, at: now });
        await auditWish(trx, who(actor), 'wish.release', w, { status: w.status, claimantId: w.claimant_id }, { status: 'open', reason });
      });
    },

    /** A photo of the wish (managers) or of its fulfilment (the claimant or a manager). */
    async uploadPhoto(actor: Actor, id: string, kind: 'wish' | 'fulfil', declared: string, data: Buffer): Promise<{ id: string }> {
      const me = await memberOf(actor);
      let photoId = '';
      await write(actor, id, WISH_READ, async (trx, w) => {
        if (kind === 'fulfil') {
          claimantOrManager(actor, w, me);
          if (!['claimed', 'fulfilled'].includes(w.status)) throw state(w);
        } else {
          if (!manages(actor, w)) throw notFound(id);
          if (!['pending', 'open', 'claimed'].includes(w.status)) throw state(w);
        }
        photoId = await storeWishPhoto(trx, id, kind, declared, data, actor.userId);
        await auditWish(trx, who(actor), 'wish.photo.upload', w, undefined, { photoId, kind, size: data.length });
      });
      return { id: photoId };
    },

    /** The claimant (or a manager) reports the wish done with a note; a fulfil photo is recommended, not required. */
    async fulfil(actor: Actor, id: string, note: string): Promise<Wish> {
      const me = await memberOf(actor);
      return write(actor, id, WISH_READ, async (trx, w) => {
        claimantOrManager(actor, w, me);
        const now = clock();
        const repo = createWishesRepo(trx);
        if (!(await repo.transition(id, ['claimed'], { status: 'fulfilled', fulfil_note: note, fulfilled_at: now, updated_at: now }))) throw state(w);
        await repo.addEvent({ wish_id: id, kind: 'fulfilled', actor: actor.userId, actor_name: actor.displayName, note, at: now });
        await auditWish(trx, who(actor), 'wish.fulfil', w, { status: w.status }, { status: 'fulfilled', note });
      });
    },

    /**
     * The branch records the resident's answer given in person or by phone; the same path as the
     * public confirmation. The transaction's scope also covers the claimant's organization, so
     * the points entry passes row-level security.
     */
    async confirm(actor: Actor, id: string, body: WishConfirmRequest): Promise<Wish> {
      const scope = scopeFor(actor, WISH_MANAGE);
      const pre = await withScope(db, scope, (trx) => load(trx, id, scope));
      if (!manages(actor, pre)) throw notFound(id);
      if (!pre.claimant_id) throw state(pre);
      const claimantPath = (await createWishesRepo(db).memberById(pre.claimant_id))?.org_path;
      const wide = claimantPath ? [...scope, claimantPath] : scope;
      return withScope(db, wide, async (trx) => {
        const w = await load(trx, id, scope);
        await answerWish(trx, w, body, who(actor), clock());
        return (await view(trx, actor, [await load(trx, id, scope)]))[0]!;
      });
    },

    async close(actor: Actor, id: string, reason: string): Promise<Wish> {
      return write(actor, id, WISH_MANAGE, async (trx, w) => {
        const now = clock();
        const repo = createWishesRepo(trx);
        if (!(await repo.transition(id, ['pending', 'open', 'claimed', 'fulfilled', 'disputed'], { status: 'closed', close_reason: reason, updated_at: now }))) throw state(w);
        await repo.addEvent({ wish_id: id, kind: 'closed', actor: actor.userId, actor_name: actor.displayName, note: reason, at: now });
        await auditWish(trx, who(actor), 'wish.close', w, { status: w.status }, { status: 'closed', reason });
      });
    },

    /**
     * Reopens a closed, rejected, disputed or confirmed wish (e.g. a confirmation recorded by
     * mistake): back to open without a claimant; a confirmed wish's points are reversed (once).
     */
    async reopen(actor: Actor, id: string, reason: string): Promise<Wish> {
      const scope = scopeFor(actor, WISH_MANAGE);
      const pre = await withScope(db, scope, (trx) => load(trx, id, scope));
      if (!manages(actor, pre)) throw notFound(id);
      const claimantPath = pre.claimant_id ? (await createWishesRepo(db).memberById(pre.claimant_id))?.org_path : undefined;
      return withScope(db, claimantPath ? [...scope, claimantPath] : scope, async (trx) => {
        const w = await load(trx, id, scope);
        const now = clock();
        const repo = createWishesRepo(trx);
        const ok = await repo.transition(id, ['closed', 'rejected', 'disputed', 'confirmed'], {
          status: 'open', claimant_id: null, claimed_at: null, claim_deadline: null, fulfil_note: null, fulfilled_at: null, confirmed_at: null,
          close_reason: null, reject_reason: null, updated_at: now,
        });
        if (!ok) throw state(w);
        const reversal = w.status === 'confirmed'
          ? await reversePoints(trx, { sourceType: 'wish', sourceId: id, ruleCode: 'wish_fulfilled', actor: actor.userId, reason: `微心愿重新开放：${reason}`, at: now })
          : null;
        await repo.addEvent({ wish_id: id, kind: 'reopened', actor: actor.userId, actor_name: actor.displayName, note: reason, at: now });
        await auditWish(trx, who(actor), 'wish.reopen', w, { status: w.status, claimantId: w.claimant_id }, { status: 'open', reason, pointsReversed: reversal ? -reversal.delta : null });
        return (await view(trx, actor, [await load(trx, id, scope)]))[0]!;
      });
    },

    /** 我的微心愿: what I claimed, what is open in my village or organization, what I have done. */
    async mine(actor: Actor): Promise<MyWishesResponse> {
      const me = await memberOf(actor);
      const scope = scopeFor(actor, WISH_READ);
      if (!me || scope.length === 0) return { isMember: !!me, claimed: [], available: [], done: [] };
      return withScope(db, scope, async (trx) => {
        await releaseOverdue(trx, clock());
        const q = createWishesRepo(trx).forMember(me.id, me.org_path, scope);
        const [claimed, available, done] = await Promise.all([q.claimed(), q.available(), q.done()]);
        return { isMember: true, claimed: await view(trx, actor, claimed), available: await view(trx, actor, available), done: await view(trx, actor, done) };
      });
    },
  };
}

export type WishesService = ReturnType<typeof createWishesService>;
