import { useState } from 'react';
import { Button, Card, Empty, InputNumber, Space, Table, Tag } from 'antd';
import { SELECTION_KINDS, type LessonItem, type SelectionRound } from '@dangjian/contracts';
import { useMe } from '../../auth/api.ts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { useLecturers, useLessons, useSelections } from '../api-more.ts';
import { LessonFormModal } from '../components/LessonFormModal.tsx';
import { SelectionModal } from '../components/SelectionModal.tsx';

/** 党课: lesson records of a subtree, lessons per lecturer per year, 示范党课/党课名师 selection rounds. */
export default function LessonsTab() {
  const canManage = useMe().data?.permissions.includes('members:write') ?? false;
  const defaultOrg = useDefaultOrgId();
  const [orgId, setOrgId] = useState<string>();
  const org = orgId ?? defaultOrg;
  const [year, setYear] = useState(new Date().getFullYear());
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [round, setRound] = useState<SelectionRound | null>(null);
  const lessons = useLessons(canManage ? org : undefined, year, page);
  const lecturers = useLecturers(canManage ? org : undefined, year);
  const selections = useSelections();

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {canManage && (
        <Card size="small" title="党课记录" extra={
          <Space>
            <OrgPicker value={org} onChange={(v) => { setPage(1); setOrgId(v); }} />
            <InputNumber value={year} min={2000} max={2100} onChange={(v) => v && setYear(v)} addonAfter="年" />
            <Button type="primary" onClick={() => setCreating(true)} data-testid="lesson-new">登记党课</Button>
          </Space>
        }>
          <Table<LessonItem> rowKey="id" size="small" loading={lessons.isPending} dataSource={lessons.data?.items ?? []}
            locale={{ emptyText: <Empty description="本年度暂无党课记录" /> }}
            pagination={{ current: page, pageSize: 20, total: lessons.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
            columns={[
              { title: '日期', dataIndex: 'heldOn', width: 110 }, { title: '题目', dataIndex: 'title' }, { title: '组织', dataIndex: 'orgName' },
              { title: '授课人', render: (_, l) => <Space>{l.lecturerName}{l.lecturerPost && <span>（{l.lecturerPost}）</span>}{l.lecturerIsLeader && <Tag color="red">领导干部</Tag>}</Space> },
              { title: '听课人数', dataIndex: 'attendees', width: 90 },
            ]} />
          <Table size="small" style={{ marginTop: 12 }} title={() => `${year} 年授课人讲党课次数`} rowKey={(r) => `${r.lecturerMemberId ?? ''}-${r.lecturerName}`}
            dataSource={lecturers.data?.items ?? []} pagination={false}
            columns={[{ title: '授课人', dataIndex: 'lecturerName' }, { title: '领导干部', dataIndex: 'isLeader', render: (v: boolean) => (v ? '是' : '否') }, { title: '次数', dataIndex: 'count' }]} />
        </Card>
      )}
      <Card size="small" title="示范党课、党课名师评选">
        <Table<SelectionRound> rowKey="id" size="small" loading={selections.isPending} dataSource={selections.data?.items ?? []}
          locale={{ emptyText: <Empty description="暂无评选" /> }} pagination={false}
          columns={[
            { title: '评选', dataIndex: 'title' }, { title: '类别', dataIndex: 'kind', render: (k: SelectionRound['kind']) => SELECTION_KINDS[k] },
            { title: '发起组织', dataIndex: 'orgName' }, { title: '我是评委', dataIndex: 'isCommittee', render: (v: boolean) => (v ? '是' : '否') },
            { title: '操作', render: (_, r) => <Button type="link" onClick={() => setRound(r)}>{r.isCommittee ? '打分 / 结果' : '结果'}</Button> },
          ]} />
      </Card>
      {creating && org && <LessonFormModal orgId={org} onClose={() => setCreating(false)} />}
      {round && <SelectionModal round={round} onClose={() => setRound(null)} />}
    </Space>
  );
}
