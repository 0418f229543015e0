import { Card, Empty } from 'antd';

/** 发展党员 (placeholder until the feature lands). */
export default function DevelopmentPage() {
  return (
    <Card title="发展党员">
      <Empty description="建设中" />
    </Card>
  );
}
