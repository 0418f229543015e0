import type { Kysely } from 'kysely';
import ExcelJS from 'exceljs';
import { withScope, type DB } from '@dangjian/db';
import { ORG_TYPES, type OrgType, type SizeReportResponse, type SizeReportRow } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { createOrgsRepo } from './orgs.repo.ts';
import { sizeReportRows } from './size-report.repo.ts';
import { chinaToday, orgWarnings } from './size-rules.ts';

export interface SizeReportDeps {
  db: Kysely<DB>;
  clock?: Clock;
}

/**
 * 支部规模报表: every branch-level organization in a subtree with member counts, whether a team
 * is recorded, and the size/term rules it breaks, as a page of JSON or as an Excel workbook.
 * @example const page = await sizes.report(actor, townId, { page: 1, pageSize: 20 });
 */
export function createSizeReportService(deps: SizeReportDeps) {
  const clock = deps.clock ?? systemClock;

  async function allRows(actor: Actor, id: string): Promise<{ orgName: string; rows: SizeReportRow[] }> {
    const scope = scopeFor(actor, 'orgs:read');
    return withScope(deps.db, scope, async (trx) => {
      const org = await createOrgsRepo(trx).findInScope(id, scope);
      if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id } });
      const today = chinaToday(clock());
      const rows = (await sizeReportRows(trx, org.path)).map((r) => {
        const full = Number(r.full);
        const probationary = Number(r.probationary);
        const type = r.type as OrgType;
        return {
          orgId: r.id, name: r.name, type, parentName: r.parent_name, full, probationary, total: full + probationary,
          hasTeam: r.term_end !== null, termEnd: r.term_end,
          warnings: orgWarnings({ type, full, probationary, termEnd: r.term_end, validUntil: r.valid_until, today }),
        };
      });
      return { orgName: org.name, rows };
    });
  }

  return {
    async report(actor: Actor, id: string, q: { page: number; pageSize: number; onlyWarnings?: 'true' | 'false' }): Promise<SizeReportResponse> {
      const { rows } = await allRows(actor, id);
      const kept = q.onlyWarnings === 'true' ? rows.filter((r) => r.warnings.length > 0) : rows;
      const start = (q.page - 1) * q.pageSize;
      return { items: kept.slice(start, start + q.pageSize), total: kept.length };
    },

    /** The whole report as an .xlsx workbook (one sheet), for printing and filing. */
    async workbook(actor: Actor, id: string): Promise<{ fileName: string; buffer: Buffer }> {
      const { orgName, rows } = await allRows(actor, id);
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('支部规模');
      ws.columns = [
        { header: '序号', key: 'no', width: 6 }, { header: '组织名称', key: 'name', width: 36 },
        { header: '组织类型', key: 'type', width: 14 }, { header: '上级组织', key: 'parent', width: 28 },
        { header: '正式党员', key: 'full', width: 10 }, { header: '预备党员', key: 'probationary', width: 10 },
        { header: '党员合计', key: 'total', width: 10 }, { header: '已录入班子', key: 'team', width: 10 },
        { header: '任期届满', key: 'termEnd', width: 12 }, { header: '预警', key: 'warnings', width: 60 },
      ];
      ws.getRow(1).font = { bold: true };
      rows.forEach((r, i) => ws.addRow({
        no: i + 1, name: r.name, type: ORG_TYPES[r.type], parent: r.parentName ?? '', full: r.full,
        probationary: r.probationary, total: r.total, team: r.hasTeam ? '是' : '否', termEnd: r.termEnd ?? '',
        warnings: r.warnings.map((w) => w.message).join('；'),
      }));
      const buffer = Buffer.from(await wb.xlsx.writeBuffer());
      return { fileName: `${orgName}-支部规模报表-${chinaToday(clock())}.xlsx`, buffer };
    },
  };
}

export type SizeReportService = ReturnType<typeof createSizeReportService>;
