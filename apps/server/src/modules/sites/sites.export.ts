import ExcelJS from 'exceljs';
import { PROPERTY_RIGHTS, SITE_KINDS, type SiteListItem, type SiteTotals } from '@dangjian/contracts';

const COLUMNS: { header: string; key: string; width: number; numFmt?: string }[] = [
  { header: '序号', key: 'no', width: 6 },
  { header: '阵地名称', key: 'name', width: 28 },
  { header: '类型', key: 'kind', width: 18 },
  { header: '所属组织', key: 'org', width: 22 },
  { header: '地址', key: 'address', width: 28 },
  { header: '经度', key: 'lng', width: 12, numFmt: '0.000000' },
  { header: '纬度', key: 'lat', width: 12, numFmt: '0.000000' },
  { header: '建筑面积（㎡）', key: 'area', width: 14, numFmt: '#,##0.00' },
  { header: '产权', key: 'rights', width: 10 },
  { header: '建成年份', key: 'built', width: 10 },
  { header: '提升改造年份', key: 'upgraded', width: 12 },
  { header: '投入资金（元）', key: 'investment', width: 16, numFmt: '#,##0.00' },
  { header: '功能设施', key: 'facilities', width: 40 },
  { header: '照片数', key: 'photos', width: 8 },
];

/**
 * The 阵地台账 workbook: one row per site and a totals row (合计) computed by the database over
 * the same filter, so the sheet agrees with the summary cards on screen.
 * @example const buf = await sitesWorkbook('平昌关镇党委', items, totals);
 */
export async function sitesWorkbook(orgName: string, items: SiteListItem[], totals: SiteTotals): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'dangjian';
  const ws = wb.addWorksheet('阵地台账', { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  ws.getCell(1, 1).value = `${orgName} 党群服务阵地台账`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = ws.getRow(2);
  COLUMNS.forEach((c, i) => { header.getCell(i + 1).value = c.header; });
  header.font = { bold: true };
  items.forEach((s, i) => {
    ws.addRow({
      no: i + 1, name: s.name, kind: SITE_KINDS[s.kind], org: s.orgName, address: s.address ?? '', lng: s.lng, lat: s.lat,
      area: s.buildingArea, rights: s.propertyRights ? PROPERTY_RIGHTS[s.propertyRights] : '', built: s.yearBuilt,
      upgraded: s.yearUpgraded, investment: s.investment, facilities: s.facilities.join('、'), photos: s.photoCount,
    });
  });
  const total = ws.addRow({ no: '合计', name: `${totals.count} 个`, area: totals.totalArea, investment: totals.totalInvestment });
  total.font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
