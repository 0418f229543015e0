import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { ClaimRequest, PostClaim, ServicePost, ServicePostListQuery, ServicePostPatch, ServicePostRequest } from '@dangjian/contracts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { createPostsRepo, toPost, type PostRow } from './posts.repo.ts';
import {
  activeReport, auditService, covers, memberInScope, notFound, orgOr404, selfMember, SERVICE_SELF, SERVICE_WRITE, type SelfMember,
} from './service-support.ts';

type ClaimRow = Awaited<ReturnType<ReturnType<typeof createPostsRepo>['claimsOf']>>[number];
const toClaim = (r: ClaimRow): PostClaim => ({
  id: r.id, postId: r.post_id, postName: r.post_name, memberId: r.member_id, memberName: r.member_name, memberOrgName: r.member_org_name,
  claimedOn: r.claimed_on, endedOn: r.ended_on, assigned: r.assigned_by !== null,
});
const snapshot = (p: PostRow) => ({ name: p.name, kind: p.kind, audience: p.audience, description: p.description, capacity: p.capacity, active: p.active });

/**
 * Service posts 服务岗位: offered by a community or branch, taken by members (a reported
 * 在职党员 takes the posts of the community reported to; others those of their own subtree),
 * or assigned by the secretary. Capacity holds under concurrent claims: see takePlace().
 * @example await posts.claim(memberActor, postId, {}); // the signed-in member takes a place
 */
export function createPostsService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  const postInWriteScope = async (trx: Kysely<DB>, id: string, scope: string[]) => {
    const p = await createPostsRepo(trx).find(id);
    if (!p || !covers(scope, p.org_path)) throw notFound('service_post', id);
    return p;
  };

  /** Who takes (or leaves) the place, and in which scope: the member themself, or a secretary for a member. */
  async function resolve(actor: Actor, postId: string, body: ClaimRequest) {
    const self = await selfMember(deps.db, actor).catch(() => null);
    if (!body.memberId || body.memberId === self?.id) {
      if (!self) throw new AppError('SERVICE_NOT_A_MEMBER');
      return { self: true as const, scope: scopeFor(actor, SERVICE_SELF), member: self };
    }
    return { self: false as const, scope: scopeFor(actor, SERVICE_WRITE), memberId: body.memberId, postId };
  }

  /** The member to act for, checked: own subtree, or reported to the post's community. */
  async function memberFor(trx: Kysely<DB>, r: Awaited<ReturnType<typeof resolve>>, post: PostRow): Promise<SelfMember> {
    if (r.self) {
      const report = await activeReport(trx, r.member.id);
      if (!covers(r.scope, post.org_path) && report?.community_org_id !== post.org_id) throw new AppError('SERVICE_POST_NOT_REPORTED');
      return r.member;
    }
    if (!covers(r.scope, post.org_path)) throw notFound('service_post', post.id);
    const m = await memberInScope(trx, r.memberId, r.scope);
    if (m) return m;
    const report = await activeReport(trx, r.memberId);
    if (!report || report.community_org_id !== post.org_id) throw notFound('member', r.memberId);
    return { id: report.member_id, name: report.member_name, org_id: report.member_org_id, org_name: report.member_org_name, org_path: '', region_id: null };
  }

  return {
    async list(actor: Actor, q: ServicePostListQuery): Promise<{ items: ServicePost[]; total: number }> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, q.orgId, scope);
        const repo = createPostsRepo(trx);
        const list = repo.listUnder(org.path, { q: q.q, active: q.active === 'all' ? undefined : q.active === 'true', limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const [ids, total] = await Promise.all([list.ids(), list.count()]);
        return { items: (await repo.byIds(ids)).map((r) => toPost(r)), total };
      });
    },

    async create(actor: Actor, body: ServicePostRequest): Promise<ServicePost> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, body.orgId, scope);
        const repo = createPostsRepo(trx);
        const { id } = await repo.insert({
          org_id: org.id, region_id: org.region_id, name: body.name, kind: body.kind, audience: body.audience, description: body.description ?? null,
          capacity: body.capacity, created_by: actor.userId,
        });
        const p = (await repo.find(id))!;
        await auditService(trx, actor, { action: 'service.post.create', entityType: 'service_post', entityId: id, orgId: org.id, after: snapshot(p) });
        return toPost(p);
      });
    },

    async update(actor: Actor, id: string, body: ServicePostPatch): Promise<ServicePost> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const before = await postInWriteScope(trx, id, scope);
        // Lock the counter row so a claim cannot slip in between the check and the update.
        const repo = createPostsRepo(trx);
        const locked = await trx.selectFrom('service_posts').select('claimed').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
        if (body.capacity !== undefined && body.capacity < locked.claimed) {
          throw new AppError('SERVICE_POST_CAPACITY_BELOW_CLAIMED', { details: { fields: [{ field: 'body.capacity', message: `已有 ${locked.claimed} 人认领` }] } });
        }
        await repo.update(id, body);
        const after = (await repo.find(id))!;
        await auditService(trx, actor, { action: 'service.post.update', entityType: 'service_post', entityId: id, orgId: before.org_id, before: snapshot(before), after: snapshot(after) });
        return toPost(after);
      });
    },

    /** Deletes a post never used; a post with claims or hours is switched off instead (SERVICE_POST_IN_USE). */
    async remove(actor: Actor, id: string) {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const p = await postInWriteScope(trx, id, scope);
        const repo = createPostsRepo(trx);
        if (await repo.inUse(id)) throw new AppError('SERVICE_POST_IN_USE');
        await repo.remove(id);
        await auditService(trx, actor, { action: 'service.post.delete', entityType: 'service_post', entityId: id, orgId: p.org_id, before: snapshot(p) });
        return { id, deleted: true as const };
      });
    },

    async claims(actor: Actor, id: string): Promise<{ items: PostClaim[] }> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        await postInWriteScope(trx, id, scope);
        return { items: (await createPostsRepo(trx).claimsOf(id)).map(toClaim) };
      });
    },

    /** Takes a place on a post for the signed-in member, or (a secretary) assigns a member to it. */
    async claim(actor: Actor, id: string, body: ClaimRequest): Promise<PostClaim> {
      const r = await resolve(actor, id, body);
      return withScope(deps.db, r.scope, async (trx) => {
        const repo = createPostsRepo(trx);
        const post = await repo.find(id);
        if (!post) throw notFound('service_post', id);
        const m = await memberFor(trx, r, post);
        if (!post.active) throw new AppError('SERVICE_POST_INACTIVE');
        if (!(await repo.takePlace(id))) throw new AppError('SERVICE_POST_FULL', { details: { capacity: post.capacity } });
        // Checked after the row lock of takePlace(): a second claim of the same member waits and sees the first.
        if (await repo.openClaim(id, m.id)) throw new AppError('SERVICE_POST_ALREADY_CLAIMED');
        const c = await repo.insertClaim({
          post_id: id, org_id: post.org_id, region_id: post.region_id, member_id: m.id, member_name: m.name, member_org_id: m.org_id,
          member_org_name: m.org_name, claimed_on: chinaToday(clock()), assigned_by: r.self ? null : actor.userId,
        });
        await auditService(trx, actor, { action: r.self ? 'service.post.claim' : 'service.post.assign', entityType: 'post_claim', entityId: c.id, orgId: post.org_id, after: { postId: id, memberId: m.id } });
        return toClaim({ ...c, post_name: post.name });
      });
    },

    /** Leaves a post (the member) or ends a member's place (the secretary); the place is freed. */
    async unclaim(actor: Actor, id: string, body: ClaimRequest): Promise<PostClaim> {
      const r = await resolve(actor, id, body);
      return withScope(deps.db, r.scope, async (trx) => {
        const repo = createPostsRepo(trx);
        const post = await repo.find(id);
        if (!post) throw notFound('service_post', id);
        const memberId = r.self ? r.member.id : r.memberId;
        if (!r.self && !covers(r.scope, post.org_path)) throw notFound('service_post', id);
        const open = await repo.openClaim(id, memberId);
        if (!open) throw new AppError('SERVICE_POST_NOT_CLAIMED');
        await repo.endClaim(open.id, chinaToday(clock()));
        await repo.releasePlace(id);
        await auditService(trx, actor, { action: 'service.post.unclaim', entityType: 'post_claim', entityId: open.id, orgId: post.org_id, before: { postId: id, memberId } });
        const [row] = (await repo.claimsOf(id)).filter((c) => c.id === open.id);
        return toClaim(row!);
      });
    },
  };
}
