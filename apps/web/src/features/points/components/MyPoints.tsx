import { App, Alert, Button, Card, Empty, List, Popconfirm, Space, Statistic, Tabs } from 'antd';
import type { PointsGoods, PointsOrder } from '@dangjian/contracts';
import { useMyPoints, useOrder, useShop } from '../api.ts';
import { EntriesTable, formatTime, OrderStatus } from './EntriesTable.tsx';

/** 我的积分 (phone-first): balance, entries, the shop and my redemptions. */
export function MyPoints() {
  const { message } = App.useApp();
  const mine = useMyPoints();
  const m = mine.data?.member;
  const shop = useShop(!!m);
  const order = useOrder();
  const redeem = (g: PointsGoods) => order.mutate({ goodsId: g.id, qty: 1 }, {
    onSuccess: () => void message.success(`已兑换 ${g.name}，请到支部领取`),
    onError: (e) => void message.error(e.message),
  });
  if (mine.data && !mine.data.enabled) return <Card title="我的积分"><Empty description="本地区未启用党员积分" /></Card>;
  return (
    <Card title="我的积分" loading={mine.isPending} styles={{ body: { padding: 12 } }}>
      {mine.isError && <Alert type="error" showIcon title="加载失败" description={mine.error.message} />}
      {mine.data && !m && <Empty description="当前账号未关联党员档案" />}
      {m && (
        <>
          <Statistic title={`${m.name}（${m.orgName}）可用积分`} value={m.balance} suffix="分" data-testid="points-balance" />
          <Tabs items={[
            { key: 'shop', label: '积分兑换', children: (
              <List<PointsGoods> dataSource={shop.data?.items ?? []} loading={shop.isPending} data-testid="points-shop" locale={{ emptyText: <Empty description="暂无可兑换物品" /> }}
                renderItem={(g) => (
                  <List.Item actions={[
                    <Popconfirm key="r" title={`用 ${g.price} 分兑换 ${g.name}？`} okText="兑换" cancelText="取消" okButtonProps={{ 'data-testid': 'points-redeem-confirm' }} onConfirm={() => redeem(g)} disabled={g.stock < 1 || g.price > m.balance}>
                      <Button type="primary" size="small" disabled={g.stock < 1 || g.price > m.balance} data-testid={`points-redeem-${g.id}`}>{g.stock < 1 ? '已兑完' : '兑换'}</Button>
                    </Popconfirm>,
                  ]}>
                    <List.Item.Meta title={g.name} description={<Space wrap><span>{g.price} 分</span><span>库存 {g.stock}</span><span>{g.orgName}</span></Space>} />
                  </List.Item>
                )} />
            ) },
            { key: 'orders', label: '我的兑换', children: (
              <List<PointsOrder> dataSource={m.orders} data-testid="points-my-orders" locale={{ emptyText: <Empty description="暂无兑换记录" /> }}
                renderItem={(o) => (
                  <List.Item extra={<OrderStatus s={o.status} />}>
                    <List.Item.Meta title={`${o.goodsName} × ${o.qty}`} description={`${o.points} 分 · ${formatTime(o.createdAt)}`} />
                  </List.Item>
                )} />
            ) },
            { key: 'entries', label: '积分明细', children: <EntriesTable entries={m.entries} /> },
          ]} />
        </>
      )}
    </Card>
  );
}
