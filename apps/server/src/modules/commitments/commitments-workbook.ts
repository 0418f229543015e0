import ExcelJS from 'exceljs';
import { COMMITMENT_KINDS, COMMITMENT_RATINGS, COMMITMENT_STATUSES, type CommitmentItem } from '@dangjian/contracts';

const day = (s: string | null) => (s ? new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(s)) : '');

/** 承诺践诺台账: one row per commitment, laid out for printing (landscape, fit to width). */
export async function commitmentsWorkbook(orgName: string, items: CommitmentItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('承诺践诺台账', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([`${orgName} 党员公开承诺践诺台账`]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, 11);
  ws.addRow(['序号', '年度', '类别', '姓名/支部', '所在组织', '承诺内容', '状态', '践诺记录数', '完成日期', '完成情况', '评诺等次']).font = { bold: true };
  [6, 8, 10, 14, 24, 44, 10, 10, 12, 36, 10].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  items.forEach((c, i) => {
    const row = ws.addRow([
      i + 1, c.year, COMMITMENT_KINDS[c.kind], c.name, c.orgName, c.content, c.completedAt ? '已完成' : COMMITMENT_STATUSES[c.status],
      c.progressCount, day(c.completedAt), c.completionNote ?? '', c.rating ? COMMITMENT_RATINGS[c.rating] : '',
    ]);
    row.alignment = { wrapText: true, vertical: 'top' };
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
