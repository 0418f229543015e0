import ExcelJS from 'exceljs';
import { MEETING_KINDS, ORG_TYPES, type ComplianceOrgRow, type ComplianceSummary, type OrgType } from '@dangjian/contracts';

const pct = (r: number) => Math.round(r * 1000) / 10;

/** One sheet row per organization; the per-kind figures as "held/required" columns. */
export function exportRows(rows: readonly ComplianceOrgRow[]) {
  return rows.map((r, i) => ({
    no: i + 1,
    name: r.name,
    parent: r.parentName ?? '',
    type: ORG_TYPES[r.type as OrgType] ?? r.type,
    required: r.required,
    met: r.met,
    rate: pct(r.rate),
    status: r.short ? '未达标' : '达标',
    ...Object.fromEntries(Object.keys(MEETING_KINDS).map((k) => {
      const kr = r.kinds.find((x) => x.kind === k);
      return [k, kr ? `${kr.met}/${kr.required}` : '—'];
    })),
    missing: r.kinds.flatMap((k) => k.missing).join('；'),
  }));
}

/**
 * The 组织生活落实情况 workbook: a title with the period and date, one row per organization
 * (required, met, rate, per-kind met/required, the missing meetings named) and a totals row
 * that agrees with the summary cards on screen.
 * @example const buf = await complianceWorkbook('平昌关镇党委', '2026年', '2026-11-26', rows, summary);
 */
export async function complianceWorkbook(
  orgName: string, periodLabel: string, asOf: string, rows: readonly ComplianceOrgRow[], summary: ComplianceSummary,
): Promise<Buffer> {
  const kinds = Object.entries(MEETING_KINDS).map(([key, header]) => ({ header, key, width: 12 }));
  const columns = [
    { header: '序号', key: 'no', width: 6 }, { header: '组织名称', key: 'name', width: 30 }, { header: '上级组织', key: 'parent', width: 24 }, { header: '组织类型', key: 'type', width: 12 },
    { header: '应开（次）', key: 'required', width: 10 }, { header: '已开（次）', key: 'met', width: 10 }, { header: '落实率（%）', key: 'rate', width: 10 },
    { header: '是否达标', key: 'status', width: 10 }, ...kinds, { header: '缺开情况', key: 'missing', width: 60 },
  ];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dangjian';
  const ws = wb.addWorksheet('组织生活落实情况', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getCell(1, 1).value = `${orgName} ${periodLabel}三会一课等组织生活落实情况（统计至${asOf}）`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.columns = columns.map((c) => ({ key: c.key, width: c.width }));
  const header = ws.getRow(2);
  columns.forEach((c, i) => { header.getCell(i + 1).value = c.header; });
  header.font = { bold: true };
  for (const row of exportRows(rows)) ws.addRow(row).getCell('missing').alignment = { wrapText: true };
  const total = ws.addRow({
    no: '合计', name: `共${summary.orgsChecked}个组织，达标${summary.fullyCompliant}个，未达标${summary.shortCount}个`,
    required: summary.required, met: summary.met, rate: pct(summary.rate),
  });
  total.font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
