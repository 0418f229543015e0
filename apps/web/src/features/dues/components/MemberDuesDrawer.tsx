import { App, Descriptions, Drawer, Empty, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DUES_CATEGORIES, DUES_KINDS, DUES_MODES, type DuesBase, type DuesPayment } from '@dangjian/contracts';
import { useDuesMember, useRevoke } from '../api.ts';
import { formatFen } from '../money.ts';

/** One member's dues: base history, every payment (a wrong one can be revoked with a reason), arrears and 党费交至. */
export function MemberDuesDrawer({ memberId, onClose, canWrite }: { memberId: string | undefined; onClose: () => void; canWrite: boolean }) {
  const d = useDuesMember(memberId);
  const revoke = useRevoke();
  const [reason, setReason] = useState('');
  const { message } = App.useApp();
  const m = d.data;
  return (
    <Drawer open={!!memberId} onClose={onClose} size="large" title={m ? `${m.name} 的党费` : '党费明细'} data-testid="dues-member-drawer">
      {m && <DuesSummary detail={m} />}
      <Typography.Title level={5}>基数记录</Typography.Title>
      <Table<DuesBase> rowKey="id" size="small" pagination={false} dataSource={m?.bases ?? []} locale={{ emptyText: <Empty description="尚未核定" /> }}
        columns={[
          { title: '起始月份', dataIndex: 'effectiveMonth' },
          { title: '类别', dataIndex: 'category', render: (c: DuesBase['category']) => DUES_CATEGORIES[c] },
          { title: '基数（元）', dataIndex: 'baseFen', align: 'right', render: formatFen },
          { title: '月交纳额（元）', dataIndex: 'monthlyFen', align: 'right', render: formatFen },
          { title: '备注', dataIndex: 'note' },
        ]} />
      <Typography.Title level={5} style={{ marginTop: 16 }}>交纳记录</Typography.Title>
      <Table<DuesPayment> rowKey="id" size="small" pagination={{ pageSize: 12, hideOnSinglePage: true }} dataSource={m?.payments ?? []} locale={{ emptyText: <Empty description="暂无交纳记录" /> }}
        columns={[
          { title: '月份', dataIndex: 'month' },
          { title: '应交', dataIndex: 'dueFen', align: 'right', render: formatFen },
          { title: '实交', dataIndex: 'paidFen', align: 'right', render: formatFen },
          { title: '情况', dataIndex: 'kind', render: (k: DuesPayment['kind'], p) => <><Tag color={k === 'full' ? 'green' : 'orange'}>{DUES_KINDS[k]}</Tag>{p.mode === 'quarterly' && <Tag>{DUES_MODES.quarterly}</Tag>}</> },
          { title: '交纳日期', dataIndex: 'paidOn' },
          { title: '批准/说明', key: 'note', render: (_, p) => [p.approvedBy && `${p.approvedBy}（${p.approvalDoc}）`, p.backPayNote, p.consentNote].filter(Boolean).join('；') },
          ...(canWrite ? [{
            title: '', key: 'op', render: (_: unknown, p: DuesPayment) => (
              <Popconfirm title="撤销这条交纳记录？" description={<Input placeholder="撤销原因（必填）" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />}
                okButtonProps={{ disabled: !reason.trim(), danger: true }} okText="撤销"
                onConfirm={async () => { try { await revoke.mutateAsync({ id: p.id, reason: reason.trim() }); setReason(''); message.success('已撤销'); } catch (e) { message.error((e as Error).message); } }}>
                <Typography.Link type="danger">撤销</Typography.Link>
              </Popconfirm>
            ),
          }] : []),
        ]} />
    </Drawer>
  );
}

export function DuesSummary({ detail: m }: { detail: NonNullable<ReturnType<typeof useDuesMember>['data']> }) {
  return (
    <Descriptions size="small" column={2} bordered style={{ marginBottom: 16 }} items={[
      { key: 'org', label: '所在组织', children: m.orgName },
      { key: 'amount', label: `${m.currentMonth} 月应交`, children: m.currentMonthlyFen === null ? '未核定' : `${formatFen(m.currentMonthlyFen)} 元` },
      { key: 'through', label: '党费交至', children: m.paidThrough ?? '—' },
      { key: 'owed', label: '欠缴（截至上月）', children: m.unpaidMonths.length ? <Typography.Text type="danger">{m.unpaidMonths.length} 个月，{formatFen(m.owedFen)} 元</Typography.Text> : '无' },
    ]} />
  );
}
