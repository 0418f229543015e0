import { Card, Empty } from 'antd';

/** 阵地管理 (placeholder until the feature lands). */
export default function SitesPage() {
  return (
    <Card title="阵地管理">
      <Empty description="建设中" />
    </Card>
  );
}
