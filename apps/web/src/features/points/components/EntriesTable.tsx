import { Empty, Table, Tag } from 'antd';
import { POINTS_ENTRY_KINDS, POINTS_ORDER_STATUSES, type PointsEntry, type PointsOrder } from '@dangjian/contracts';

const day = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }).slice(0, 16);

/** 积分明细: one row per ledger entry, newest first. */
export function EntriesTable({ entries }: { entries: PointsEntry[] }) {
  return (
    <Table<PointsEntry> rowKey="id" size="small" dataSource={entries} data-testid="points-entries" pagination={{ pageSize: 10, hideOnSinglePage: true }}
      locale={{ emptyText: <Empty description="暂无积分记录" /> }} scroll={{ x: 'max-content' }}
      columns={[
        { title: '时间', dataIndex: 'createdAt', render: day },
        { title: '类型', dataIndex: 'kind', render: (k: PointsEntry['kind']) => <Tag>{POINTS_ENTRY_KINDS[k]}</Tag> },
        { title: '说明', dataIndex: 'note', ellipsis: true },
        { title: '分值', dataIndex: 'delta', align: 'right', render: (d: number) => <span style={{ color: d > 0 ? '#c00' : '#389e0d' }}>{d > 0 ? `+${d}` : d}</span> },
      ]} />
  );
}

const STATUS_COLORS = { placed: 'orange', handed_over: 'green', cancelled: 'default' } as const;
export const OrderStatus = ({ s }: { s: PointsOrder['status'] }) => <Tag color={STATUS_COLORS[s]}>{POINTS_ORDER_STATUSES[s]}</Tag>;
export { day as formatTime };
