import ExcelJS from 'exceljs';
import { POINTS_PERIODS, type LeaderboardResponse } from '@dangjian/contracts';

/** 积分榜 as an Excel sheet, laid out for printing and posting (公示). */
export async function leaderboardWorkbook(orgName: string, board: LeaderboardResponse): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('积分榜', { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.addRow([`${orgName} ${board.key} ${POINTS_PERIODS[board.period as keyof typeof POINTS_PERIODS] ?? ''}党员积分榜`]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, 4);
  ws.addRow(['名次', '姓名', '所在组织', '本期积分']).font = { bold: true };
  [8, 12, 30, 12].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  for (const r of board.items) ws.addRow([r.rank, r.name, r.orgName, r.earned]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
