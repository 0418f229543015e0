import { Button, Empty, Spin } from 'antd';
import { useSearchParams } from 'react-router';
import { thisYear, useCommitments } from '../api.ts';

/** A printable A4 list of an organization's approved commitments (name, post/organization, content). */
export function PrintBoard() {
  const [params] = useSearchParams();
  const orgId = params.get('orgId') ?? undefined;
  const year = Number(params.get('year') ?? thisYear());
  const list = useCommitments(orgId, { year, status: 'approved' }, 1, 200);
  if (list.isPending) return <Spin />;
  const items = list.data?.items ?? [];
  return (
    <div className="commitment-print" style={{ maxWidth: 800, margin: '0 auto', background: '#fff', padding: 24 }}>
      <style>{'@media print { .no-print { display: none } .ant-layout-sider, .ant-layout-header { display: none !important } }'}</style>
      <Button className="no-print" onClick={() => window.print()} style={{ float: 'right' }}>打印</Button>
      <h2 style={{ textAlign: 'center' }}>{year} 年党员公开承诺</h2>
      {items.length === 0 ? <Empty description="暂无已通过的承诺" /> : (
        <table style={{ width: '100%', borderCollapse: 'collapse' }} data-testid="commitment-print-table">
          <thead><tr>{['序号', '姓名/支部', '所在组织', '承诺内容', '完成情况'].map((h) => <th key={h} style={{ border: '1px solid #333', padding: 6 }}>{h}</th>)}</tr></thead>
          <tbody>{items.map((c, i) => (
            <tr key={c.id}>
              <td style={{ border: '1px solid #333', padding: 6, textAlign: 'center' }}>{i + 1}</td>
              <td style={{ border: '1px solid #333', padding: 6 }}>{c.name}</td>
              <td style={{ border: '1px solid #333', padding: 6 }}>{c.orgName}</td>
              <td style={{ border: '1px solid #333', padding: 6 }}>{c.content}</td>
              <td style={{ border: '1px solid #333', padding: 6 }}>{c.completedAt ? '已完成' : '践诺中'}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {(list.data?.total ?? 0) > items.length && <p className="no-print">仅显示前 {items.length} 条，完整名单请导出 Excel。</p>}
    </div>
  );
}
