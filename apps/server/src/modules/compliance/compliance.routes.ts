import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  ComplianceExportQuery, ComplianceQuery, ComplianceRemindersResponse, ComplianceResponse, ErrorBody, MeetingRule,
  MeetingRuleCreateRequest, MeetingRuleDeletedResponse, MeetingRuleIdParam, MeetingRuleListQuery, MeetingRuleListResponse,
  MeetingRuleUpdateRequest,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createComplianceService } from './compliance.service.ts';
import { complianceWorkbook } from './compliance.export.ts';
import { createMeetingRulesService } from './meeting-rules.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** /api/v1/meeting-rules (frequencies as data) and /api/v1/compliance (report, export, reminders). */
export const complianceRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const compliance = createComplianceService({ db, clock });
  const rules = createMeetingRulesService({ db });
  const tags = ['compliance'];

  app.get('/meeting-rules', {
    schema: { tags, summary: '会议频次规则（默认、上级、本级及下级设置）', querystring: MeetingRuleListQuery, response: { 200: MeetingRuleListResponse, ...errors } },
  }, async (req) => rules.list(sessionOf(req).actor, req.query.orgId));

  app.post('/meeting-rules', {
    schema: { tags, summary: '新增会议频次规则（组织部管理员，适用于该组织及其下级）', body: MeetingRuleCreateRequest, response: { 201: MeetingRule, ...errors } },
  }, async (req, reply) => reply.status(201).send(await rules.create(sessionOf(req).actor, req.body)));

  app.patch('/meeting-rules/:id', {
    schema: { tags, summary: '修改会议频次规则', params: MeetingRuleIdParam, body: MeetingRuleUpdateRequest, response: { 200: MeetingRule, ...errors } },
  }, async (req) => rules.update(sessionOf(req).actor, req.params.id, req.body));

  app.delete('/meeting-rules/:id', {
    schema: { tags, summary: '删除会议频次规则（恢复继承上级或默认规则）', params: MeetingRuleIdParam, response: { 200: MeetingRuleDeletedResponse, ...errors } },
  }, async (req) => rules.remove(sessionOf(req).actor, req.params.id));

  app.get('/compliance', {
    schema: { tags, summary: '组织生活落实情况（应开/已开/缺开，按组织，分页）', querystring: ComplianceQuery, response: { 200: ComplianceResponse, ...errors } },
  }, async (req) => compliance.report(sessionOf(req).actor, req.query));

  // The export's 200 is a file, so it carries no response schema.
  app.get('/compliance/export', {
    schema: { tags, summary: '导出组织生活落实情况 Excel', querystring: ComplianceExportQuery, produces: [XLSX] },
  }, async (req, reply) => {
    const r = await compliance.exportRows(sessionOf(req).actor, req.query);
    const buf = await complianceWorkbook(r.orgName, r.periodLabel, r.asOf, r.rows, r.summary);
    const name = encodeURIComponent(`组织生活落实情况-${r.orgName}-${req.query.period}.xlsx`);
    return reply.header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="compliance-${req.query.period}.xlsx"; filename*=UTF-8''${name}`)
      .send(buf);
  });

  app.get('/compliance/reminders', {
    schema: { tags, summary: '书记提醒：本期将结束仍缺开的会议、上期未达标的会议', response: { 200: ComplianceRemindersResponse, 401: ErrorBody } },
  }, async (req) => compliance.reminders(sessionOf(req).actor));
};
