import { z } from 'zod';
import { LIMITS } from '../limits.ts';

/** Shared pieces of the study contracts. */
export const StudyId = z.string().regex(/^\d{1,18}$/, '编号格式不正确');
export const studyText = (max: number) => z.string().trim().max(max);
export const StudyDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '日期无效');
export const StudyIdParam = z.strictObject({ id: StudyId });
export const studyPaging = {
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(LIMITS.pageSizeDefault),
};
export const StudyOkResponse = z.object({ id: z.string(), ok: z.literal(true) });
