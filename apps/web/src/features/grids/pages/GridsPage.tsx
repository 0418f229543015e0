import { Card, Empty } from 'antd';

/** 网格管理 (placeholder until the feature lands). */
export default function GridsPage() {
  return (
    <Card title="网格管理">
      <Empty description="建设中" />
    </Card>
  );
}
