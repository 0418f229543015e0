import ExcelJS from 'exceljs';
import { WISH_CATEGORIES, WISH_STATUSES, type Wish } from '@dangjian/contracts';

const day = (iso: string | null) => (iso ? new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10) : '');

/** 微心愿台账 as an Excel sheet for the branch's paper files (phones as the list shows them). */
export async function wishesWorkbook(orgName: string, items: Wish[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('微心愿台账', { pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([`${orgName} 群众微心愿台账（共 ${items.length} 条）`]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, 13);
  const head = ['编号', '提交日期', '村（社区）', '网格', '类别', '心愿', '内容', '群众', '联系电话', '状态', '认领党员', '完成情况', '群众确认日期'];
  ws.addRow(head).font = { bold: true };
  [8, 12, 16, 14, 10, 20, 40, 10, 14, 12, 12, 30, 14].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  for (const w of items) {
    ws.addRow([
      w.id, day(w.createdAt), w.villageName, w.gridName, WISH_CATEGORIES[w.category], w.title, w.content, w.nickname, w.residentPhone ?? '',
      WISH_STATUSES[w.status], w.claimantName ?? '', w.fulfilNote ?? '', day(w.confirmedAt),
    ]);
  }
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
