import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { appendAudit } from '../audit/audit.repo.ts';
import { awardPoints } from '../points/points-ledger.ts';
import { AppError } from '../../lib/errors.ts';
import { createWishesRepo, type WishRow } from './wishes.repo.ts';

export const AUTO_RELEASE_NOTE = '超过认领期限未完成，自动释放';

/** Who acts: a signed-in user, or the resident on the public page (userId null, name 'public'). */
export interface WishActor { userId: string | null; name: string; ip: string | null }
export const PUBLIC_ACTOR = (ip: string): WishActor => ({ userId: null, name: 'public', ip });
const SYSTEM: WishActor = { userId: null, name: 'system', ip: null };

/** Appends the audit row of a wish write in its transaction. */
export function auditWish(trx: Kysely<DB>, actor: WishActor, action: string, wish: { id: string; org_id: string }, before?: unknown, after?: unknown) {
  return appendAudit(trx, {
    actorUserId: actor.userId, actorName: actor.name, ip: actor.ip, action, entityType: 'wish', entityId: wish.id, orgId: wish.org_id,
    before, after,
  });
}

/**
 * Releases every claim past its deadline that `trx` can see (status back to open, claimant
 * cleared), with a 'released' event and an audit entry each. Called by the maintenance job as the
 * owner, and lazily inside scoped reads and claims, so a moved clock in tests releases at once.
 * @example await releaseOverdue(trx, clock());
 */
export async function releaseOverdue(trx: Kysely<DB>, now: Date, wishId?: string): Promise<number> {
  const repo = createWishesRepo(trx);
  const released = await repo.releaseOverdue(now, wishId);
  for (const w of released) {
    await repo.addEvent({ wish_id: w.id, kind: 'released', actor: null, actor_name: null, note: AUTO_RELEASE_NOTE, at: now });
    await auditWish(trx, SYSTEM, 'wish.release.auto', w, { status: 'claimed', claimantId: w.claimant_id }, { status: 'open', note: AUTO_RELEASE_NOTE });
  }
  return released.length;
}

/**
 * The maintenance job's call, as the owner: releases overdue claims everywhere (one transaction)
 * and deletes verification codes older than a day. Idempotent; returns the claims released.
 */
export async function releaseOverdueWishes(db: Kysely<DB>, now = new Date()): Promise<number> {
  const released = await db.transaction().execute((trx) => releaseOverdue(trx, now));
  await db.deleteFrom('wish_codes').where('created_at', '<', new Date(now.getTime() - 86_400_000)).execute();
  return released;
}

/**
 * The resident's answer to a fulfilled wish, given on the public page or recorded by the branch.
 * Satisfied: confirmed (also from disputed, once settled) and the claimant earns the points of
 * rule `wish_fulfilled` in the same transaction (idempotent: a second confirmation awards
 * nothing and changes nothing). Not satisfied: disputed with the comment.
 * `trx` must be a scoped transaction covering the wish's and the claimant's organizations.
 */
export async function answerWish(
  trx: Kysely<DB>, wish: WishRow, answer: { satisfied: boolean; comment?: string | undefined }, actor: WishActor, at: Date,
): Promise<void> {
  const repo = createWishesRepo(trx);
  if (answer.satisfied) {
    if (wish.status === 'confirmed') return; // confirming twice: nothing more happens
    const ok = await repo.transition(wish.id, ['fulfilled', 'disputed'], { status: 'confirmed', confirmed_at: at, updated_at: at });
    if (!ok) {
      const now = await repo.tokenHashOf(wish.id);
      if (now?.status === 'confirmed') return;
      throw new AppError('WISH_STATE', { details: { status: now?.status ?? wish.status } });
    }
    const entry = await awardPoints(trx, {
      memberId: wish.claimant_id!, ruleCode: 'wish_fulfilled', sourceType: 'wish', sourceId: wish.id, actor: actor.userId, at, note: `完成微心愿：${wish.title}`,
    });
    await repo.addEvent({ wish_id: wish.id, kind: 'confirmed', actor: actor.userId, actor_name: actor.userId ? actor.name : null, note: answer.comment || null, at });
    await auditWish(trx, actor, 'wish.confirm', wish, { status: wish.status }, { status: 'confirmed', points: entry?.delta ?? null, comment: answer.comment ?? null });
    return;
  }
  const ok = await repo.transition(wish.id, ['fulfilled'], { status: 'disputed', dispute_comment: answer.comment ?? null, updated_at: at });
  if (!ok) throw new AppError('WISH_STATE', { details: { status: wish.status } });
  await repo.addEvent({ wish_id: wish.id, kind: 'disputed', actor: actor.userId, actor_name: actor.userId ? actor.name : null, note: answer.comment ?? null, at });
  await auditWish(trx, actor, 'wish.dispute', wish, { status: wish.status }, { status: 'disputed', comment: answer.comment ?? null });
}
