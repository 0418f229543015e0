import { useState } from 'react';
import { Alert, App, Button, Card, Empty, List, Popconfirm, Space, Tabs, Tag, Typography } from 'antd';
import { WISH_LIMITS, type Wish } from '@dangjian/contracts';
import { useClaim, useMyWishes } from '../api.ts';
import { categoryLabel, daysLeft, fmt, WishStatusTag } from './labels.tsx';
import { FulfilModal } from './FulfilModal.tsx';
import { WishDrawer } from './WishDrawer.tsx';

function Deadline({ w }: { w: Wish }) {
  const d = daysLeft(w.claimDeadline);
  if (d === undefined) return null;
  return <Tag color={d < 0 ? 'red' : d <= 2 ? 'orange' : 'blue'}>{d < 0 ? `已超期 ${-d} 天` : `${fmt(w.claimDeadline)} 前完成（剩 ${d} 天）`}</Tag>;
}

function WishItem({ w, actions, onOpen }: { w: Wish; actions?: React.ReactNode[]; onOpen: (id: string) => void }) {
  return (
    <List.Item actions={actions} data-testid={`my-wish-${w.id}`} style={{ flexWrap: 'wrap' }}>
      <List.Item.Meta
        title={<Typography.Link onClick={() => onOpen(w.id)}>{w.title}</Typography.Link>}
        description={(
          <Space orientation="vertical" size={2} style={{ width: '100%' }}>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{w.content}</Typography.Paragraph>
            <Space wrap size={4}>
              <Tag>{categoryLabel(w.category)}</Tag><WishStatusTag s={w.status} />
              {w.status === 'claimed' && <Deadline w={w} />}
              {w.pointsAwarded ? <Tag color="green">+{w.pointsAwarded} 分</Tag> : null}
            </Space>
            <span>{w.villageName} · {w.gridName} · {w.nickname || '居民'} · {fmt(w.createdAt)}</span>
          </Space>
        )} />
    </List.Item>
  );
}

/** 我的微心愿 (phone-first): what I claimed and its deadline, what I can claim, what I have done. */
export function MyWishesTab() {
  const { message } = App.useApp();
  const mine = useMyWishes();
  const claim = useClaim();
  const [fulfilling, setFulfilling] = useState<Wish>();
  const [open, setOpen] = useState<string>();
  const m = mine.data;
  const list = (items: Wish[], empty: string, testId: string, actions?: (w: Wish) => React.ReactNode[]) => (
    <List<Wish> dataSource={items} data-testid={testId} locale={{ emptyText: <Empty description={empty} /> }}
      renderItem={(w) => <WishItem w={w} onOpen={setOpen} actions={actions?.(w)} />} />
  );
  return (
    <Card title="我的微心愿" loading={mine.isPending} styles={{ body: { padding: 12 } }} data-testid="my-wishes-card">
      {mine.isError && <Alert type="error" showIcon title="加载失败" description={mine.error.message} />}
      {m && !m.isMember && <Empty description="当前账号未关联党员档案" />}
      {m?.isMember && (
        <Tabs items={[
          { key: 'claimed', label: `我认领的 ${m.claimed.length}`, children: list(m.claimed, '暂无认领的心愿', 'my-wishes-claimed', (w) => [
            <Button key="f" type="primary" size="large" onClick={() => setFulfilling(w)} data-testid={`wish-fulfil-${w.id}`}>完成服务</Button>,
          ]) },
          { key: 'available', label: `可认领 ${m.available.length}`, children: list(m.available, '附近暂无待认领的心愿', 'my-wishes-available', (w) => [
            <Popconfirm key="c" title={`认领“${w.title}”？请在 ${WISH_LIMITS.claimDays} 天内完成。`} okText="认领" cancelText="取消" okButtonProps={{ 'data-testid': 'wish-claim-confirm' }}
              onConfirm={() => claim.mutate({ id: w.id }, { onSuccess: () => void message.success('已认领，请按时完成'), onError: (e) => void message.error(e.message) })}>
              <Button type="primary" size="large" data-testid={`wish-claim-${w.id}`}>认领</Button>
            </Popconfirm>,
          ]) },
          { key: 'done', label: `已完成 ${m.done.length}`, children: list(m.done, '暂无完成的心愿', 'my-wishes-done') },
        ]} />
      )}
      <FulfilModal wish={fulfilling} onClose={() => setFulfilling(undefined)} />
      <WishDrawer id={open} onClose={() => setOpen(undefined)} manage={false} />
    </Card>
  );
}
