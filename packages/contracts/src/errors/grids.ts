/**
 * Error codes of the grids and sites features (A2, A4): code → { status, Chinese message }.
 * Never rename a code.
 */
export const GRIDS_ERRORS = {
  GRID_COMMUNITY_INVALID: { status: 400, message: '网格须建在村（社区）党组织下' },
  GRID_ORG_INVALID: { status: 400, message: '网格党组织须是该村（社区）下的网格党支部、楼栋党小组或党小组' },
  GRID_NAME_TAKEN: { status: 409, message: '该村（社区）下已有同名网格' },
  GRID_NOT_EMPTY: { status: 409, message: '网格内还有党员或群众，请先移出后再删除' },
  GRID_MEMBER_OUTSIDE_COMMUNITY: { status: 409, message: '党员不属于该网格所在的村（社区）' },
  GRID_BUILDING_NAME_TAKEN: { status: 409, message: '该网格下已有同名楼栋' },
  GRID_BUILDING_INVALID: { status: 400, message: '所选楼栋不属于该网格' },
  SITE_NAME_TAKEN: { status: 409, message: '该组织下已有同名阵地' },
  SITE_YEARS_INVALID: { status: 400, message: '提升改造年份不能早于建成年份' },
  SITE_PHOTO_TYPE_INVALID: { status: 415, message: '照片须是 JPEG、PNG 或 WebP 图片' },
  SITE_PHOTO_TOO_LARGE: { status: 413, message: '单张照片不能超过 5 MB' },
  SITE_PHOTO_LIMIT: { status: 409, message: '每个阵地最多上传 30 张照片' },
} as const satisfies Record<string, { status: number; message: string }>;
