import { Card, Empty } from 'antd';

/** 换届提醒 (placeholder until the feature lands). */
export default function TeamsExpiringPage() {
  return (
    <Card title="换届提醒">
      <Empty description="建设中" />
    </Card>
  );
}
