import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { WISH_LIMITS } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { sniffImageType } from '../sites/photo-type.ts';
import { createWishesRepo } from './wishes.repo.ts';

/**
 * Checks an uploaded photo (size, type taken from the magic bytes and agreeing with the declared
 * content type, at most WISH_LIMITS.photosMax of its kind per wish) and stores it.
 * Returns the new photo's id.
 */
export async function storeWishPhoto(
  trx: Kysely<DB>, wishId: string, kind: 'wish' | 'fulfil', declared: string, data: Buffer, uploadedBy: string | null,
): Promise<string> {
  const mime = checkPhoto(declared, data);
  const repo = createWishesRepo(trx);
  // Lock the wish row, so concurrent uploads count one after the other and the limit holds.
  await trx.selectFrom('wishes').select('id').where('id', '=', wishId).forUpdate().execute();
  if ((await repo.photoCount(wishId, kind)) >= WISH_LIMITS.photosMax) throw new AppError('WISH_PHOTOS_MAX', { details: { max: WISH_LIMITS.photosMax, kind } });
  return (await repo.insertPhoto({ wish_id: wishId, kind, mime, size: data.length, data, uploaded_by: uploadedBy })).id;
}

export function checkPhoto(declared: string, data: Buffer) {
  if (data.length === 0) throw new AppError('WISH_PHOTO_TYPE_INVALID', { details: { field: 'body', size: 0 } });
  if (data.length > WISH_LIMITS.photoMaxBytes) throw new AppError('WISH_PHOTO_TOO_LARGE', { details: { field: 'body', size: data.length, max: WISH_LIMITS.photoMaxBytes } });
  const mime = sniffImageType(data);
  if (!mime || mime !== declared) throw new AppError('WISH_PHOTO_TYPE_INVALID', { details: { field: 'body', declared, detected: mime } });
  return mime;
}
