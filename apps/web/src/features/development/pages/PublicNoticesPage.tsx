import { Alert, Card, Empty, List, Spin, Tag, Typography } from 'antd';
import { usePublicNotices } from '../api.ts';

/**
 * 公示栏: the public page of development notices in their period, reachable without signing in.
 * Only names, organization, stage and period are published — never ID numbers or phones.
 */
export default function PublicNoticesPage() {
  const q = usePublicNotices();
  return (
    <div style={{ maxWidth: 900, margin: '24px auto', padding: '0 12px' }}>
      <Card title={<Typography.Title level={3} style={{ margin: 0, color: '#c8102e' }}>发展党员公示栏</Typography.Title>}>
        {q.isPending && <Spin />}
        {q.isError && <Alert type="error" showIcon title="公示加载失败" description={q.error.message} />}
        {q.data && (
          <List data-testid="public-notices" dataSource={q.data.items} locale={{ emptyText: <Empty description="当前没有公示" /> }}
            renderItem={(n) => (
              <List.Item>
                <List.Item.Meta
                  title={n.title}
                  description={
                    <>
                      <div>{n.orgName}：<b>{n.personName}</b> 同志（{n.stageName}），现予公示。</div>
                      <div>公示期：<Tag color="red">{n.startOn} 至 {n.endOn}</Tag>{n.contact ? `\u3000如有意见请向 ${n.contact} 反映。` : '\u3000如有意见请向所在党组织反映。'}</div>
                    </>
                  }
                />
              </List.Item>
            )} />
        )}
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>公示期间，党员和群众可通过来信、来电、来访等方式反映情况。</Typography.Paragraph>
      </Card>
    </div>
  );
}
