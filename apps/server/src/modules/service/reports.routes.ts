import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '@dangjian/db';
import {
  CommunityListResponse, CommunityQuery, ErrorBody, ServiceDeleted, ServiceFeedback, ServiceFeedbackListResponse, ServiceFeedbackRequest,
  ServiceHoursEntry, ServiceHoursListQuery, ServiceHoursListResponse, ServiceHoursRequest, ServiceIdParam, ServiceReport, ServiceReportEndRequest,
  ServiceReportListQuery, ServiceReportListResponse, ServiceReportRequest, ServiceTotals, ServiceYearQuery,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createReportsService } from './reports.service.ts';
import { createHoursService } from './hours.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const xlsx = z.any().describe('Excel 文件（.xlsx）');

/** /api/v1/service-reports (双报到), /service-hours (服务时长), /service-feedback (反馈评价), /service-communities. */
export const reportsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const reports = createReportsService({ db, clock });
  const hours = createHoursService({ db, clock });
  const actor = (req: Parameters<typeof sessionOf>[0]) => sessionOf(req).actor;
  const rt = ['service-reports'];
  const ht = ['service-hours'];

  app.get('/service-communities', { schema: { tags: rt, summary: '可报到的社区（按名称查找）', querystring: CommunityQuery, response: { 200: CommunityListResponse, ...errors } } },
    async (req) => reports.communities(actor(req), req.query.q));
  app.post('/service-reports', { schema: { tags: rt, summary: '到社区报到（本人；书记可为本组织党员办理）', body: ServiceReportRequest, response: { 201: ServiceReport, ...errors } } },
    async (req, reply) => reply.status(201).send(await reports.report(actor(req), req.body)));
  app.get('/service-reports', { schema: { tags: rt, summary: '报到党员（社区一侧或党员所在组织一侧，含本年服务时长和评价）', querystring: ServiceReportListQuery, response: { 200: ServiceReportListResponse, ...errors } } },
    async (req) => reports.list(actor(req), req.query));
  app.post('/service-reports/:id/end', { schema: { tags: rt, summary: '结束报到（同时退出该社区岗位）', params: ServiceIdParam, body: ServiceReportEndRequest.optional(), response: { 200: ServiceReport, ...errors } } },
    async (req) => reports.end(actor(req), req.params.id, req.body?.endedOn));

  app.put('/service-feedback', { schema: { tags: rt, summary: '社区对报到党员的年度评价（好/较好/一般/差）', body: ServiceFeedbackRequest, response: { 200: ServiceFeedback, ...errors } } },
    async (req) => reports.rate(actor(req), req.body));
  app.get('/service-feedback', { schema: { tags: rt, summary: '年度评价（社区给出的，或本组织党员收到的）', querystring: ServiceYearQuery, response: { 200: ServiceFeedbackListResponse, ...errors } } },
    async (req) => reports.feedback(actor(req), req.query));

  app.post('/service-hours', { schema: { tags: ht, summary: '登记服务时长（本人；书记可为党员登记），每满 1 小时计志愿服务积分', body: ServiceHoursRequest, response: { 201: ServiceHoursEntry, ...errors } } },
    async (req, reply) => reply.status(201).send(await hours.log(actor(req), req.body)));
  app.get('/service-hours', { schema: { tags: ht, summary: '服务时长记录（分页）', querystring: ServiceHoursListQuery, response: { 200: ServiceHoursListResponse, ...errors } } },
    async (req) => hours.list(actor(req), req.query));
  app.get('/service-hours/totals', { schema: { tags: ht, summary: '服务时长与人次合计（按党员、按服务社区）', querystring: ServiceYearQuery, response: { 200: ServiceTotals, ...errors } } },
    async (req) => hours.totals(actor(req), req.query));
  app.get('/service-hours/export', { schema: { tags: ht, summary: '导出年度党员服务时长（Excel）', querystring: ServiceYearQuery, response: { 200: xlsx, ...errors } } },
    async (req, reply) => {
      const f = await hours.workbook(actor(req), req.query);
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="service-hours.xlsx"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`).send(f.buffer);
    });
  app.delete('/service-hours/:id', { schema: { tags: ht, summary: '删除错误的服务时长记录（撤销其积分）', params: ServiceIdParam, response: { 200: ServiceDeleted, ...errors } } },
    async (req) => hours.remove(actor(req), req.params.id));
};
