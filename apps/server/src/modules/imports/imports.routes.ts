import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '@dangjian/db';
import {
  ErrorBody, IdParam, IMPORT_LIMITS, ImportJob, ImportStartResponse, ImportTargetQuery, MemberExportQuery, XLSX_MIME, type ImportKind,
} from '@dangjian/contracts';
import { sessionOf } from '../../http/session.ts';
import type { Clock } from '../../lib/clock.ts';
import { createImportsService } from './imports.service.ts';
import { exportMembers } from './member-export.ts';
import { memberTemplate, orgTemplate } from './templates.ts';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
/** A binary .xlsx answer, as OpenAPI shows it (Fastify sends Buffers without serializing). */
const xlsx = z.any().describe('Excel 工作簿（.xlsx）');
const xlsxBody = z.custom<Buffer>((v) => Buffer.isBuffer(v), { message: '请上传 .xlsx 文件' })
  .describe(`Excel 工作簿原始字节，Content-Type: ${XLSX_MIME}，不超过 20 MB`);

function sendXlsx(reply: FastifyReply, bytes: Buffer, fileName: string) {
  return reply
    .header('content-type', XLSX_MIME)
    .header('content-disposition', `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .send(bytes);
}

/**
 * Excel import and export: templates, uploads that become jobs (POST answers 202 with the job
 * id), job progress and error report, and the member export. The upload body is the raw
 * .xlsx (no multipart), parsed only by this plugin, up to 20 MB.
 */
export const importsRoutes: FastifyPluginAsyncZod<{ db: Kysely<DB>; clock: Clock }> = async (app, { db, clock }) => {
  const imports = createImportsService({ db, clock, logError: (err, jobId) => app.log.error({ err, jobId }, 'import job failed') });
  for (const type of [XLSX_MIME, 'application/octet-stream']) {
    app.addContentTypeParser(type, { parseAs: 'buffer', bodyLimit: IMPORT_LIMITS.maxBytes }, (_req, body, done) => done(null, body));
  }

  const templates = { members: ['党员导入模板.xlsx', memberTemplate], orgs: ['组织导入模板.xlsx', orgTemplate] } as const;
  for (const kind of ['members', 'orgs'] as const satisfies readonly ImportKind[]) {
    const what = kind === 'members' ? '党员' : '组织';
    app.get(`/${kind}/import/template`, {
      schema: { tags: ['imports'], summary: `下载${what}导入模板（.xlsx）`, produces: [XLSX_MIME], response: { 200: xlsx, 401: ErrorBody } },
    }, async (_req, reply) => sendXlsx(reply, await templates[kind][1](), templates[kind][0]));

    app.post(`/${kind}/import`, {
      bodyLimit: IMPORT_LIMITS.maxBytes,
      schema: {
        tags: ['imports'], summary: `上传${what}花名册（原始 .xlsx 字节），返回导入任务编号`,
        description: '请求体为 .xlsx 文件本身（不是 multipart）。校验在后台进行：任何一行有错误则不写入任何数据，可下载错误报告。',
        consumes: [XLSX_MIME], querystring: ImportTargetQuery, body: xlsxBody,
        response: { 202: ImportStartResponse, ...errors, 413: ErrorBody, 415: ErrorBody },
      },
    }, async (req, reply) => {
      const { jobId } = await imports.start(sessionOf(req).actor, kind, req.query.orgId, req.body, req.query.fileName ?? null);
      return reply.status(202).send({ jobId });
    });
  }

  app.get('/imports/:id', {
    schema: { tags: ['imports'], summary: '导入任务进度与结果', params: IdParam, response: { 200: ImportJob, ...errors } },
  }, async (req) => imports.get(sessionOf(req).actor, req.params.id));

  app.get('/imports/:id/errors.xlsx', {
    schema: { tags: ['imports'], summary: '下载导入错误报告（原数据加“错误原因”列，及错误明细表）', params: IdParam, produces: [XLSX_MIME], response: { 200: xlsx, ...errors } },
  }, async (req, reply) => {
    const r = await imports.errorReport(sessionOf(req).actor, req.params.id);
    return sendXlsx(reply, r.bytes, r.fileName);
  });

  app.get('/members/export', {
    schema: { tags: ['imports'], summary: '导出党员名册（.xlsx，筛选条件同党员列表，证件号与手机号脱敏）', querystring: MemberExportQuery, produces: [XLSX_MIME], response: { 200: xlsx, ...errors } },
  }, async (req, reply) => {
    const r = await exportMembers({ db, clock }, sessionOf(req).actor, req.query);
    return sendXlsx(reply, r.bytes, r.fileName);
  });

};
