import { useState } from 'react';
import { Button, Card, Empty, Space, Table, Tag } from 'antd';
import type { TrainingItem } from '@dangjian/contracts';
import { useMe } from '../../auth/api.ts';
import { useMyTrainings, useTrainings } from '../api-more.ts';
import { TrainingFormModal } from '../components/TrainingFormModal.tsx';
import { TrainingRosterModal } from '../components/TrainingRosterModal.tsx';

/** 培训班: classes in reach; managers enrol and take attendance; everyone sees their own record. */
export default function TrainingsTab() {
  const list = useTrainings();
  const mine = useMyTrainings();
  const canManage = useMe().data?.permissions.includes('members:write') ?? false;
  const [creating, setCreating] = useState(false);
  const [roster, setRoster] = useState<TrainingItem | null>(null);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title="培训班" extra={canManage && <Button type="primary" onClick={() => setCreating(true)}>开设培训班</Button>}>
        <Table<TrainingItem> rowKey="id" size="small" loading={list.isPending} dataSource={list.data?.items ?? []} locale={{ emptyText: <Empty description="暂无培训班" /> }}
          columns={[
            { title: '培训班', dataIndex: 'title' }, { title: '举办组织', dataIndex: 'orgName' },
            { title: '课次 / 学时', render: (_, t) => `${t.sessions.length} 次 / ${t.totalHours} 学时` }, { title: '结业学时', dataIndex: 'requiredHours' },
            { title: '报名 / 结业', render: (_, t) => `${t.enrolled} / ${t.completed}` },
            { title: '操作', render: (_, t) => t.manageable && <Button type="link" onClick={() => setRoster(t)}>报名与考勤</Button> },
          ]} />
      </Card>
      <Card size="small" title={`我的培训档案（累计 ${mine.data?.totalHours ?? 0} 学时）`}>
        <Table rowKey="trainingId" size="small" loading={mine.isPending} dataSource={mine.data?.items ?? []} pagination={false} locale={{ emptyText: <Empty description="暂无培训记录" /> }}
          columns={[
            { title: '培训班', dataIndex: 'title' }, { title: '举办组织', dataIndex: 'orgName' }, { title: '已修学时', dataIndex: 'attendedHours' },
            { title: '结业学时', dataIndex: 'requiredHours' }, { title: '状态', dataIndex: 'completed', render: (v: boolean) => (v ? <Tag color="success">已结业</Tag> : <Tag>在学</Tag>) },
          ]} />
      </Card>
      {creating && <TrainingFormModal onClose={() => setCreating(false)} />}
      {roster && <TrainingRosterModal training={roster} onClose={() => setRoster(null)} />}
    </Space>
  );
}
