import { useState } from 'react';
import { useSearchParams, useNavigate } from 'react-router';
import { Alert, Badge, Button, Card, Col, Empty, Input, List, Row, Select, Space, Statistic, Tabs, Tag } from 'antd';
import { DEV_STAGES } from '@dangjian/contracts';
import { useMe } from '../../auth/api.ts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { DEV_PAGE_SIZE, useDevCases, usePipeline, useTodo } from '../api.ts';
import { CaseTable } from '../components/CaseTable.tsx';

function PipelineTab({ orgId }: { orgId: string | undefined }) {
  const p = usePipeline(orgId);
  const [stage, setStage] = useState(1);
  if (p.isError) return <Alert type="error" showIcon title="进度加载失败" description={p.error.message} />;
  const current = p.data?.stages.find((s) => s.stage === stage);
  return (
    <>
      <Row gutter={12} style={{ marginBottom: 16 }} data-testid="dev-pipeline">
        {DEV_STAGES.map((s) => {
          const d = p.data?.stages.find((x) => x.stage === s.no);
          return (
            <Col key={s.no} xs={12} md={Math.floor(24 / 5)} style={{ flex: 1 }}>
              <Card size="small" hoverable onClick={() => setStage(s.no)} style={{ borderColor: stage === s.no ? '#c8102e' : undefined }} data-testid={`dev-stage-${s.no}`}>
                <Statistic title={`${s.no}. ${s.name}`} value={d?.count ?? 0} suffix="人" />
                {d && d.overdue > 0 ? <Tag color="red">逾期 {d.overdue}</Tag> : <Tag>无逾期</Tag>}
              </Card>
            </Col>
          );
        })}
      </Row>
      <CaseTable items={current?.cases ?? []} loading={p.isPending && !!orgId} testId="dev-stage-table" />
    </>
  );
}

function TodoTab() {
  const todo = useTodo();
  const navigate = useNavigate();
  if (todo.isError) return <Alert type="error" showIcon title="待办加载失败" description={todo.error.message} />;
  return (
    <List
      loading={todo.isPending} data-testid="dev-todo" dataSource={todo.data?.items ?? []}
      locale={{ emptyText: <Empty description="近 30 天没有到期的发展步骤" /> }}
      renderItem={(c) => (
        <List.Item onClick={() => navigate(`/development/${c.id}`)} style={{ cursor: 'pointer' }}>
          <List.Item.Meta title={<Space>{c.name}<span style={{ color: '#888' }}>{c.orgName}</span></Space>}
            description={c.deadlines.map((d) => (
              <Tag key={d.code} color={d.state === 'overdue' ? 'red' : 'orange'}>{d.name}：{d.dueOn}{d.state === 'overdue' ? '（已逾期）' : '（即将到期）'}</Tag>
            ))} />
        </List.Item>
      )}
    />
  );
}

function ListTab({ orgId }: { orgId: string | undefined }) {
  const [status, setStatus] = useState('active');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useDevCases(orgId, status, undefined, q, page);
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Select value={status} style={{ width: 120 }} onChange={(v) => { setPage(1); setStatus(v); }}
          options={[{ value: 'active', label: '进行中' }, { value: 'completed', label: '已完成' }, { value: 'closed', label: '已终止' }, { value: '', label: '全部' }]} />
        <Input.Search allowClear placeholder="姓名或拼音首字母" style={{ width: 200 }} onSearch={(v) => { setPage(1); setQ(v.trim()); }} />
      </Space>
      {list.isError && <Alert type="error" showIcon title="加载失败" description={list.error.message} />}
      <CaseTable items={list.data?.items ?? []} loading={list.isPending && !!orgId} testId="dev-case-table"
        pagination={{ current: page, pageSize: DEV_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage }} />
    </>
  );
}

/** 发展党员: the pipeline of a subtree by stage (overdue first), the to-do list, all cases. */
export default function PipelinePage() {
  const [params, setParams] = useSearchParams();
  const defaultOrg = useDefaultOrgId();
  const orgId = params.get('orgId') ?? defaultOrg;
  const navigate = useNavigate();
  const me = useMe();
  const canWrite = me.data?.permissions.includes('members:write') ?? false;
  const todo = useTodo();
  if (!canWrite && me.data) return <Card title="发展党员"><Empty description="发展党员档案由党组织书记、组织委员和组织部管理" /></Card>;
  return (
    <Card title="发展党员" extra={
      <Space wrap>
        <OrgPicker value={orgId} onChange={(id) => setParams({ orgId: id })} testId="dev-org-picker" />
        <Button type="primary" onClick={() => navigate('/development/new')} data-testid="dev-new">新建发展档案</Button>
        <Button onClick={() => window.open('/public/notices', '_blank')}>公示栏</Button>
      </Space>
    }>
      <Tabs items={[
        { key: 'pipeline', label: '发展进度', children: <PipelineTab orgId={orgId} /> },
        { key: 'todo', label: <Badge count={todo.data?.items.length ?? 0} size="small" offset={[8, 0]}>待办提醒</Badge>, children: <TodoTab /> },
        { key: 'list', label: '全部档案', children: <ListTab orgId={orgId} /> },
      ]} />
    </Card>
  );
}
