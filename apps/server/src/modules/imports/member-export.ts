import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import { GENDERS, IMPORT_LIMITS, MEMBER_STATUSES, maskIdNumber, maskPhone, type MemberExportQuery } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { createExportRepo } from './export.repo.ts';
import { ageOn, chinaToday } from './values.ts';
import { toBuffer } from './workbook.ts';

const HEADERS = ['序号', '姓名', '性别', '年龄', '身份证号', '手机号', '民族', '学历', '职业', '所在组织', '党员状态', '入党日期', '转正日期', '人员类别'];
const WIDTHS = [6, 10, 6, 6, 22, 14, 8, 12, 14, 28, 10, 12, 12, 20];

/** '2026-11-26 09:30' in China time. */
function chinaTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The filtered roster of a subtree as .xlsx: a title row with the organization and export
 * time, Chinese headers, ID numbers and phones masked as in lists. The export is audited
 * (who took which list, how many rows) in the same transaction that read it.
 * @example const { bytes } = await exportMembers({ db, clock }, actor, { orgId: '12', status: 'full' });
 */
export async function exportMembers(deps: { db: Kysely<DB>; clock: Clock }, actor: Actor, query: MemberExportQuery) {
  const scope = scopeFor(actor, 'members:read');
  const now = deps.clock();
  return withScope(deps.db, scope, async (trx) => {
    const org = await createOrgsRepo(trx).findInScope(query.orgId, scope);
    if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: query.orgId } });
    const rows = await createExportRepo(trx).listForExport({ orgPath: org.path, status: query.status, q: query.q }, IMPORT_LIMITS.exportMaxRows + 1);
    if (rows.length > IMPORT_LIMITS.exportMaxRows) throw new AppError('EXPORT_TOO_LARGE', { details: { max: IMPORT_LIMITS.exportMaxRows } });

    const wb = new ExcelJS.Workbook();
    wb.creator = '党建工作平台';
    const ws = wb.addWorksheet('党员名册');
    ws.mergeCells(1, 1, 1, HEADERS.length);
    const title = ws.getCell(1, 1);
    title.value = `${org.name} 党员名册`;
    title.font = { bold: true, size: 16 };
    title.alignment = { horizontal: 'center' };
    ws.mergeCells(2, 1, 2, HEADERS.length);
    const filters = [query.status ? `党员状态：${MEMBER_STATUSES[query.status]}` : '', query.q ? `关键词：${query.q}` : ''].filter(Boolean).join('，');
    ws.getCell(2, 1).value = `导出时间：${chinaTime(now)}\u3000导出人：${actor.displayName}\u3000共 ${rows.length} 人${filters ? `\u3000筛选：${filters}` : ''}`;
    const head = ws.addRow(HEADERS);
    head.font = { bold: true };
    WIDTHS.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    const today = chinaToday(now);
    rows.forEach((m, i) => ws.addRow([
      i + 1, m.name, GENDERS[m.gender], ageOn(m.birth_date, today), maskIdNumber(m.id_number), m.phone ? maskPhone(m.phone) : '',
      m.ethnicity ?? '', m.education ?? '', m.occupation ?? '', m.org_name, MEMBER_STATUSES[m.status], m.joined_on ?? '', m.full_on ?? '',
      m.categories.join('、'),
    ]));
    ws.views = [{ state: 'frozen', ySplit: 3 }];
    await appendAudit(trx, {
      actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'members.export',
      entityType: 'org', entityId: org.id, orgId: org.id, before: null,
      after: { status: query.status ?? null, q: query.q ?? null, rows: rows.length },
    });
    return { bytes: await toBuffer(wb), fileName: `${org.name}-党员名册-${today}.xlsx` };
  });
}
