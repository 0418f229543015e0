import { useState } from 'react';
import { App, Button, Modal, Select, Space, Table, Tag } from 'antd';
import type { TrainingItem, TrainingRoster } from '@dangjian/contracts';
import { useAttend, useEnrol, useMemberOptions, useTrainingRoster } from '../api-more.ts';

type Row = TrainingRoster['items'][number];

/** 报名与考勤: enrol members of the subtree, tick attendance per session; printable. */
export function TrainingRosterModal({ training, onClose }: { training: TrainingItem; onClose: () => void }) {
  const roster = useTrainingRoster(training.id);
  const members = useMemberOptions(training.orgId);
  const enrol = useEnrol(training.id);
  const attend = useAttend(training.id);
  const [picked, setPicked] = useState<string[]>([]);
  const { message } = App.useApp();
  const fail = (e: Error) => message.error(e.message);
  return (
    <Modal open width={960} title={`${training.title}：报名与考勤`} footer={<Button onClick={() => window.print()}>打印签到表</Button>} onCancel={onClose}>
      <Space style={{ marginBottom: 12 }}>
        <Select mode="multiple" style={{ width: 420 }} placeholder="选择报名党员" value={picked} onChange={setPicked} optionFilterProp="label"
          options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))} />
        <Button type="primary" disabled={picked.length === 0} loading={enrol.isPending} onClick={() => enrol.mutate(picked, { onSuccess: () => setPicked([]), onError: fail })}>报名</Button>
      </Space>
      <Table<Row> rowKey="memberId" size="small" loading={roster.isPending} dataSource={roster.data?.items ?? []} pagination={false}
        columns={[
          { title: '姓名', dataIndex: 'name' }, { title: '组织', dataIndex: 'orgName' },
          ...training.sessions.map((s) => ({
            title: `${s.heldOn} ${s.title}（${s.hours}）`, key: s.id,
            render: (_: unknown, r: Row) => (r.attendedSessions.includes(s.id) ? <Tag color="success">出勤</Tag>
              : <Button size="small" onClick={() => attend.mutate({ sessionId: s.id, memberIds: [r.memberId] }, { onError: fail })}>签到</Button>),
          })),
          { title: '学时', dataIndex: 'attendedHours' }, { title: '结业', dataIndex: 'completed', render: (v: boolean) => (v ? <Tag color="success">已结业</Tag> : '未结业') },
        ]} />
    </Modal>
  );
}
