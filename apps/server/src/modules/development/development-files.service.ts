import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import { DEV_NOTICE_KINDS, stageOfStep, type DevDocumentView, type DevNoticeRequest, type DevNoticeView } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { caseInScope, DEV_PERMISSION } from './development.service.ts';
import { loadCase } from './development-context.ts';
import { noticeEnd } from './rules/calendar.ts';
import { chinaDate } from './rules/dates.ts';
import { lastOf } from './rules/engine.ts';

export const DEV_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * The file type from its first bytes, never from the name or the declared type.
 * @example sniffDocumentType(Buffer.from('%PDF-1.7')) // 'application/pdf'
 */
export function sniffDocumentType(b: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  if (b.length >= 5 && String.fromCharCode(...b.subarray(0, 5)) === '%PDF-') return 'application/pdf';
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (b.length >= 8 && png.every((v, i) => b[i] === v)) return 'image/png';
  return null;
}

/**
 * Documents of the steps (scans of 入党申请书, 志愿书, 政审材料…) and the 公示 of a case.
 * @example await files.upload(actor, caseId, 2, '谈话记录.pdf', pdfBytes);
 */
export function createDevelopmentFilesService(deps: { db: Kysely<DB>; clock: Clock }) {
  const audit = (trx: Kysely<DB>, actor: Actor, orgId: string, entityId: string, action: string, after: unknown) => appendAudit(trx, {
    actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action, entityType: 'development-case', entityId, orgId, before: null, after,
  });
  return {
    async upload(actor: Actor, caseId: string, stepNo: number, fileName: string, body: Buffer): Promise<DevDocumentView> {
      const scope = scopeFor(actor, DEV_PERMISSION);
      return withScope(deps.db, scope, async (trx) => {
        const row = await caseInScope(trx, caseId, scope);
        if (body.length > DEV_DOCUMENT_MAX_BYTES) throw new AppError('DEV_DOCUMENT_TOO_LARGE');
        const mime = sniffDocumentType(body);
        if (!mime) throw new AppError('DEV_DOCUMENT_TYPE');
        if (stepNo > row.current_step + 1) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ field: 'querystring.stepNo', message: '只能为已办理或下一步骤上传材料' }] } });
        const doc = await trx.insertInto('dev_documents').values({ case_id: caseId, step_no: stepNo, file_name: fileName, mime, size: body.length, data: body })
          .returning(['id', 'created_at']).executeTakeFirstOrThrow();
        await audit(trx, actor, row.org_id, caseId, 'development.document', { documentId: doc.id, stepNo, fileName, mime, size: body.length });
        return { id: doc.id, stepNo, fileName, mime, size: body.length, createdAt: new Date(doc.created_at).toISOString() };
      });
    },

    async download(actor: Actor, caseId: string, docId: string) {
      const scope = scopeFor(actor, DEV_PERMISSION);
      return withScope(deps.db, scope, async (trx) => {
        await caseInScope(trx, caseId, scope);
        const doc = await trx.selectFrom('dev_documents').select(['file_name', 'mime', 'data']).where('id', '=', docId).where('case_id', '=', caseId).executeTakeFirst();
        if (!doc) throw new AppError('NOT_FOUND', { details: { entity: 'development-document', id: docId } });
        return doc;
      });
    },

    /**
     * Publishes a 公示 of the rule set's working days, counted on the working-day calendar from
     * `startOn`. Only after the decision it announces (e.g. 发展对象公示 after step 7) and before
     * the step it gates.
     */
    async publish(actor: Actor, caseId: string, input: DevNoticeRequest): Promise<DevNoticeView> {
      const scope = scopeFor(actor, DEV_PERMISSION);
      return withScope(deps.db, scope, async (trx) => {
        const row = await caseInScope(trx, caseId, scope);
        if (row.status !== 'active') throw new AppError('DEV_CASE_NOT_ACTIVE');
        const c = await loadCase(trx, row, chinaDate(deps.clock()));
        const k = DEV_NOTICE_KINDS[input.kind];
        const decided = lastOf(c.state.steps, k.afterStep);
        if (!decided || row.current_step >= k.beforeStep) throw new AppError('DEV_NOTICE_STEP', { details: { fields: [{ field: 'body.kind', message: `${k.name}须在第 ${k.afterStep} 步之后、第 ${k.beforeStep} 步之前发布` }] } });
        if (input.startOn < decided.doneOn) throw new AppError('DEV_NOTICE_STEP', { details: { fields: [{ field: 'body.startOn', message: `不得早于 ${decided.doneOn}` }] } });
        const n = c.ctx.rules.publicityWorkingDays;
        const endOn = noticeEnd(c.ctx.calendar, input.startOn, n);
        const title = `${row.org_name}关于${row.name}同志${k.name.replace(/公示$/, '')}的公示`;
        const notice = await trx.insertInto('dev_notices').values({
          case_id: caseId, kind: input.kind, title, start_on: input.startOn, end_on: endOn, working_days: n, contact: input.contact || null,
        }).returning('id').executeTakeFirstOrThrow();
        await audit(trx, actor, row.org_id, caseId, 'development.notice', { noticeId: notice.id, kind: input.kind, startOn: input.startOn, endOn, workingDays: n, stage: stageOfStep(row.current_step) });
        return { id: notice.id, kind: input.kind, title, startOn: input.startOn, endOn, workingDays: n, contact: input.contact || null };
      });
    },
  };
}
