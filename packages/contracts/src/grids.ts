import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { MEMBER_STATUS_CODES } from './enums.ts';

const Id = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
/** Mobile (11 digits from 1) or landline with area code (0xxx-xxxxxxx). */
export const ContactPhone = z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确');
const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).nullable().optional();

/** Organization types a grid can belong to: the village or community party organization. */
export const GRID_COMMUNITY_ORG_TYPES = ['party_committee', 'general_branch', 'branch'] as const;
/** Organization types that can serve a grid: 网格党支部, 楼栋党小组, or a village 党小组. */
export const GRID_ORG_TYPES = ['grid_branch', 'building_group', 'group'] as const;

export const GridIdParam = z.strictObject({ id: Id });
export const GridBuildingParam = z.strictObject({ id: Id, buildingId: Id });
export const GridMemberParam = z.strictObject({ id: Id, memberId: Id });
export const GridResidentParam = z.strictObject({ id: Id, residentId: Id });

export const pagedListFields = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
};

export const GridListQuery = z.strictObject({ orgId: Id, q: text(50).optional(), ...pagedListFields });
export type GridListQuery = z.infer<typeof GridListQuery>;

export const GridListItem = z.object({
  id: z.string(),
  name: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  gridOrgId: z.string().nullable(),
  gridOrgName: z.string().nullable(),
  leaderName: z.string().nullable(),
  leaderPhone: z.string().nullable(),
  /** The figure typed in, or null when the buildings' sum is used. */
  householdsEntered: z.number().int().nullable(),
  /** Households of the grid: householdsEntered, else the sum over its buildings. */
  households: z.number().int(),
  memberCount: z.number().int(),
  residentCount: z.number().int(),
  buildingCount: z.number().int(),
  remarks: z.string().nullable(),
});
export type GridListItem = z.infer<typeof GridListItem>;

export const GridListResponse = z.object({
  items: z.array(GridListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
});
export type GridListResponse = z.infer<typeof GridListResponse>;

const gridFields = {
  name: text(100).min(1),
  gridOrgId: Id.nullable().optional(),
  leaderName: optText(50),
  leaderPhone: ContactPhone.nullable().optional(),
  households: z.number().int().min(0).max(100000).nullable().optional(),
  remarks: optText(500),
};
export const GridCreateRequest = z.strictObject({ orgId: Id, ...gridFields });
export type GridCreateRequest = z.infer<typeof GridCreateRequest>;
/** The community (orgId) is fixed once members and residents hang on the grid. */
export const GridUpdateRequest = z.strictObject(gridFields).partial();
export type GridUpdateRequest = z.infer<typeof GridUpdateRequest>;

export const GridBuilding = z.object({
  id: z.string(), name: z.string(), units: z.number().int(), households: z.number().int(),
  remarks: z.string().nullable(), residentCount: z.number().int(),
});
export type GridBuilding = z.infer<typeof GridBuilding>;

export const GridDetail = GridListItem.extend({ buildings: z.array(GridBuilding) });
export type GridDetail = z.infer<typeof GridDetail>;

const buildingFields = {
  name: text(50).min(1),
  units: z.number().int().min(0).max(100).optional(),
  households: z.number().int().min(0).max(10000).optional(),
  remarks: optText(200),
};
export const BuildingRequest = z.strictObject(buildingFields);
export type BuildingRequest = z.infer<typeof BuildingRequest>;
export const BuildingUpdateRequest = z.strictObject(buildingFields).partial();
export type BuildingUpdateRequest = z.infer<typeof BuildingUpdateRequest>;

export const AssignMembersRequest = z.strictObject({ memberIds: z.array(Id).min(1).max(200) });
export type AssignMembersRequest = z.infer<typeof AssignMembersRequest>;
export const AssignMembersResponse = z.object({ assigned: z.number().int() });

export const GridMember = z.object({
  id: z.string(), name: z.string(), gender: z.enum(['male', 'female']), status: z.enum(MEMBER_STATUS_CODES),
  orgId: z.string(), orgName: z.string(), phoneMasked: z.string().nullable(),
});
export const GridMembersResponse = z.object({ items: z.array(GridMember) });
export type GridMembersResponse = z.infer<typeof GridMembersResponse>;

export const Resident = z.object({
  id: z.string(),
  gridId: z.string(),
  name: z.string(),
  /** Full for those who may edit the grid, masked for readers. */
  phone: z.string().nullable(),
  address: z.string().nullable(),
  buildingId: z.string().nullable(),
  buildingName: z.string().nullable(),
  isPartyMember: z.boolean(),
  remarks: z.string().nullable(),
});
export type Resident = z.infer<typeof Resident>;

const residentFields = {
  name: text(50).min(1),
  phone: ContactPhone.nullable().optional(),
  address: optText(200),
  buildingId: Id.nullable().optional(),
  isPartyMember: z.boolean().optional(),
  remarks: optText(200),
};
export const ResidentRequest = z.strictObject(residentFields);
export type ResidentRequest = z.infer<typeof ResidentRequest>;
export const ResidentUpdateRequest = z.strictObject(residentFields).partial();
export type ResidentUpdateRequest = z.infer<typeof ResidentUpdateRequest>;

export const ResidentListQuery = z.strictObject({ q: text(50).optional(), ...pagedListFields });
export type ResidentListQuery = z.infer<typeof ResidentListQuery>;
export const ResidentListResponse = z.object({
  items: z.array(Resident), total: z.number().int(), page: z.number().int(), pageSize: z.number().int(),
});
export type ResidentListResponse = z.infer<typeof ResidentListResponse>;

export const GridTreeQuery = z.strictObject({ orgId: Id.optional() });
/** Grids grouped under their community org id, for the organization tree. */
export const GridTreeResponse = z.object({
  communities: z.array(z.object({
    orgId: z.string(),
    grids: z.array(z.object({ id: z.string(), name: z.string(), gridOrgId: z.string().nullable() })),
  })),
});
export type GridTreeResponse = z.infer<typeof GridTreeResponse>;

export const RecordDeletedResponse = z.object({ id: z.string(), deleted: z.literal(true) });
