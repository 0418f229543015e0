import { z } from 'zod';
import { pagedListFields } from './grids.ts';

const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
const text = (max: number) => z.string().trim().max(max);

/** Kinds of site 阵地, code → Chinese label. */
export const SITE_KINDS = {
  village_hq: '村级党群服务中心',
  community_hq: '社区党群服务中心',
  service_center: '党员群众服务中心',
  other: '其他阵地',
} as const;
export type SiteKind = keyof typeof SITE_KINDS;
export const SITE_KIND_CODES = Object.keys(SITE_KINDS) as [SiteKind, ...SiteKind[]];

/** Property rights 产权. */
export const PROPERTY_RIGHTS = { owned: '自有', leased: '租赁', shared: '共建共享', other: '其他' } as const;
export type PropertyRights = keyof typeof PROPERTY_RIGHTS;
export const PROPERTY_RIGHTS_CODES = Object.keys(PROPERTY_RIGHTS) as [PropertyRights, ...PropertyRights[]];

/** Facilities a site may have (source 002 and the provincial standard for 党群服务中心). */
export const SITE_FACILITIES = [
  '便民服务大厅', '党员活动室', '会议室', '阅览室', '电子阅览室', '儿童乐园', '老年之家', '卫生室',
  '文化广场', '远程教育站点', '调解室', '志愿服务站', '新时代文明实践站', '红色书屋', '警务室', '妇女儿童之家',
] as const;
export type SiteFacility = (typeof SITE_FACILITIES)[number];

export const SITE_PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type SitePhotoType = (typeof SITE_PHOTO_TYPES)[number];
export const SITE_PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const SITE_PHOTO_MAX_COUNT = 30;

const currentYearMax = 2100;
const year = z.number().int().min(1949).max(currentYearMax);
/** Money in yuan with at most 2 decimals. */
const yuan = z.number().min(0).max(1e11).multipleOf(0.01);

export const SiteUpgrade = z.strictObject({
  year,
  content: text(500).min(1),
  investment: yuan.nullable().optional(),
});
export type SiteUpgrade = z.infer<typeof SiteUpgrade>;

const siteFields = {
  name: text(100).min(1),
  kind: z.enum(SITE_KIND_CODES),
  address: text(200).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  buildingArea: z.number().min(0).max(1e6).multipleOf(0.01).nullable().optional(),
  propertyRights: z.enum(PROPERTY_RIGHTS_CODES).nullable().optional(),
  yearBuilt: year.nullable().optional(),
  yearUpgraded: year.nullable().optional(),
  investment: yuan.nullable().optional(),
  facilities: z.array(z.enum(SITE_FACILITIES)).max(SITE_FACILITIES.length).optional(),
  upgrades: z.array(SiteUpgrade).max(50).optional(),
  remarks: text(500).nullable().optional(),
};
export const SiteCreateRequest = z.strictObject({ orgId: Id, ...siteFields });
export type SiteCreateRequest = z.infer<typeof SiteCreateRequest>;
/** Any field but the organization; `upgrades`, when given, replaces the whole list. */
export const SiteUpdateRequest = z.strictObject(siteFields).partial();
export type SiteUpdateRequest = z.infer<typeof SiteUpdateRequest>;

export const SiteIdParam = z.strictObject({ id: Id });
export const SitePhotoParam = z.strictObject({ id: Id, photoId: Id });

export const SiteListQuery = z.strictObject({
  orgId: Id, kind: z.enum(SITE_KIND_CODES).optional(), q: text(50).optional(), ...pagedListFields,
});
export type SiteListQuery = z.infer<typeof SiteListQuery>;
export const SiteExportQuery = z.strictObject({ orgId: Id, kind: z.enum(SITE_KIND_CODES).optional(), q: text(50).optional() });
export type SiteExportQuery = z.infer<typeof SiteExportQuery>;

export const SiteListItem = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  name: z.string(),
  kind: z.enum(SITE_KIND_CODES),
  address: z.string().nullable(),
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  buildingArea: z.number().nullable(),
  propertyRights: z.enum(PROPERTY_RIGHTS_CODES).nullable(),
  yearBuilt: z.number().int().nullable(),
  yearUpgraded: z.number().int().nullable(),
  investment: z.number().nullable(),
  facilities: z.array(z.string()),
  remarks: z.string().nullable(),
  photoCount: z.number().int(),
});
export type SiteListItem = z.infer<typeof SiteListItem>;

/** Totals over every site matching the filter (not just the page). */
export const SiteTotals = z.object({
  count: z.number().int(),
  totalArea: z.number(),
  totalInvestment: z.number(),
  byKind: z.array(z.object({ kind: z.enum(SITE_KIND_CODES), count: z.number().int() })),
});
export type SiteTotals = z.infer<typeof SiteTotals>;

export const SiteListResponse = z.object({
  items: z.array(SiteListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), totals: SiteTotals,
});
export type SiteListResponse = z.infer<typeof SiteListResponse>;

export const SitePhoto = z.object({ id: z.string(), mime: z.enum(SITE_PHOTO_TYPES), size: z.number().int(), createdAt: z.string() });
export type SitePhoto = z.infer<typeof SitePhoto>;

export const SiteDetail = SiteListItem.extend({
  upgrades: z.array(z.object({ id: z.string(), year: z.number().int(), content: z.string(), investment: z.number().nullable() })),
  photos: z.array(SitePhoto),
  /** Where the caller may edit this site (the client shows or hides the actions). */
  canEdit: z.boolean(),
});
export type SiteDetail = z.infer<typeof SiteDetail>;

export const SiteDeletedResponse = z.object({ id: z.string(), deleted: z.literal(true) });
