import { Card, Empty } from 'antd';

/** 学习教育 (placeholder until the feature lands). */
export default function StudyPage() {
  return (
    <Card title="学习教育">
      <Empty description="建设中" />
    </Card>
  );
}
