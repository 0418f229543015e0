import ExcelJS from 'exceljs';
import type { MeetingListItem } from '@dangjian/contracts';

const COLUMNS: { header: string; width: number }[] = [
  { header: '序号', width: 6 }, { header: '召开时间', width: 18 }, { header: '会议类型', width: 14 }, { header: '会议名称', width: 32 },
  { header: '组织', width: 22 }, { header: '地点', width: 20 }, { header: '主持人', width: 10 }, { header: '应到', width: 7 },
  { header: '实到', width: 7 }, { header: '缺席', width: 7 }, { header: '请假', width: 7 }, { header: '状态', width: 24 },
];

const chinaTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * 组织生活台账: one row per meeting with its attendance counts and flags (锁定, 补录, 未达半数).
 * @example const buf = await meetingsWorkbook('郝堂村党支部', items);
 */
export async function meetingsWorkbook(orgName: string, items: MeetingListItem[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dangjian';
  const ws = wb.addWorksheet('组织生活台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = `${orgName} 组织生活台账`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.columns = COLUMNS.map((c) => ({ width: c.width }));
  ws.getRow(2).values = COLUMNS.map((c) => c.header);
  ws.getRow(2).font = { bold: true };
  items.forEach((m, i) => {
    const flags = [m.locked && '已锁定', m.lateEntry && '补录', m.quorum && !m.quorum.met && '未达半数', m.amendmentCount > 0 && `更正${m.amendmentCount}次`].filter(Boolean).join('、');
    ws.addRow([i + 1, chinaTime(m.heldAt), m.kindLabel, m.title, m.orgName, m.place ?? '', m.host ?? '', m.counts.due, m.counts.present, m.counts.absent, m.counts.leave, flags]);
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
