import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type {
  SiteCreateRequest, SiteDetail, SiteExportQuery, SiteListQuery, SiteListResponse, SiteUpdateRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { can, scopeFor, type Actor } from '../../lib/actor.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { audit, isUniqueViolation } from '../grids/grid-support.ts';
import { createSitesRepo, type SiteRow } from './sites.repo.ts';
import { siteSnapshot, toSiteItem } from './site-support.ts';

type Trx = Kysely<DB>;
type SiteFields = SiteUpdateRequest;

/** The site `id` if it lies in `scope`, else NOT_FOUND. */
export async function siteInScope(trx: Trx, id: string, scope: readonly string[]): Promise<SiteRow> {
  const site = await createSitesRepo(trx).findInScope(id, scope);
  if (!site) throw new AppError('NOT_FOUND', { details: { entity: 'site', id } });
  return site;
}

/** Column values of the given fields; absent fields are left out so PATCH keeps them. */
function columns(b: SiteFields) {
  const pick = <K extends keyof SiteFields>(k: K) => b[k] !== undefined;
  return {
    ...(pick('name') && { name: b.name! }),
    ...(pick('kind') && { kind: b.kind! }),
    ...(pick('address') && { address: b.address || null }),
    ...(pick('lng') && { lng: b.lng ?? null }),
    ...(pick('lat') && { lat: b.lat ?? null }),
    ...(pick('buildingArea') && { building_area: b.buildingArea ?? null }),
    ...(pick('propertyRights') && { property_rights: b.propertyRights ?? null }),
    ...(pick('yearBuilt') && { year_built: b.yearBuilt ?? null }),
    ...(pick('yearUpgraded') && { year_upgraded: b.yearUpgraded ?? null }),
    ...(pick('investment') && { investment: b.investment ?? null }),
    ...(pick('facilities') && { facilities: [...new Set(b.facilities)] }),
    ...(pick('remarks') && { remarks: b.remarks || null }),
  };
}

const nameTaken = () => new AppError('SITE_NAME_TAKEN', { details: { field: 'name' } });
const upgradeRows = (b: SiteFields) => (b.upgrades ?? []).map((u) => ({ year: u.year, content: u.content, investment: u.investment ?? null }));

/**
 * Sites 阵地 of capability A4, the "电子身份证" of every village HQ and service centre:
 * location, area, property rights, funding, facilities, upgrade projects and photos.
 * @example await sites.create(actor, { orgId, name: '郝堂村党群服务中心', kind: 'village_hq', buildingArea: 420 });
 */
export function createSitesService(deps: { db: Kysely<DB> }) {
  async function detail(trx: Trx, actor: Actor, site: SiteRow): Promise<SiteDetail> {
    const repo = createSitesRepo(trx);
    const [upgrades, photos] = await Promise.all([repo.upgrades(site.id), repo.photos(site.id)]);
    return {
      ...toSiteItem(site),
      upgrades: upgrades.map((u) => ({ id: u.id, year: u.year, content: u.content, investment: u.investment === null ? null : Number(u.investment) })),
      photos: photos.map((p) => ({ id: p.id, mime: p.mime, size: p.size, createdAt: new Date(p.created_at).toISOString() })),
      canEdit: can(actor, 'sites:write', site.org_path),
    };
  }
  function checkYears(built: number | null | undefined, upgraded: number | null | undefined) {
    if (built && upgraded && upgraded < built) throw new AppError('SITE_YEARS_INVALID', { details: { field: 'yearUpgraded' } });
  }

  const service = {
    async list(actor: Actor, query: SiteListQuery): Promise<SiteListResponse> {
      const scope = scopeFor(actor, 'sites:read');
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(query.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: query.orgId } });
        const repo = createSitesRepo(trx);
        const f = { orgPath: org.path, kind: query.kind, q: query.q };
        const [rows, totals] = await Promise.all([repo.list(f, query.pageSize, (query.page - 1) * query.pageSize), repo.totals(f)]);
        return { items: rows.map(toSiteItem), total: totals.count, page: query.page, pageSize: query.pageSize, totals };
      });
    },

    /** Every site of the filter with the totals, for the Excel export. */
    async exportRows(actor: Actor, query: SiteExportQuery) {
      const scope = scopeFor(actor, 'sites:read');
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(query.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: query.orgId } });
        const repo = createSitesRepo(trx);
        const f = { orgPath: org.path, kind: query.kind, q: query.q };
        const [rows, totals] = await Promise.all([repo.list(f, null), repo.totals(f)]);
        return { orgName: org.name, items: rows.map(toSiteItem), totals };
      });
    },

    async get(actor: Actor, id: string): Promise<SiteDetail> {
      const scope = scopeFor(actor, 'sites:read');
      return withScope(deps.db, scope, async (trx) => detail(trx, actor, await siteInScope(trx, id, scope)));
    },

    async create(actor: Actor, body: SiteCreateRequest): Promise<SiteDetail> {
      const scope = scopeFor(actor, 'sites:write');
      checkYears(body.yearBuilt, body.yearUpgraded);
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(body.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: body.orgId } });
        const repo = createSitesRepo(trx);
        if (await repo.findByName(org.id, body.name)) throw nameTaken();
        const row = { org_id: org.id, ...columns(body), name: body.name, kind: body.kind };
        const id = await repo.insert(row).catch((e: unknown) => { throw isUniqueViolation(e) ? nameTaken() : e; });
        await repo.replaceUpgrades(id, upgradeRows(body));
        const site = await siteInScope(trx, id, scope);
        await audit(trx, actor, { action: 'site.create', entityType: 'site', entityId: id, orgId: org.id, after: { ...siteSnapshot(site), upgrades: upgradeRows(body) } });
        return detail(trx, actor, site);
      });
    },

    async update(actor: Actor, id: string, body: SiteUpdateRequest): Promise<SiteDetail> {
      const scope = scopeFor(actor, 'sites:write');
      return withScope(deps.db, scope, async (trx) => {
        const before = await siteInScope(trx, id, scope);
        checkYears(body.yearBuilt !== undefined ? body.yearBuilt : before.year_built, body.yearUpgraded !== undefined ? body.yearUpgraded : before.year_upgraded);
        const repo = createSitesRepo(trx);
        if (body.name !== undefined && body.name !== before.name && (await repo.findByName(before.org_id, body.name))) throw nameTaken();
        const patch = columns(body);
        const oldUpgrades = await repo.upgrades(id);
        if (Object.keys(patch).length > 0) await repo.update(id, patch).catch((e: unknown) => { throw isUniqueViolation(e) ? nameTaken() : e; });
        if (body.upgrades) await repo.replaceUpgrades(id, upgradeRows(body));
        const after = await siteInScope(trx, id, scope);
        const up = (rows: { year: number; content: string; investment: string | number | null }[]) =>
          rows.map((u) => ({ year: u.year, content: u.content, investment: u.investment === null ? null : Number(u.investment) }));
        await audit(trx, actor, {
          action: 'site.update', entityType: 'site', entityId: id, orgId: before.org_id,
          before: { ...siteSnapshot(before), upgrades: up(oldUpgrades) },
          after: { ...siteSnapshot(after), upgrades: body.upgrades ? upgradeRows(body) : up(oldUpgrades) },
        });
        return detail(trx, actor, after);
      });
    },

    /** Deletes a site with its upgrade projects and photos (the UI asks for confirmation). */
    async remove(actor: Actor, id: string) {
      const scope = scopeFor(actor, 'sites:write');
      return withScope(deps.db, scope, async (trx) => {
        const before = await siteInScope(trx, id, scope);
        const repo = createSitesRepo(trx);
        const upgrades = await repo.upgrades(id);
        await repo.remove(id);
        await audit(trx, actor, {
          action: 'site.delete', entityType: 'site', entityId: id, orgId: before.org_id,
          before: { ...siteSnapshot(before), upgrades: upgrades.map((u) => ({ year: u.year, content: u.content, investment: u.investment })), photoCount: Number(before.photo_count ?? 0) },
        });
        return { id, deleted: true as const };
      });
    },
  };
  return service;
}

export type SitesService = ReturnType<typeof createSitesService>;
