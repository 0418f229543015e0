import { Alert, Descriptions, Drawer, Empty, Image, Skeleton, Space, Timeline, Typography } from 'antd';
import { WISH_EVENT_KINDS } from '@dangjian/contracts';
import { useWish, wishPhotoUrl } from '../api.ts';
import { categoryLabel, fmt, WishStatusTag } from './labels.tsx';
import { WishActions } from './WishActions.tsx';

export function WishPhotos({ wishId, ids, testId }: { wishId: string; ids: string[]; testId?: string }) {
  if (ids.length === 0) return <Typography.Text type="secondary">无</Typography.Text>;
  return (
    <Image.PreviewGroup>
      <Space wrap data-testid={testId}>
        {ids.map((p) => <Image key={p} src={wishPhotoUrl(wishId, p)} width={96} height={96} style={{ objectFit: 'cover' }} alt="照片" />)}
      </Space>
    </Image.PreviewGroup>
  );
}

/** A wish in full: what the resident asked, who claimed it, the timeline, and the actions its status allows. */
export function WishDrawer({ id, onClose, manage }: { id: string | undefined; onClose: () => void; manage: boolean }) {
  const wish = useWish(id);
  const w = wish.data;
  return (
    <Drawer title={w ? w.title : '心愿详情'} open={!!id} onClose={onClose} size="large" data-testid="wish-drawer" extra={w && <WishStatusTag s={w.status} />}>
      {wish.isPending && <Skeleton active />}
      {wish.isError && <Alert type="error" showIcon title={wish.error.message} />}
      {w && (
        <>
          {manage && <div style={{ marginBottom: 16 }}><WishActions wish={w} /></div>}
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="类别">{categoryLabel(w.category)}</Descriptions.Item>
            <Descriptions.Item label="内容"><span style={{ whiteSpace: 'pre-wrap' }}>{w.content}</span></Descriptions.Item>
            <Descriptions.Item label="照片"><WishPhotos wishId={w.id} ids={w.photoIds} testId="wish-photos" /></Descriptions.Item>
            <Descriptions.Item label="网格">{w.villageName} · {w.gridName}</Descriptions.Item>
            <Descriptions.Item label="所属组织">{w.orgName}</Descriptions.Item>
            <Descriptions.Item label="群众">{w.nickname || '居民'}{w.residentPhone ? `（${w.residentPhone}）` : ''}</Descriptions.Item>
            <Descriptions.Item label="提交时间">{fmt(w.createdAt, true)}</Descriptions.Item>
            {w.claimantName && <Descriptions.Item label="认领党员">{w.claimantName}（{w.claimantOrgName}），{fmt(w.claimedAt)} 认领{w.claimDeadline && w.status === 'claimed' ? `，${fmt(w.claimDeadline)} 前完成` : ''}</Descriptions.Item>}
            {w.fulfilNote && <Descriptions.Item label="完成情况">{w.fulfilNote}（{fmt(w.fulfilledAt)}）</Descriptions.Item>}
            {w.fulfilNote && <Descriptions.Item label="完成照片"><WishPhotos wishId={w.id} ids={w.fulfilPhotoIds} testId="wish-fulfil-photos" /></Descriptions.Item>}
            {w.rejectReason && <Descriptions.Item label="不通过原因">{w.rejectReason}</Descriptions.Item>}
            {w.disputeComment && <Descriptions.Item label="群众异议">{w.disputeComment}</Descriptions.Item>}
            {w.mergedInto && <Descriptions.Item label="已合并到">心愿 #{w.mergedInto}</Descriptions.Item>}
            {w.pointsAwarded !== null && <Descriptions.Item label="积分">认领党员获得 {w.pointsAwarded} 分</Descriptions.Item>}
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 24 }}>办理过程</Typography.Title>
          {w.events.length === 0 ? <Empty description="暂无记录" /> : (
            <Timeline data-testid="wish-timeline" items={w.events.map((e) => ({
              key: e.id,
              content: <><b>{WISH_EVENT_KINDS[e.kind]}</b> {e.actorName ?? ''} <Typography.Text type="secondary">{fmt(e.at, true)}</Typography.Text>{e.note && <div>{e.note}</div>}</>,
            }))} />
          )}
        </>
      )}
    </Drawer>
  );
}
