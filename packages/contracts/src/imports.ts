import { z } from 'zod';
import { MEMBER_STATUS_CODES } from './enums.ts';

/** The import template's vocabularies are the member record's (one list, one place). */
export { MEMBER_ETHNICITIES as ETHNICITIES, MEMBER_EDUCATIONS as EDUCATION_LEVELS, MEMBER_CATEGORY_VALUES as MEMBER_CATEGORIES } from './members/vocab.ts';

/** Columns of the member import template, in order; `*` marks a required column. */
export const MEMBER_IMPORT_COLUMNS = [
  { key: 'name', header: '姓名*', required: true },
  { key: 'idNumber', header: '身份证号*', required: true },
  { key: 'phone', header: '手机号', required: false },
  { key: 'ethnicity', header: '民族', required: false },
  { key: 'education', header: '学历', required: false },
  { key: 'occupation', header: '职业', required: false },
  { key: 'org', header: '所在组织*', required: true },
  { key: 'joinedOn', header: '入党日期*', required: true },
  { key: 'fullOn', header: '转正日期', required: false },
  { key: 'status', header: '党员状态*', required: true },
  { key: 'categories', header: '人员类别', required: false },
] as const;
export type MemberImportKey = (typeof MEMBER_IMPORT_COLUMNS)[number]['key'];

/** Columns of the organization import template, in order. */
export const ORG_IMPORT_COLUMNS = [
  { key: 'name', header: '名称*', required: true },
  { key: 'type', header: '类型*', required: true },
  { key: 'parent', header: '上级组织*', required: true },
  { key: 'shortName', header: '简称', required: false },
  { key: 'code', header: '组织代码', required: false },
] as const;
export type OrgImportKey = (typeof ORG_IMPORT_COLUMNS)[number]['key'];

export const IMPORT_KINDS = ['members', 'orgs'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['queued', 'validating', 'writing', 'done', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export const IMPORT_LIMITS = { maxRows: 50_000, maxBytes: 20 * 1024 * 1024, storedErrors: 200, exportMaxRows: 100_000 } as const;

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** POST /members/import?orgId=…, /orgs/import?orgId=…: the target organization. */
export const ImportTargetQuery = z.strictObject({
  orgId: z.string().regex(/^\d{1,18}$/, '组织编号格式不正确'),
  fileName: z.string().trim().max(200).optional(),
});
export type ImportTargetQuery = z.infer<typeof ImportTargetQuery>;

export const ImportStartResponse = z.object({ jobId: z.string() });
export type ImportStartResponse = z.infer<typeof ImportStartResponse>;

/** One problem of one cell: row is the Excel row number (the header is row 1). */
export const ImportRowError = z.object({ row: z.number().int(), column: z.string(), reason: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ImportJob = z.object({
  id: z.string(),
  kind: z.enum(IMPORT_KINDS),
  orgId: z.string(),
  orgName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string().nullable(),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  errorCount: z.number().int(),
  /** The first errors (at most IMPORT_LIMITS.storedErrors); the error workbook has them all. */
  errors: z.array(ImportRowError),
  createdCount: z.number().int(),
  /** Why the whole file was refused (not a workbook, headers missing…), when it was. */
  failureCode: z.string().nullable(),
  message: z.string().nullable(),
  hasErrorReport: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;

/** GET /members/export: the filters of GET /members, without paging. */
export const MemberExportQuery = z.strictObject({
  orgId: z.string().regex(/^\d{1,18}$/, '组织编号格式不正确'),
  status: z.enum(MEMBER_STATUS_CODES).optional(),
  q: z.string().trim().max(50).optional(),
});
export type MemberExportQuery = z.infer<typeof MemberExportQuery>;
