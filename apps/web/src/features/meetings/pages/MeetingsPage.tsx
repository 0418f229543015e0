import { Card, Empty } from 'antd';

/** 组织生活 (placeholder until the feature lands). */
export default function MeetingsPage() {
  return (
    <Card title="组织生活">
      <Empty description="建设中" />
    </Card>
  );
}
