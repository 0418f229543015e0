import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import {
  ErrorBody, MEETING_FILE_MAX_BYTES, MEETING_FILE_TYPES, MeetingAmendmentRequest, MeetingCreateRequest, MeetingDeletedResponse,
  MeetingDetail, MeetingExportQuery, MeetingFile, MeetingFileParam, MeetingFileQuery, MeetingIdParam, MeetingKindItem, MeetingKindCreateRequest,
  MeetingKindsQuery, MeetingKindsResponse, MeetingListQuery, MeetingListResponse, MeetingMineQuery, MeetingMineResponse,
  MeetingPrint, MeetingRosterQuery, MeetingRosterResponse, MeetingSettings, MeetingSettingsQuery, MeetingSettingsRequest, MeetingTemplatesResponse, MeetingUpdateRequest,
} from '@dangjian/contracts';
import type { Clock } from '../../lib/clock.ts';
import { sessionOf } from '../../http/session.ts';
import { createMeetingsService } from './meetings.service.ts';
import { createMeetingAmendService } from './meeting-amend.service.ts';
import { createMeetingFilesService } from './meeting-files.service.ts';
import { createMeetingConfigService } from './meeting-config.service.ts';
import { createMeetingMineService } from './meeting-mine.service.ts';
import { meetingsWorkbook } from './meetings.export.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const locked = { 409: ErrorBody };
const tags = ['meetings'];
const uploadLimit = MEETING_FILE_MAX_BYTES + 1024 * 1024;

/** /api/v1/meetings: records of 三会一课 and other organizational life (C1, C2). */
export const meetingsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const meetings = createMeetingsService({ db, clock });
  const amendments = createMeetingAmendService({ db, clock });
  const files = createMeetingFilesService({ db, clock });
  const config = createMeetingConfigService({ db, clock });
  const mine = createMeetingMineService({ db, clock });

  // Files arrive as the raw body. Any image/* or application/* but JSON reaches the
  // magic-byte check, so a mislabelled file gets its own error code, not a bare 415.
  app.addContentTypeParser(/^(image\/[\w.+-]+|application\/(?!json)[\w.+-]+)$/, { parseAs: 'buffer', bodyLimit: uploadLimit }, (_req, body, done) => done(null, body));

  app.get('/', {
    schema: { tags, summary: '会议记录列表（含下级组织，分页，含应到/实到/缺席/请假）', querystring: MeetingListQuery, response: { 200: MeetingListResponse, ...errors } },
  }, async (req) => meetings.list(sessionOf(req).actor, req.query));

  app.get('/export', {
    schema: { tags, summary: '导出组织生活台账 Excel', querystring: MeetingExportQuery, produces: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
  }, async (req, reply) => {
    const { orgName, items } = await meetings.exportRows(sessionOf(req).actor, req.query);
    const buf = await meetingsWorkbook(orgName, items);
    const d = clock().toISOString().slice(0, 10).replaceAll('-', '');
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="meetings-${d}.xlsx"; filename*=UTF-8''${encodeURIComponent(`组织生活台账-${orgName}-${d}.xlsx`)}`)
      .send(buf);
  });

  app.get('/mine', {
    schema: { tags, summary: '我的组织生活：本人当年应参加、已参加、缺席的会议', querystring: MeetingMineQuery, response: { 200: MeetingMineResponse, ...errors } },
  }, async (req) => mine.mine(sessionOf(req).actor, req.query.year));

  app.get('/roster', {
    schema: { tags, summary: '新建会议时的应到人员名单（取自党员名册）', querystring: MeetingRosterQuery, response: { 200: MeetingRosterResponse, ...errors } },
  }, async (req) => meetings.roster(sessionOf(req).actor, req.query));

  app.get('/kinds', {
    schema: { tags, summary: '会议类型（内置 + 本组织及上级自定义）', querystring: MeetingKindsQuery, response: { 200: MeetingKindsResponse, ...errors } },
  }, async (req) => config.kinds(sessionOf(req).actor, req.query.orgId));

  app.post('/kinds', {
    schema: { tags, summary: '新增自定义会议类型（如 团拜会），适用于该组织及下级', body: MeetingKindCreateRequest, response: { 201: MeetingKindItem, ...errors, ...locked } },
  }, async (req, reply) => reply.status(201).send(await config.createKind(sessionOf(req).actor, req.body)));

  app.get('/templates', {
    schema: { tags, summary: '会议模板（情感党日五步法、5+N）', response: { 200: MeetingTemplatesResponse, ...errors } },
  }, async (req) => config.templates(sessionOf(req).actor));

  app.get('/settings', {
    schema: { tags, summary: '会议记录锁定天数（本级或就近上级设置，默认 7 天）', querystring: MeetingSettingsQuery, response: { 200: MeetingSettings, ...errors } },
  }, async (req) => config.settings(sessionOf(req).actor, req.query.orgId));

  app.put('/settings', {
    schema: { tags, summary: '设置本组织及下级的会议记录锁定天数', body: MeetingSettingsRequest, response: { 200: MeetingSettings, ...errors } },
  }, async (req) => config.setLockDays(sessionOf(req).actor, req.body));

  app.post('/', {
    schema: { tags, summary: '新建会议记录（参会名单取自该组织党员名册）', body: MeetingCreateRequest, response: { 201: MeetingDetail, ...errors } },
  }, async (req, reply) => reply.status(201).send(await meetings.create(sessionOf(req).actor, req.body)));

  app.get('/:id', {
    schema: { tags, summary: '会议记录详情（含考勤、附件、更正记录）', params: MeetingIdParam, response: { 200: MeetingDetail, ...errors } },
  }, async (req) => meetings.get(sessionOf(req).actor, req.params.id));

  app.get('/:id/print', {
    schema: { tags, summary: '会议记录打印稿（A4 纸质存档格式）', params: MeetingIdParam, response: { 200: MeetingPrint, ...errors } },
  }, async (req) => meetings.print(sessionOf(req).actor, req.params.id));

  app.patch('/:id', {
    schema: { tags, summary: '修改会议记录（锁定前）', params: MeetingIdParam, body: MeetingUpdateRequest, response: { 200: MeetingDetail, ...errors, ...locked } },
  }, async (req) => meetings.update(sessionOf(req).actor, req.params.id, req.body));

  app.delete('/:id', {
    schema: { tags, summary: '删除会议记录（锁定前）', params: MeetingIdParam, response: { 200: MeetingDeletedResponse, ...errors, ...locked } },
  }, async (req) => meetings.remove(sessionOf(req).actor, req.params.id));

  app.post('/:id/amendments', {
    schema: { tags, summary: '更正已锁定的会议记录（仅上级党组织书记/组织部门，须填写原因）', params: MeetingIdParam, body: MeetingAmendmentRequest, response: { 201: MeetingDetail, ...errors, ...locked } },
  }, async (req, reply) => reply.status(201).send(await amendments.amend(sessionOf(req).actor, req.params.id, req.body)));

  app.post('/:id/files', {
    bodyLimit: uploadLimit,
    schema: {
      tags, summary: '上传会议照片或附件（请求体为文件本身：JPEG、PNG、PDF、docx，≤10 MB）', params: MeetingIdParam, querystring: MeetingFileQuery,
      consumes: Object.keys(MEETING_FILE_TYPES), response: { 201: MeetingFile, ...errors, ...locked, 413: ErrorBody, 415: ErrorBody },
    },
  }, async (req, reply) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    return reply.status(201).send(await files.upload(sessionOf(req).actor, req.params.id, req.query, body));
  });

  app.get('/:id/files/:fileId', {
    schema: { tags, summary: '下载会议照片或附件', params: MeetingFileParam, produces: Object.keys(MEETING_FILE_TYPES) },
  }, async (req, reply) => {
    const f = await files.get(sessionOf(req).actor, req.params.id, req.params.fileId);
    const disposition = f.mime.startsWith('image/') ? 'inline' : 'attachment';
    return reply.header('content-type', f.mime)
      .header('content-disposition', `${disposition}; filename="file-${req.params.fileId}"; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('x-content-type-options', 'nosniff').send(f.data);
  });

  app.delete('/:id/files/:fileId', {
    schema: { tags, summary: '删除会议照片或附件（锁定前）', params: MeetingFileParam, response: { 200: MeetingDeletedResponse, ...errors, ...locked } },
  }, async (req) => files.remove(sessionOf(req).actor, req.params.id, req.params.fileId));
};
