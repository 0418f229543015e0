import { Card, Empty } from 'antd';

/** 党费 (placeholder until the feature lands). */
export default function DuesPage() {
  return (
    <Card title="党费">
      <Empty description="建设中" />
    </Card>
  );
}
