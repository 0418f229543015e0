import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParam, SizeReportQuery, SizeReportResponse } from '@dangjian/contracts';
import { sessionOf } from '../../http/session.ts';
import type { SizeReportService } from './size-report.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** /api/v1/orgs/:id/size-report: 支部规模报表, as JSON pages or an Excel file. */
export const sizeReportRoutes: FastifyPluginAsyncZod<{ sizes: SizeReportService }> = async (app, { sizes }) => {
  app.get('/:id/size-report', {
    schema: { tags: ['orgs'], summary: '支部规模报表', params: IdParam, querystring: SizeReportQuery, response: { 200: SizeReportResponse, ...errors } },
  }, async (req) => sizes.report(sessionOf(req).actor, req.params.id, req.query));

  app.get('/:id/size-report/export', {
    schema: { tags: ['orgs'], summary: '导出支部规模报表（Excel）', params: IdParam,
      response: { 200: z.any().describe('Excel 文件（.xlsx）'), ...errors } },
  }, async (req, reply) => {
    const { fileName, buffer } = await sizes.workbook(sessionOf(req).actor, req.params.id);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="size-report.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
      .send(buffer);
  });
};
