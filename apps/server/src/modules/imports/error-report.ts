import ExcelJS from 'exceljs';
import type { ImportRowError } from '@dangjian/contracts';
import { toBuffer } from './workbook.ts';

const RED: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE0E0' } };

/**
 * The error workbook of a refused import: every uploaded row as it was read, with an added
 * 错误原因 column (rows with errors shaded), so the user fixes this very file and uploads it
 * again; and a sheet 错误明细 listing row, column and reason, one line per problem.
 * @example await errorWorkbook(['姓名*', …], rows, [{ row: 3, column: '身份证号', reason: '…' }])
 */
export async function errorWorkbook(headers: readonly string[], rows: { row: number; texts: string[] }[], errors: ImportRowError[]): Promise<Buffer> {
  const byRow = new Map<number, ImportRowError[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), e]);

  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('导入数据');
  const head = data.addRow([...headers, '错误原因']);
  head.font = { bold: true };
  headers.forEach((_, i) => (data.getColumn(i + 1).width = 16));
  data.getColumn(headers.length + 1).width = 60;
  // Every cell is text, so re-uploading this file keeps ID numbers intact.
  for (let i = 1; i <= headers.length; i++) data.getColumn(i).numFmt = '@';
  for (const r of rows) {
    const errs = byRow.get(r.row);
    const line = data.addRow([...r.texts, errs ? errs.map((e) => `第${e.row}行【${e.column}】${e.reason}`).join('；') : '']);
    if (errs) {
      line.eachCell({ includeEmpty: true }, (c) => (c.fill = RED));
      line.getCell(headers.length + 1).font = { color: { argb: 'FFC00000' } };
    }
  }
  data.views = [{ state: 'frozen', ySplit: 1 }];

  const list = wb.addWorksheet('错误明细');
  list.addRow(['行号', '列', '错误原因']).font = { bold: true };
  list.getColumn(1).width = 8;
  list.getColumn(2).width = 14;
  list.getColumn(3).width = 80;
  for (const e of errors) list.addRow([e.row, e.column, e.reason]);
  return toBuffer(wb);
}
