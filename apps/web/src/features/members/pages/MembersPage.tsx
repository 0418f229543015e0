import { Card, Empty } from 'antd';

/** 党员信息库 (placeholder until the feature lands). */
export default function MembersPage() {
  return (
    <Card title="党员信息库">
      <Empty description="建设中" />
    </Card>
  );
}
