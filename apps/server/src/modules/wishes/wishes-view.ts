import { createHash, randomBytes, randomInt } from 'node:crypto';
import type { PublicWish, ResidentWish, Wish, WishEvent } from '@dangjian/contracts';
import type { WishRow } from './wishes.repo.ts';
import { maskPhone } from './sms.ts';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** A resident's secret for one wish: 32 url-safe characters; only its sha256 is stored. */
export const newToken = () => randomBytes(24).toString('base64url');
export const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');
export const phoneHash = (phone: string) => sha256(`wish-phone:${phone}`);
export const codeHash = (phone: string, code: string) => sha256(`wish-code:${phone}:${code}`);

/**
 * Free text typed by residents and members may contain a phone or an ID number ("请拨打 138…"):
 * the public side masks both, so no public response ever carries one.
 * @example scrub('联系 13812345678') // '联系 138****5678'
 */
export function scrub(text: string): string {
  return text
    .replace(/\d{17}[\dXx]|\d{15}/g, (id) => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`)
    .replace(/1[3-9]\d{9}/g, (p) => maskPhone(p));
}
const scrubOrNull = (t: string | null) => (t === null ? null : scrub(t));
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

type Photos = { id: string; wish_id: string; kind: 'wish' | 'fulfil' }[];

/** What anyone may see: names scrubbed of digits that look like phones or ID numbers. */
export function toPublic(r: WishRow, photos: Photos): PublicWish {
  const mine = photos.filter((p) => p.wish_id === r.id);
  return {
    id: r.id, title: scrub(r.title), content: scrub(r.content), category: r.category, status: r.status,
    nickname: scrub(r.nickname || '居民'), gridId: r.grid_id, gridName: r.grid_name ?? '', villageId: r.village_id, villageName: r.village_name ?? '',
    claimantName: r.claimant_name ?? null, claimantOrgName: r.claimant_org_name ?? null,
    createdAt: iso(r.created_at)!, claimedAt: iso(r.claimed_at), fulfilledAt: iso(r.fulfilled_at), fulfilNote: scrubOrNull(r.fulfil_note),
    confirmedAt: iso(r.confirmed_at),
    photoIds: mine.filter((p) => p.kind === 'wish').map((p) => p.id),
    fulfilPhotoIds: mine.filter((p) => p.kind === 'fulfil').map((p) => p.id),
  };
}

/** The resident's own wish: the public view plus the review outcome. */
export function toResident(r: WishRow, photos: Photos): ResidentWish {
  return { ...toPublic(r, photos), rejectReason: scrubOrNull(r.reject_reason), disputeComment: scrubOrNull(r.dispute_comment) };
}

/** The console view; the phone in full only when `revealPhone` (the reviewing branch's secretary). */
export function toWish(r: WishRow, photos: Photos, points: Map<string, number>, revealPhone: boolean): Wish {
  const mine = photos.filter((p) => p.wish_id === r.id);
  return {
    id: r.id, title: r.title, content: r.content, category: r.category, status: r.status, nickname: r.nickname || '居民',
    gridId: r.grid_id, gridName: r.grid_name ?? '', villageId: r.village_id, villageName: r.village_name ?? '',
    claimantName: r.claimant_name ?? null, claimantOrgName: r.claimant_org_name ?? null,
    createdAt: iso(r.created_at)!, claimedAt: iso(r.claimed_at), fulfilledAt: iso(r.fulfilled_at), fulfilNote: r.fulfil_note,
    confirmedAt: iso(r.confirmed_at),
    photoIds: mine.filter((p) => p.kind === 'wish').map((p) => p.id),
    fulfilPhotoIds: mine.filter((p) => p.kind === 'fulfil').map((p) => p.id),
    orgId: r.org_id, orgName: r.org_name,
    residentPhone: r.resident_phone === null ? null : revealPhone ? r.resident_phone : maskPhone(r.resident_phone),
    claimantId: r.claimant_id, claimDeadline: iso(r.claim_deadline), rejectReason: r.reject_reason, disputeComment: r.dispute_comment,
    mergedInto: r.merged_into, pointsAwarded: points.get(r.id) ?? null,
  };
}

export function toEvent(e: { id: string; kind: WishEvent['kind']; note: string | null; at: Date; actor_name: string | null }): WishEvent {
  return { id: e.id, kind: e.kind, actorName: e.actor_name, note: e.note, at: new Date(e.at).toISOString() };
}
