import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import { COMMITMENT_PHOTO_MAX_BYTES, type CommitmentPhoto } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { sniffImageType } from '../sites/photo-type.ts';
import { createCommitmentsRepo, placementOf } from './commitments.repo.ts';
import { accessOf, auditCommitment, MANAGE, READ } from './commitments.service.ts';

/** The type from the bytes (JPEG, PNG, WebP), which must agree with the declared one; 3 MB at most. */
function checkImage(declared: string, data: Buffer): string {
  if (data.length > COMMITMENT_PHOTO_MAX_BYTES) throw new AppError('COMMITMENT_PHOTO_TOO_LARGE', { details: { field: 'body', size: data.length, max: COMMITMENT_PHOTO_MAX_BYTES } });
  const mime = sniffImageType(data);
  if (!mime || mime !== declared) throw new AppError('COMMITMENT_PHOTO_TYPE_INVALID', { details: { field: 'body', declared, detected: mime } });
  return mime;
}

/**
 * Photos of 亮身份: a member's board photo (one per member, replaced on upload; by the member or a
 * manager) and a photo on a progress note. Stored in the database, like site photos.
 * @example await photos.setMemberPhoto(actor, null, 'image/jpeg', buffer); // my own photo
 */
export function createCommitmentPhotosService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  const repo0 = createCommitmentsRepo(deps.db);
  return {
    /** memberId null: the signed-in member's own photo. */
    async setMemberPhoto(actor: Actor, memberIdArg: string | null, declared: string, data: Buffer): Promise<CommitmentPhoto> {
      const mime = checkImage(declared, data);
      const memberId = memberIdArg ?? (await repo0.memberIdOfUser(actor.userId));
      if (!memberId) throw new AppError('COMMITMENT_NOT_A_MEMBER');
      const scope = scopeFor(actor, memberIdArg ? MANAGE : READ);
      const path = (await repo0.memberPath(memberId))?.path;
      const place = path ? await placementOf(deps.db, path) : undefined;
      return withScope(deps.db, scope, async (trx) => {
        const m = await createCommitmentsRepo(trx).memberInScope(memberId, scope);
        if (!m || !place) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: memberId } });
        await trx.deleteFrom('commitment_photos').where('kind', '=', 'member').where('member_id', '=', memberId).execute();
        const p = await trx.insertInto('commitment_photos').values({
          org_id: place.orgId, region_id: place.regionId, kind: 'member', member_id: memberId, mime, size: data.length, data, created_by: actor.userId, created_at: clock(),
        }).returning(['id', 'mime', 'size']).executeTakeFirstOrThrow();
        await auditCommitment(trx, actor, { action: 'commitment.member_photo', entityType: 'member', entityId: memberId, orgId: place.orgId, after: { photoId: p.id, mime, size: data.length } });
        return p;
      });
    },

    async setProgressPhoto(actor: Actor, id: string, progressId: string, declared: string, data: Buffer): Promise<CommitmentPhoto> {
      const mime = checkImage(declared, data);
      const self = await repo0.memberIdOfUser(actor.userId);
      return withScope(deps.db, scopeFor(actor, READ), async (trx) => {
        const { row } = await accessOf(trx, actor, self, id);
        const progress = await createCommitmentsRepo(trx).progressRow(id, progressId);
        if (!progress) throw new AppError('NOT_FOUND', { details: { entity: 'commitment_progress', id: progressId } });
        const p = await trx.insertInto('commitment_photos').values({
          org_id: row.org_id, region_id: row.region_id, kind: 'progress', member_id: null, mime, size: data.length, data, created_by: actor.userId, created_at: clock(),
        }).returning(['id', 'mime', 'size']).executeTakeFirstOrThrow();
        await trx.updateTable('commitment_progress').set({ photo_id: p.id }).where('id', '=', progressId).execute();
        if (progress.photo_id) await trx.deleteFrom('commitment_photos').where('id', '=', progress.photo_id).execute();
        await auditCommitment(trx, actor, { action: 'commitment.progress_photo', entityType: 'commitment', entityId: id, orgId: row.org_id, after: { progressId, photoId: p.id, mime, size: data.length } });
        return p;
      });
    },

    /** Photo bytes for the console, inside the caller's read scope. */
    async get(actor: Actor, photoId: string) {
      const scope = scopeFor(actor, READ);
      return withScope(deps.db, scope, async (trx) => {
        const p = await createCommitmentsRepo(trx).photoInScope(photoId, scope);
        if (!p) throw new AppError('NOT_FOUND', { details: { entity: 'commitment_photo', id: photoId } });
        return { mime: p.mime, data: Buffer.from(p.data) };
      });
    },
  };
}
