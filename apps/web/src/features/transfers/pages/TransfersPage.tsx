import { Card, Empty } from 'antd';

/** 关系转接 (placeholder until the feature lands). */
export default function TransfersPage() {
  return (
    <Card title="关系转接">
      <Empty description="建设中" />
    </Card>
  );
}
