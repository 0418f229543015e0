import { useState } from 'react';
import { App, Button, Empty, Input, Popconfirm, Select, Space, Table } from 'antd';
import { POINTS_ORDER_STATUSES, type PointsOrder } from '@dangjian/contracts';
import { POINTS_PAGE_SIZE, useCancelOrder, useHandOver, useOrders } from '../api.ts';
import { formatTime, OrderStatus } from './EntriesTable.tsx';

/** 兑换订单: the branch records the hand-over, or cancels (points and stock go back). */
export function OrdersTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const [status, setStatus] = useState<string | undefined>('placed');
  const [page, setPage] = useState(1);
  const [reason, setReason] = useState('');
  const orders = useOrders(orgId, status, page);
  const handOver = useHandOver();
  const cancel = useCancelOrder();
  const done = (text: string) => ({ onSuccess: () => void message.success(text), onError: (e: Error) => void message.error(e.message) });
  return (
    <>
      <Select allowClear placeholder="全部状态" value={status} style={{ width: 160, marginBottom: 12 }} onChange={(v) => { setStatus(v); setPage(1); }}
        options={Object.entries(POINTS_ORDER_STATUSES).map(([value, label]) => ({ value, label }))} />
      <Table<PointsOrder> rowKey="id" loading={orders.isPending && !!orgId} dataSource={orders.data?.items ?? []} data-testid="points-orders-table"
        locale={{ emptyText: <Empty description="暂无兑换订单" /> }}
        pagination={{ current: page, pageSize: POINTS_PAGE_SIZE, total: orders.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 单` }}
        columns={[
          { title: '下单时间', dataIndex: 'createdAt', render: formatTime }, { title: '党员', dataIndex: 'memberName' }, { title: '所在组织', dataIndex: 'orgName', ellipsis: true },
          { title: '物品', dataIndex: 'goodsName', render: (n: string, o) => `${n} × ${o.qty}` }, { title: '积分', dataIndex: 'points', align: 'right' },
          { title: '状态', dataIndex: 'status', render: (s: PointsOrder['status']) => <OrderStatus s={s} /> },
          { title: '操作', key: 'op', render: (_, o) => o.status === 'placed' && (
            <Space>
              <Popconfirm title={`确认 ${o.memberName} 已领取 ${o.goodsName}？`} okText="确认" cancelText="取消" okButtonProps={{ 'data-testid': 'points-hand-over-confirm' }} onConfirm={() => handOver.mutate(o.id, done('已登记领取'))}>
                <Button size="small" type="primary" data-testid={`points-hand-over-${o.id}`}>登记领取</Button>
              </Popconfirm>
              <Popconfirm title={<Input placeholder="取消原因" value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />} okText="取消订单" cancelText="返回"
                onConfirm={() => cancel.mutate({ id: o.id, reason }, done('已取消，积分和库存已退回'))}>
                <Button size="small" danger>取消</Button>
              </Popconfirm>
            </Space>
          ) },
        ]} />
    </>
  );
}
