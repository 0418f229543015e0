import type { PropertyRights, SiteKind, SiteListItem } from '@dangjian/contracts';
import type { SiteRow } from './sites.repo.ts';

const num = (v: string | null): number | null => (v === null ? null : Number(v));

/** The API shape of a site row (numeric columns arrive as exact decimal strings). */
export function toSiteItem(r: SiteRow): SiteListItem {
  return {
    id: r.id, orgId: r.org_id, orgName: r.org_name, name: r.name, kind: r.kind as SiteKind, address: r.address,
    lng: num(r.lng), lat: num(r.lat), buildingArea: num(r.building_area), propertyRights: r.property_rights as PropertyRights | null,
    yearBuilt: r.year_built, yearUpgraded: r.year_upgraded, investment: num(r.investment), facilities: r.facilities,
    remarks: r.remarks, photoCount: Number(r.photo_count ?? 0),
  };
}

/** What the audit log keeps of a site: its own columns. */
export function siteSnapshot(r: SiteRow) {
  const { photoCount: _p, orgName: _o, id: _i, ...rest } = toSiteItem(r);
  return rest;
}
