import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyReply } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '@dangjian/db';
import {
  DuesArrearsResponse, DuesBaseRequest, DuesMemberDetail, DuesMemberListQuery, DuesMemberListResponse, DuesMemberParam,
  DuesMineResponse, DuesMonthlyReport, DuesMonthlyReportQuery, DuesOrgQuery, DuesPaymentParam, DuesPaymentRequest,
  DuesPaymentResponse, DuesRevokeRequest, DuesRulesResponse, DuesYearlyReport, DuesYearlyReportQuery, ErrorBody,
  LapseCandidatesResponse, PaidThroughResponse,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createDuesService } from './dues.service.ts';
import { createDuesArrearsService } from './dues-arrears.service.ts';
import { createDuesReportsService } from './dues-reports.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const writeErrors = { ...errors, 409: ErrorBody };
const tags = ['dues'];
const xlsx = z.any().describe('Excel 文件（.xlsx）');
const LapseQuery = z.strictObject({ orgId: DuesOrgQuery.shape.orgId });

function sendXlsx(reply: FastifyReply, f: { fileName: string; buffer: Buffer }, ascii: string) {
  return reply
    .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
    .send(f.buffer);
}

/** /api/v1/dues: 党费 bases, payments, arrears, 自行脱党 candidates, reports, and a member's own dues. */
export const duesRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const dues = createDuesService({ db, clock });
  const arrears = createDuesArrearsService({ db, clock });
  const reports = createDuesReportsService({ db });
  const actor = (req: Parameters<typeof sessionOf>[0]) => sessionOf(req).actor;

  app.get('/rules', { schema: { tags, summary: '党费交纳标准（现行）', response: { 200: DuesRulesResponse, ...errors } } },
    async (req) => dues.rules(actor(req)));

  app.get('/mine', { schema: { tags, summary: '本人党费交纳情况', response: { 200: DuesMineResponse, ...errors } } },
    async (req) => dues.mine(actor(req)));

  app.get('/members', { schema: { tags, summary: '党员党费核定情况（含下级组织，分页）', querystring: DuesMemberListQuery, response: { 200: DuesMemberListResponse, ...errors } } },
    async (req) => dues.list(actor(req), req.query));

  app.get('/members/:memberId', { schema: { tags, summary: '党员党费明细（基数记录、交纳记录、欠缴）', params: DuesMemberParam, response: { 200: DuesMemberDetail, ...errors } } },
    async (req) => dues.detail(actor(req), req.params.memberId));

  app.get('/members/:memberId/paid-through', { schema: { tags, summary: '党费交至年月（组织关系介绍信用）', params: DuesMemberParam, response: { 200: PaidThroughResponse, ...errors } } },
    async (req) => dues.paidThrough(actor(req), req.params.memberId));

  app.post('/members/:memberId/bases', { schema: { tags, summary: '核定党费基数（自某月起执行）', params: DuesMemberParam, body: DuesBaseRequest, response: { 200: DuesMemberDetail, ...writeErrors } } },
    async (req) => dues.setBase(actor(req), req.params.memberId, req.body));

  app.post('/payments', { schema: { tags, summary: '登记党费交纳（按月、按季、补交、少交免交）', body: DuesPaymentRequest, response: { 201: DuesPaymentResponse, ...writeErrors } } },
    async (req, reply) => reply.status(201).send(await dues.pay(actor(req), req.body)));

  app.post('/payments/:id/revoke', { schema: { tags, summary: '撤销一条误登记的交纳记录', params: DuesPaymentParam, body: DuesRevokeRequest, response: { 200: DuesMemberDetail, ...writeErrors } } },
    async (req) => dues.revoke(actor(req), req.params.id, req.body.reason));

  app.get('/arrears', { schema: { tags, summary: '欠缴名单（截至上月）', querystring: DuesOrgQuery, response: { 200: DuesArrearsResponse, ...errors } } },
    async (req) => arrears.list(actor(req), req.query));

  app.get('/lapse-candidates', { schema: { tags, summary: '连续 6 个月未交纳党费的党员', querystring: LapseQuery, response: { 200: LapseCandidatesResponse, ...errors } } },
    async (req) => arrears.lapse(actor(req), req.query.orgId));

  app.get('/reports/monthly', { schema: { tags, summary: '党费收缴月报', querystring: DuesMonthlyReportQuery, response: { 200: DuesMonthlyReport, ...errors } } },
    async (req) => reports.monthly(actor(req), req.query));

  app.get('/reports/monthly/export', { schema: { tags, summary: '导出党费收缴月报（Excel）', querystring: DuesMonthlyReportQuery, response: { 200: xlsx, ...errors } } },
    async (req, reply) => sendXlsx(reply, await reports.monthlyWorkbook(actor(req), req.query), `dues-${req.query.month}.xlsx`));

  app.get('/reports/yearly', { schema: { tags, summary: '党费收缴年报', querystring: DuesYearlyReportQuery, response: { 200: DuesYearlyReport, ...errors } } },
    async (req) => reports.yearly(actor(req), req.query));

  app.get('/reports/yearly/export', { schema: { tags, summary: '导出党费收缴年报（Excel）', querystring: DuesYearlyReportQuery, response: { 200: xlsx, ...errors } } },
    async (req, reply) => sendXlsx(reply, await reports.yearlyWorkbook(actor(req), req.query), `dues-${req.query.year}.xlsx`));
};
