import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  DevCalendarDayParam, DevCalendarDayRequest, DevCalendarDayResponse, DevCalendarQuery, DevCalendarResponse, DevCaseCreateRequest,
  DevCaseDetail, DevCaseIdParam, DevCaseListQuery, DevCaseListResponse, DevDocumentParam, DevDocumentQuery, DevDocumentView,
  DevEligibleMembersResponse, DevNoticeRequest, DevNoticeView, DevPipelineQuery, DevPipelineResponse, DevRuleBindingRequest,
  DevRuleBindingResponse, DevRuleSetsResponse, DevStepRequest, DevTodoResponse, ErrorBody, PublicNoticesResponse,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createDevelopmentService } from './development.service.ts';
import { createDevelopmentFilesService, DEV_DOCUMENT_MAX_BYTES } from './development-files.service.ts';
import { createDevelopmentQueues } from './development-queues.service.ts';
import { createDevelopmentRulesService } from './development-rules.service.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const writeErrors = { ...errors, 409: ErrorBody, 422: ErrorBody };
const tags = ['development'];

/**
 * /api/v1/development-cases…, /development-rules…, /development-calendar… and the public
 * /public/notices (公示, no session: names, organization, stage and period only).
 */
export const developmentRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const dev = createDevelopmentService({ db, clock });
  const files = createDevelopmentFilesService({ db, clock });
  const queues = createDevelopmentQueues({ db, clock });
  const rules = createDevelopmentRulesService({ db });

  // Documents arrive as the raw file body; the magic-byte check decides the type, so any
  // declared PDF or image type is parsed here and a mislabelled file gets DEV_DOCUMENT_TYPE.
  app.addContentTypeParser(/^(application\/pdf|image\/[\w.+-]+|application\/octet-stream)$/, { parseAs: 'buffer', bodyLimit: DEV_DOCUMENT_MAX_BYTES + 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/public/notices', {
    config: { public: true },
    schema: { tags, summary: '公示栏（公开，无需登录；仅姓名、组织、阶段、公示期）', response: { 200: PublicNoticesResponse } },
  }, async () => queues.publicNotices());

  app.get('/development-cases', {
    schema: { tags, summary: '发展档案列表（含下级组织，逾期优先）', querystring: DevCaseListQuery, response: { 200: DevCaseListResponse, ...errors } },
  }, async (req) => dev.list(sessionOf(req).actor, req.query));

  app.post('/development-cases', {
    schema: { tags, summary: '新建发展档案（递交入党申请书，第 1 步）', body: DevCaseCreateRequest, response: { 201: DevCaseDetail, ...writeErrors } },
  }, async (req, reply) => reply.status(201).send(await dev.create(sessionOf(req).actor, req.body)));

  app.get('/development-cases/todo', {
    schema: { tags, summary: '待办：即将到期或已逾期的发展步骤', response: { 200: DevTodoResponse, ...errors } },
  }, async (req) => queues.todo(sessionOf(req).actor));

  app.get('/development-cases/pipeline', {
    schema: { tags, summary: '发展党员进度（按阶段，逾期优先）', querystring: DevPipelineQuery, response: { 200: DevPipelineResponse, ...errors } },
  }, async (req) => queues.pipeline(sessionOf(req).actor, req.query.orgId));

  app.get('/development-cases/:id', {
    schema: { tags, summary: '发展档案详情（25 步时间线、期限、规则）', params: DevCaseIdParam, response: { 200: DevCaseDetail, ...errors } },
  }, async (req) => dev.detail(sessionOf(req).actor, req.params.id));

  app.get('/development-cases/:id/eligible-members', {
    schema: { tags, summary: '可担任培养联系人、入党介绍人的本支部正式党员', params: DevCaseIdParam, response: { 200: DevEligibleMembersResponse, ...errors } },
  }, async (req) => dev.eligible(sessionOf(req).actor, req.params.id));

  app.post('/development-cases/:id/steps', {
    schema: { tags, summary: '办理下一步（按规则校验，不符合时 422 并指明规则）', params: DevCaseIdParam, body: DevStepRequest, response: { 200: DevCaseDetail, ...writeErrors } },
  }, async (req) => dev.addStep(sessionOf(req).actor, req.params.id, req.body));

  app.post('/development-cases/:id/notices', {
    schema: { tags, summary: '发布公示（按工作日计算公示期）', params: DevCaseIdParam, body: DevNoticeRequest, response: { 201: DevNoticeView, ...writeErrors } },
  }, async (req, reply) => reply.status(201).send(await files.publish(sessionOf(req).actor, req.params.id, req.body)));

  app.post('/development-cases/:id/documents', {
    bodyLimit: DEV_DOCUMENT_MAX_BYTES + 1024 * 1024,
    schema: {
      tags, summary: '上传步骤材料（请求体为文件本身：PDF、JPEG 或 PNG，≤10 MB）', params: DevCaseIdParam, querystring: DevDocumentQuery,
      consumes: ['application/pdf', 'image/jpeg', 'image/png'], response: { 201: DevDocumentView, ...errors, 413: ErrorBody, 415: ErrorBody },
    },
  }, async (req, reply) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return reply.status(201).send(await files.upload(sessionOf(req).actor, req.params.id, req.query.stepNo, req.query.fileName, body));
  });

  app.get('/development-cases/:id/documents/:docId', {
    schema: { tags, summary: '下载步骤材料', params: DevDocumentParam, produces: ['application/pdf', 'image/jpeg', 'image/png'] },
  }, async (req, reply) => {
    const d = await files.download(sessionOf(req).actor, req.params.id, req.params.docId);
    return reply.header('content-type', d.mime).header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(d.file_name)}`).send(d.data);
  });

  app.get('/development-rules', {
    schema: { tags, summary: '发展党员规则集（按文件和生效日期）及各地启用情况', response: { 200: DevRuleSetsResponse, ...errors } },
  }, async (req) => rules.list(sessionOf(req).actor));

  app.post('/development-rules/bindings', {
    schema: { tags, summary: '为本地区启用地方规则集（组织部）', body: DevRuleBindingRequest, response: { 201: DevRuleBindingResponse, ...writeErrors } },
  }, async (req, reply) => reply.status(201).send(await rules.bind(sessionOf(req).actor, req.body)));

  app.get('/development-calendar', {
    schema: { tags, summary: '工作日历（节假日、调休上班日）', querystring: DevCalendarQuery, response: { 200: DevCalendarResponse, ...errors } },
  }, async (req) => rules.calendar(req.query.year));

  app.put('/development-calendar/:day', {
    schema: { tags, summary: '设置节假日或调休上班日（系统管理员）', params: DevCalendarDayParam, body: DevCalendarDayRequest, response: { 200: DevCalendarDayResponse, ...errors } },
  }, async (req) => rules.setDay(sessionOf(req).actor, req.params.day, req.body));

  app.delete('/development-calendar/:day', {
    schema: { tags, summary: '删除日历设置（恢复为普通周一至周五工作日）', params: DevCalendarDayParam, response: { 200: DevCalendarDayResponse, ...errors } },
  }, async (req) => rules.setDay(sessionOf(req).actor, req.params.day, null));
};
