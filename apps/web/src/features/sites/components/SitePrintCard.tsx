import { Button, Modal } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { PROPERTY_RIGHTS, SITE_KINDS, type SiteDetail } from '@dangjian/contracts';
import { photoUrl } from '../api.ts';

// Printing shows only the card: everything else on the page is hidden by the print stylesheet.
const PRINT_CSS = `
.site-card { font-family: "SimSun", "Songti SC", serif; color: #000; }
.site-card table { width: 100%; border-collapse: collapse; }
.site-card td, .site-card th { border: 1px solid #333; padding: 6px 8px; font-size: 14px; text-align: left; vertical-align: top; }
.site-card th { width: 18%; background: #fafafa; font-weight: normal; }
.site-card h2 { text-align: center; color: #c8102e; letter-spacing: 4px; margin: 0 0 12px; }
@media print {
  body * { visibility: hidden !important; }
  .site-card, .site-card * { visibility: visible !important; }
  .site-card { position: fixed; left: 0; top: 0; width: 100%; padding: 12mm; }
  @page { size: A4 portrait; margin: 10mm; }
}`;

const yuan = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('zh-CN', { minimumFractionDigits: 2 })} 元`);

/** The 阵地"电子身份证": one site on one A4 page, printed with window.print(). */
export function SitePrintCard({ site, open, onClose }: { site: SiteDetail; open: boolean; onClose: () => void }) {
  return (
    <Modal open={open} onCancel={onClose} width={820} title="阵地电子身份证（打印预览）"
      footer={[<Button key="c" onClick={onClose}>关闭</Button>, <Button key="p" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="site-print-go">打印</Button>]}>
      <style>{PRINT_CSS}</style>
      <div className="site-card" data-testid="site-print-card">
        <h2>党群服务阵地“电子身份证”</h2>
        <table>
          <tbody>
            <tr><th>阵地名称</th><td colSpan={3}>{site.name}</td></tr>
            <tr><th>类型</th><td>{SITE_KINDS[site.kind]}</td><th>所属组织</th><td>{site.orgName}</td></tr>
            <tr><th>地址</th><td colSpan={3}>{site.address ?? '—'}</td></tr>
            <tr><th>坐标</th><td>{site.lng !== null && site.lat !== null ? `东经 ${site.lng}°，北纬 ${site.lat}°` : '—'}</td><th>建筑面积</th><td>{site.buildingArea === null ? '—' : `${site.buildingArea} ㎡`}</td></tr>
            <tr><th>产权</th><td>{site.propertyRights ? PROPERTY_RIGHTS[site.propertyRights] : '—'}</td><th>投入资金</th><td>{yuan(site.investment)}</td></tr>
            <tr><th>建成年份</th><td>{site.yearBuilt ?? '—'}</td><th>提升改造年份</th><td>{site.yearUpgraded ?? '—'}</td></tr>
            <tr><th>功能设施</th><td colSpan={3}>{site.facilities.length ? site.facilities.join('、') : '—'}</td></tr>
            <tr>
              <th>提升改造项目</th>
              <td colSpan={3}>{site.upgrades.length ? site.upgrades.map((u) => <div key={u.id}>{u.year} 年：{u.content}（{yuan(u.investment)}）</div>) : '—'}</td>
            </tr>
            {site.photos.length > 0 && (
              <tr><th>照片</th><td colSpan={3}>{site.photos.slice(0, 3).map((p) => <img key={p.id} src={photoUrl(site.id, p.id)} alt="阵地照片" style={{ width: '32%', marginRight: '1%' }} />)}</td></tr>
            )}
          </tbody>
        </table>
        <p style={{ textAlign: 'right', marginTop: 12 }}>打印日期：{new Date().toLocaleDateString('zh-CN')}</p>
      </div>
    </Modal>
  );
}
