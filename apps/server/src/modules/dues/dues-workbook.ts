import ExcelJS from 'exceljs';
import { DUES_CATEGORIES, DUES_KINDS, type DuesMonthlyReport, type DuesYearlyReport } from '@dangjian/contracts';

/**
 * Fen → a 元 cell. Totals are summed in fen before this; the division only formats a finished
 * integer for Excel (two decimals shown), so no arithmetic happens in floating point.
 */
const yuan = (fen: number | null) => (fen === null ? '' : fen / 100);
const MONEY = '#,##0.00';

function sheet(wb: ExcelJS.Workbook, name: string, title: string, columns: Partial<ExcelJS.Column>[]) {
  const ws = wb.addWorksheet(name, { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, columns.length);
  ws.getRow(2).values = columns.map((c) => c.header as string);
  ws.getRow(2).font = { bold: true };
  columns.forEach((c, i) => { ws.getColumn(i + 1).width = c.width ?? 12; });
  return ws;
}

export async function monthlyWorkbook(r: DuesMonthlyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cols = [
    { header: '序号', width: 6 }, { header: '姓名', width: 12 }, { header: '所在组织', width: 26 }, { header: '类别', width: 22 },
    { header: '基数（元）', width: 12 }, { header: '应交（元）', width: 12 }, { header: '实交（元）', width: 12 },
    { header: '交纳情况', width: 14 }, { header: '交纳日期', width: 12 },
  ];
  const ws = sheet(wb, '党费月报', `${r.orgName} ${r.month} 党费收缴情况`, cols);
  r.rows.forEach((x, i) => ws.addRow([
    i + 1, x.name, x.orgName, x.category ? DUES_CATEGORIES[x.category] : '未核定', yuan(x.baseFen), yuan(x.dueFen), yuan(x.paidFen),
    x.kind ? DUES_KINDS[x.kind] : x.dueFen === null ? '' : '未交', x.paidOn ?? '',
  ]));
  const total = ws.addRow(['合计', `${r.totals.members} 人`, `已交 ${r.totals.paid} 人，未交 ${r.totals.unpaid} 人`, '', '', yuan(r.totals.dueFen), yuan(r.totals.paidFen), '', '']);
  total.font = { bold: true };
  for (const c of [5, 6, 7]) ws.getColumn(c).numFmt = MONEY;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function yearlyWorkbook(r: DuesYearlyReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const cols = [{ header: '序号', width: 6 }, { header: '姓名', width: 12 }, { header: '所在组织', width: 24 },
    ...Array.from({ length: 12 }, (_, i) => ({ header: `${i + 1}月`, width: 9 })), { header: '全年合计', width: 12 }];
  const ws = sheet(wb, '党费年报', `${r.orgName} ${r.year} 年度党费收缴情况（元）`, cols);
  r.rows.forEach((x, i) => ws.addRow([i + 1, x.name, x.orgName, ...x.monthsFen.map(yuan), yuan(x.totalFen)]));
  ws.addRow(['合计', '', '', ...r.monthTotalsFen.map(yuan), yuan(r.totalFen)]).font = { bold: true };
  for (let c = 4; c <= 16; c++) ws.getColumn(c).numFmt = MONEY;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
