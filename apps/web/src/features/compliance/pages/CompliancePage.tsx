import { Card, Empty } from 'antd';

/** 合规检查 (placeholder until the feature lands). */
export default function CompliancePage() {
  return (
    <Card title="合规检查">
      <Empty description="建设中" />
    </Card>
  );
}
