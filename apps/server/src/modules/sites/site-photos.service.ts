import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import { SITE_PHOTO_MAX_BYTES, SITE_PHOTO_MAX_COUNT, type SitePhoto } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { audit } from '../grids/grid-support.ts';
import { createSitesRepo } from './sites.repo.ts';
import { siteInScope } from './sites.service.ts';
import { sniffImageType } from './photo-type.ts';

/**
 * Photos of a site, stored in the database. The type is taken from the bytes (JPEG, PNG or
 * WebP only) and must agree with the declared content type; 5 MB each, 30 per site.
 * @example await photos.upload(actor, siteId, 'image/jpeg', buffer);
 */
export function createSitePhotosService(deps: { db: Kysely<DB> }) {
  return {
    async upload(actor: Actor, siteId: string, declared: string, data: Buffer): Promise<SitePhoto> {
      const scope = scopeFor(actor, 'sites:write');
      if (data.length > SITE_PHOTO_MAX_BYTES) throw new AppError('SITE_PHOTO_TOO_LARGE', { details: { field: 'body', size: data.length, max: SITE_PHOTO_MAX_BYTES } });
      const mime = sniffImageType(data);
      if (!mime || mime !== declared) throw new AppError('SITE_PHOTO_TYPE_INVALID', { details: { field: 'body', declared, detected: mime } });
      return withScope(deps.db, scope, async (trx) => {
        const site = await siteInScope(trx, siteId, scope);
        const repo = createSitesRepo(trx);
        if (Number(site.photo_count ?? 0) >= SITE_PHOTO_MAX_COUNT) throw new AppError('SITE_PHOTO_LIMIT', { details: { max: SITE_PHOTO_MAX_COUNT } });
        const p = await repo.insertPhoto({ site_id: siteId, mime, size: data.length, data });
        await audit(trx, actor, { action: 'site.photo.upload', entityType: 'site_photo', entityId: p.id, orgId: site.org_id, after: { siteId, mime, size: data.length } });
        return { id: p.id, mime: p.mime, size: p.size, createdAt: new Date(p.created_at).toISOString() };
      });
    },

    /** The photo bytes, only for a site in the caller's read scope. */
    async get(actor: Actor, siteId: string, photoId: string) {
      const scope = scopeFor(actor, 'sites:read');
      return withScope(deps.db, scope, async (trx) => {
        await siteInScope(trx, siteId, scope);
        const p = await createSitesRepo(trx).photo(siteId, photoId);
        if (!p) throw new AppError('NOT_FOUND', { details: { entity: 'site_photo', id: photoId } });
        return { mime: p.mime, data: Buffer.from(p.data) };
      });
    },

    async remove(actor: Actor, siteId: string, photoId: string) {
      const scope = scopeFor(actor, 'sites:write');
      return withScope(deps.db, scope, async (trx) => {
        const site = await siteInScope(trx, siteId, scope);
        const repo = createSitesRepo(trx);
        const p = await repo.photo(siteId, photoId);
        if (!p) throw new AppError('NOT_FOUND', { details: { entity: 'site_photo', id: photoId } });
        await repo.deletePhoto(photoId);
        await audit(trx, actor, { action: 'site.photo.delete', entityType: 'site_photo', entityId: photoId, orgId: site.org_id, before: { siteId, mime: p.mime, size: p.size } });
        return { id: photoId, deleted: true as const };
      });
    },
  };
}

export type SitePhotosService = ReturnType<typeof createSitePhotosService>;
