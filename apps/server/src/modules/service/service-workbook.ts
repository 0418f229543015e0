import ExcelJS from 'exceljs';
import type { ServiceTotals } from '@dangjian/contracts';

/**
 * 党员服务时长统计 of a year: one row per member with hours and person-times, the figure used in
 * the annual assessment of 在职党员; laid out for printing.
 */
export async function hoursWorkbook(orgName: string, side: 'community' | 'branch', t: ServiceTotals): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('服务时长', { pageSetup: { orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const what = side === 'community' ? '在本社区（单位）服务' : '本组织党员服务';
  ws.addRow([`${orgName} ${t.year}年${what}时长统计`]).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, 5);
  ws.addRow(['序号', '姓名', '所在组织', '服务时长（小时）', '服务人次']).font = { bold: true };
  [8, 12, 30, 18, 12].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
  t.byMember.forEach((r, i) => ws.addRow([i + 1, r.memberName, r.memberOrgName, r.hours, r.personTimes]));
  ws.addRow(['合计', `${t.members} 人`, '', t.hours, t.personTimes]).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
