import { useState } from 'react';
import { Button, DatePicker, Empty, Input, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { DUES_CATEGORIES, type DuesCategory } from '@dangjian/contracts';
import { DUES_PAGE_SIZE, useDuesMembers } from '../api.ts';
import { formatFen } from '../money.ts';
import { BaseModal } from './BaseModal.tsx';
import { MemberDuesDrawer } from './MemberDuesDrawer.tsx';

type Item = NonNullable<ReturnType<typeof useDuesMembers>['data']>['items'][number];

/** 标准核定: every member's category, base, the month's amount and whether it is paid. */
export function BasesTab({ orgId }: { orgId: string | undefined }) {
  const [month, setMonth] = useState(dayjs().format('YYYY-MM'));
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Item | null>(null);
  const [open, setOpen] = useState<string>();
  const list = useDuesMembers(orgId, month, q, page);
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => { if (d) { setMonth(d.format('YYYY-MM')); setPage(1); } }} />
        <Input.Search allowClear placeholder="按姓名搜索" style={{ width: 180 }} onSearch={(v) => { setQ(v.trim()); setPage(1); }} />
        <Typography.Text type="secondary">按《关于中国共产党党费收缴、使用和管理的规定》（中组发〔2008〕3号）标准计算，比例适用于全部基数</Typography.Text>
      </Space>
      <Table<Item> rowKey="memberId" size="middle" loading={list.isPending && !!orgId} dataSource={list.data?.items ?? []} data-testid="dues-members-table"
        locale={{ emptyText: <Empty description="该组织下暂无党员" /> }}
        pagination={{ current: page, pageSize: DUES_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 名党员` }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, r) => <Typography.Link onClick={() => setOpen(r.memberId)}>{n}</Typography.Link> },
          { title: '所在组织', dataIndex: 'orgName', ellipsis: true },
          { title: '类别', dataIndex: 'category', render: (c: DuesCategory | null) => (c ? DUES_CATEGORIES[c] : <Tag>未核定</Tag>) },
          { title: '基数（元）', dataIndex: 'baseFen', align: 'right', render: (v: number | null, r) => (r.category && ['salaried', 'retired'].includes(r.category) ? formatFen(v) : '—') },
          { title: '执行起始', dataIndex: 'baseSince', render: (v: string | null) => v ?? '—' },
          { title: `${month} 应交（元）`, dataIndex: 'monthlyFen', align: 'right', render: (v: number | null) => <span data-testid="dues-monthly">{formatFen(v)}</span> },
          { title: '本月', dataIndex: 'paidFen', render: (v: number | null, r) => (v !== null ? <Tag color="green">已交 {formatFen(v)}</Tag> : r.monthlyFen !== null ? <Tag color="red">未交</Tag> : '—') },
          { title: '党费交至', dataIndex: 'paidThrough', render: (v: string | null) => v ?? '—' },
          { title: '操作', key: 'op', width: 100, render: (_, r) => <Button size="small" onClick={() => setEditing(r)} data-testid={`dues-set-base-${r.memberId}`}>核定基数</Button> },
        ]} />
      <BaseModal member={editing} onClose={() => setEditing(null)} />
      <MemberDuesDrawer memberId={open} onClose={() => setOpen(undefined)} canWrite />
    </>
  );
}
