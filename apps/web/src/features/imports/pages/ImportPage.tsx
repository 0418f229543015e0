import { Card, Empty } from 'antd';

/** 批量导入 (placeholder until the feature lands). */
export default function ImportPage() {
  return (
    <Card title="批量导入">
      <Empty description="建设中" />
    </Card>
  );
}
