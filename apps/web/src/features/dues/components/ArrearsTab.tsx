import { useState } from 'react';
import { Alert, Empty, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { DuesArrearsItem } from '@dangjian/contracts';
import { DUES_PAGE_SIZE, useArrears, useLapse } from '../api.ts';
import { formatFen } from '../money.ts';
import { MemberDuesDrawer } from './MemberDuesDrawer.tsx';

const LAPSE = 6;

/** 欠缴名单 (up to last month) and the members unpaid 6 months in a row, whom the branch must look into. */
export function ArrearsTab({ orgId }: { orgId: string | undefined }) {
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string>();
  const list = useArrears(orgId, page);
  const lapse = useLapse(orgId);
  return (
    <>
      {!!lapse.data?.items.length && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} data-testid="dues-lapse-alert"
          title={`${lapse.data.items.length} 名党员已连续 ${LAPSE} 个月以上未交纳党费`}
          description={`${lapse.data.items.map((i) => i.name).join('、')}。无正当理由连续 6 个月不交纳党费的，按自行脱党处理：由支部大会讨论除名，报上级党委批准。请先谈话了解原因。`} />
      )}
      <Space size="large" style={{ marginBottom: 12 }}>
        <Statistic title={`欠缴人数（截至 ${list.data?.asOf ?? '上月'}）`} value={list.data?.total ?? 0} suffix="人" />
        <Statistic title="欠缴金额合计" value={formatFen(list.data?.owedFenTotal ?? 0)} suffix="元" />
      </Space>
      <Table<DuesArrearsItem> rowKey="memberId" loading={list.isPending && !!orgId} dataSource={list.data?.items ?? []} data-testid="dues-arrears-table"
        locale={{ emptyText: <Empty description="无欠缴党员" /> }}
        pagination={{ current: page, pageSize: DUES_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 人` }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, r) => <Typography.Link onClick={() => setOpen(r.memberId)}>{n}</Typography.Link> },
          { title: '所在组织', dataIndex: 'orgName', ellipsis: true },
          { title: '欠缴月份', dataIndex: 'months', render: (ms: string[]) => <span data-testid="dues-arrears-months">{ms.length > 6 ? `${ms[0]} 至 ${ms.at(-1)}（${ms.length} 个月）` : ms.join('、')}</span> },
          { title: '欠缴金额（元）', dataIndex: 'owedFen', align: 'right', render: formatFen },
          { title: '连续未交', dataIndex: 'trailingUnpaid', render: (n: number) => (n >= LAPSE ? <Tag color="red">连续 {n} 个月</Tag> : n ? `${n} 个月` : '—') },
        ]} />
      <MemberDuesDrawer memberId={open} onClose={() => setOpen(undefined)} canWrite />
    </>
  );
}
