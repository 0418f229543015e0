import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  WISH_LIMITS, type PublicWish, type PublicWishCreated, type PublicWishGridsResponse, type PublicWishRequest,
  type PublicWishWallQuery, type PublicWishWallResponse, type ResidentConfirmRequest, type ResidentWish, type ResidentWishesResponse, type WishCodeResponse,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { createAuthRepo } from '../auth/auth.repo.ts';
import type { CodeSender } from './sms.ts';
import { PUBLIC_ACTOR, answerWish, auditWish, releaseOverdue } from './wishes-lifecycle.ts';
import { createWishesRepo, type WishRow } from './wishes.repo.ts';
import { codeHash, newCode, newToken, phoneHash, sha256, toPublic, toResident } from './wishes-view.ts';
import { storeWishPhoto } from './wish-photos.ts';

/** Codes a phone may ask for, and an address may ask for, per hour (rate_limits table). */
export const CODE_LIMITS = { perPhonePerHour: 5, perIpPerHour: 20, maxAttempts: 5 } as const;
const HOUR = 3600;
const PUBLIC = ['open', 'claimed', 'fulfilled', 'confirmed'] as const;

export interface PublicDeps { db: Kysely<DB>; clock?: Clock; sender: () => CodeSender }

/**
 * The anonymous side of 微心愿: grids to pick, verification codes, posting and following one's
 * wishes by token, the wall, and the resident's answer. No session: everything runs as the
 * owner role with explicit conditions (a wish by id AND token hash; public statuses only), and
 * every view goes through toPublic()/toResident(), which carry no phone and mask digits that
 * look like one. Writes are audited with actor null and the name 'public'.
 */
export function createWishesPublicService(deps: PublicDeps) {
  const clock = deps.clock ?? systemClock;
  const db = deps.db;
  const repo = createWishesRepo(db);

  /** Checks the latest code sent to `phone` and uses it up. Wrong codes count, each in its own statement. */
  async function verifyCode(phone: string, code: string, now: Date) {
    const last = await repo.lastCode(phoneHash(phone));
    const invalid = (left?: number) => new AppError('WISH_CODE_INVALID', { details: { field: 'code', ...(left === undefined ? {} : { attemptsLeft: left }) } });
    if (!last || last.used_at) throw invalid();
    if (last.attempts >= CODE_LIMITS.maxAttempts) throw new AppError('WISH_CODE_ATTEMPTS', { details: { field: 'code' } });
    if (new Date(last.expires_at).getTime() <= now.getTime()) throw new AppError('WISH_CODE_EXPIRED', { details: { field: 'code' } });
    if (last.code_hash !== codeHash(phone, code)) {
      await repo.countAttempt(last.id);
      throw invalid(Math.max(0, CODE_LIMITS.maxAttempts - last.attempts - 1));
    }
    if (!(await repo.useCode(last.id, now))) throw invalid();
  }

  async function withPhotos(rows: WishRow[]) {
    return { rows, photos: await repo.photosOf(rows.map((r) => r.id)) };
  }

  /** The wish of `id` when `token` is its token; WISH_TOKEN_INVALID otherwise (same answer for an unknown id). */
  async function ownWish(id: string, token: string) {
    const t = await repo.tokenHashOf(id);
    if (!t?.token_hash || t.token_hash !== sha256(token)) throw new AppError('WISH_TOKEN_INVALID', { details: { field: 'token' } });
    return (await repo.wishById(id))!;
  }

  return {
    async grids(q: { q?: string | undefined; villageId?: string | undefined }): Promise<PublicWishGridsResponse> {
      const rows = await repo.publicGrids(q.q, q.villageId);
      return { items: rows.map((r) => ({ id: r.id, name: r.name, villageId: r.village_id, villageName: r.village_name })) };
    },

    /** Sends a code: at most one a minute per phone, CODE_LIMITS per hour per phone and per address. */
    async sendCode(phone: string, ip: string): Promise<WishCodeResponse> {
      const now = clock();
      const auth = createAuthRepo(db);
      if ((await auth.hitRateLimit(`wish-code:ip:${ip}`, now, HOUR)) > CODE_LIMITS.perIpPerHour) {
        throw new AppError('RATE_LIMITED', { details: { field: 'phone', retryAfterSeconds: HOUR } });
      }
      const ph = phoneHash(phone);
      const last = await repo.lastCode(ph);
      const since = last ? (now.getTime() - new Date(last.created_at).getTime()) / 1000 : Infinity;
      if (since < WISH_LIMITS.codeResendSeconds) {
        throw new AppError('WISH_CODE_TOO_SOON', { details: { field: 'phone', retryAfterSeconds: Math.ceil(WISH_LIMITS.codeResendSeconds - since) } });
      }
      if ((await auth.hitRateLimit(`wish-code:phone:${ph}`, now, HOUR)) > CODE_LIMITS.perPhonePerHour) {
        throw new AppError('RATE_LIMITED', { details: { field: 'phone', retryAfterSeconds: HOUR } });
      }
      const code = newCode();
      await repo.insertCode({ phone_hash: ph, code_hash: codeHash(phone, code), ip, created_at: now, expires_at: new Date(now.getTime() + WISH_LIMITS.codeTtlSeconds * 1000) });
      await deps.sender().send(phone, code);
      return { ttlSeconds: WISH_LIMITS.codeTtlSeconds, resendAfterSeconds: WISH_LIMITS.codeResendSeconds };
    },

    /** A resident posts a wish (pending review by the grid's branch); the token comes back once. */
    async post(body: PublicWishRequest, ip: string): Promise<PublicWishCreated> {
      const now = clock();
      const grid = await repo.gridForWish(body.gridId);
      if (!grid) throw new AppError('WISH_GRID_NOT_FOUND', { details: { field: 'gridId' } });
      await verifyCode(body.phone, body.code, now);
      const token = newToken();
      return db.transaction().execute(async (trx) => {
        const r = createWishesRepo(trx);
        const w = await r.insertWish({
          org_id: grid.grid_org_id ?? grid.village_id, village_id: grid.village_id, grid_id: grid.id, region_id: grid.region_id, source: 'public',
          category: body.category, title: body.title, content: body.content, nickname: body.nickname || null, resident_phone: body.phone,
          token_hash: sha256(token), status: 'pending', created_at: now, updated_at: now,
        });
        await r.addEvent({ wish_id: w.id, kind: 'posted', actor: null, actor_name: null, note: '群众在线提交', at: now });
        await auditWish(trx, PUBLIC_ACTOR(ip), 'wish.post', { id: w.id, org_id: grid.grid_org_id ?? grid.village_id }, undefined,
          { gridId: grid.id, category: body.category, title: body.title, via: 'public' });
        return { id: w.id, token, status: 'pending' as const };
      });
    },

    /** The resident adds a photo to their own wish while it is pending or open. */
    async uploadPhoto(id: string, token: string, declared: string, data: Buffer, ip: string): Promise<{ id: string }> {
      const wish = await ownWish(id, token);
      if (!['pending', 'open'].includes(wish.status)) throw new AppError('WISH_STATE', { details: { status: wish.status } });
      return db.transaction().execute(async (trx) => {
        const photoId = await storeWishPhoto(trx, id, 'wish', declared, data, null);
        await auditWish(trx, PUBLIC_ACTOR(ip), 'wish.photo.upload', wish, undefined, { photoId, kind: 'wish', size: data.length, via: 'public' });
        return { id: photoId };
      });
    },

    /** The wall of a grid or a village: open, claimed, fulfilled and confirmed wishes, newest first. */
    async wall(q: PublicWishWallQuery): Promise<PublicWishWallResponse> {
      if (!q.gridId && !q.villageId) {
        const message = '请指定网格（gridId）或村（社区）（villageId）';
        throw new AppError('VALIDATION_FAILED', { message, details: { fields: [{ field: 'query.gridId', message }, { field: 'query.villageId', message }] } });
      }
      await db.transaction().execute((trx) => releaseOverdue(trx, clock()));
      const grid = q.gridId ? await repo.gridForWish(q.gridId) : undefined;
      if (q.gridId && !grid) throw new AppError('WISH_GRID_NOT_FOUND', { details: { field: 'gridId' } });
      const village = q.villageId ? (await repo.publicGrids(undefined, q.villageId))[0] : undefined;
      if (q.villageId && !village && !grid) throw new AppError('NOT_FOUND', { details: { entity: 'village', id: q.villageId } });
      const wall = repo.wall({ gridId: q.gridId, villageId: q.villageId }, q.status, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const [rows, total, counts] = await Promise.all([wall.rows(), wall.count(), wall.counts()]);
      const { photos } = await withPhotos(rows);
      const n = (s: string) => Number(counts.find((c) => c.status === s)?.n ?? 0);
      const title = grid ? `${grid.village_name}${grid.name}微心愿墙` : `${village?.village_name ?? ''}微心愿墙`;
      return {
        title, items: rows.map((r) => toPublic(r, photos)), total, page: q.page, pageSize: q.pageSize,
        counts: { open: n('open'), claimed: n('claimed'), fulfilled: n('fulfilled'), confirmed: n('confirmed') },
      };
    },

    /** One wish as the wall shows it; 404 unless its status is public. */
    async get(id: string): Promise<PublicWish> {
      const r = await repo.wishById(id);
      if (!r || !(PUBLIC as readonly string[]).includes(r.status)) throw new AppError('NOT_FOUND', { details: { entity: 'wish', id } });
      return toPublic(r, await repo.photosOf([id]));
    },

    /** A photo of a wish in a public status. */
    async photo(photoId: string) {
      const p = await repo.photo(photoId);
      if (!p || !(PUBLIC as readonly string[]).includes(p.status)) throw new AppError('NOT_FOUND', { details: { entity: 'wish_photo', id: photoId } });
      return { mime: p.mime, data: Buffer.from(p.data) };
    },

    /** The resident's wishes by the (id, token) pairs kept on the phone; wrong pairs are left out. */
    async mine(tokens: { id: string; token: string }[]): Promise<ResidentWishesResponse> {
      const hashes = await Promise.all(tokens.map(async (t) => ({ ...t, ok: (await repo.tokenHashOf(t.id))?.token_hash === sha256(t.token) })));
      const valid = hashes.filter((t) => t.ok);
      const { rows, photos } = await withPhotos(await repo.byIds(valid.map((t) => t.id)));
      return { items: rows.map((r) => toResident(r, photos)), tokens: valid.map(({ id, token }) => ({ id, token })) };
    },

    /** Phone + code: the wishes posted with that phone, each with a new token (old ones stop working). */
    async lookup(phone: string, code: string, ip: string): Promise<ResidentWishesResponse> {
      const now = clock();
      await verifyCode(phone, code, now);
      const { rows, photos } = await withPhotos(await repo.byPhone(phone));
      const tokens = rows.map((r) => ({ id: r.id, token: newToken() }));
      await db.transaction().execute(async (trx) => {
        const r = createWishesRepo(trx);
        for (const t of tokens) await r.setTokenHash(t.id, sha256(t.token));
        for (const w of rows) await auditWish(trx, PUBLIC_ACTOR(ip), 'wish.token.reissue', w, undefined, { via: 'public' });
      });
      return { items: rows.map((r) => toResident(r, photos)), tokens };
    },

    /**
     * The resident confirms (the claimant earns the points, once) or disputes. Runs in a scope
     * covering the wish's organization, its village and the claimant's organization, so the
     * ledger rows pass row-level security like any other award.
     */
    async confirm(id: string, body: ResidentConfirmRequest, ip: string): Promise<ResidentWish> {
      const wish = await ownWish(id, body.token);
      if (!wish.claimant_id) throw new AppError('WISH_STATE', { details: { status: wish.status } });
      const scope = [wish.org_path, wish.village_path, wish.claimant_org_path].filter((p): p is string => !!p);
      await withScope(db, scope, (trx) => answerWish(trx, wish, { satisfied: body.satisfied, comment: body.comment }, PUBLIC_ACTOR(ip), clock()));
      const r = (await repo.wishById(id))!;
      return toResident(r, await repo.photosOf([id]));
    },
  };
}

export type WishesPublicService = ReturnType<typeof createWishesPublicService>;
