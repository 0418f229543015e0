import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Form, Input, Modal, Popconfirm, Row, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  SERVICE_DEMAND_KINDS, SERVICE_ITEM_STATUSES, SERVICE_PROJECT_STATUSES, SERVICE_RESOURCE_KINDS, type ServiceItem, type ServiceProject,
} from '@dangjian/contracts';
import { useAddDemand, useAddProject, useAddResource, useCommunities, useItems, usePatchItem, usePatchProject, useProjects } from '../api.ts';

const opts = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));
const statusTag = (s: keyof typeof SERVICE_ITEM_STATUSES) => <Tag color={s === 'open' ? 'blue' : s === 'matched' ? 'green' : undefined}>{SERVICE_ITEM_STATUSES[s]}</Tag>;

function ItemList({ kind, orgId }: { kind: 'resources' | 'demands'; orgId: string | undefined }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const items = useItems(kind, orgId, page);
  const patch = usePatchItem();
  const addR = useAddResource();
  const addD = useAddDemand();
  const [adding, setAdding] = useState(false);
  const [q, setQ] = useState('');
  const communities = useCommunities(q);
  const [form] = Form.useForm<{ title: string; kind: string; description?: string; communityOrgId?: string }>();
  const kinds = kind === 'resources' ? SERVICE_RESOURCE_KINDS : SERVICE_DEMAND_KINDS;
  const submit = async () => {
    const v = await form.validateFields();
    const cb = { onSuccess: () => { void message.success('已登记'); setAdding(false); form.resetFields(); }, onError: (e: Error) => void message.error(e.message) };
    if (kind === 'resources') addR.mutate({ orgId: orgId!, communityOrgId: v.communityOrgId!, title: v.title, kind: v.kind as keyof typeof SERVICE_RESOURCE_KINDS, description: v.description ?? null }, cb);
    else addD.mutate({ orgId: orgId!, title: v.title, kind: v.kind as keyof typeof SERVICE_DEMAND_KINDS, description: v.description ?? null }, cb);
  };
  return (
    <Card size="small" title={kind === 'resources' ? '资源清单' : '需求清单'} extra={<Button size="small" onClick={() => setAdding(true)} disabled={!orgId} data-testid={`service-${kind}-add`}>登记</Button>}>
      <Table<ServiceItem> rowKey="id" size="small" dataSource={items.data?.items ?? []} loading={items.isPending && !!orgId} data-testid={`service-${kind}-table`}
        locale={{ emptyText: <Empty description={items.isError ? items.error.message : '暂无'} /> }}
        pagination={{ current: page, pageSize: 20, total: items.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: '名称', dataIndex: 'title' }, { title: '类别', dataIndex: 'kind', render: (k: string) => (kinds as Record<string, string>)[k] ?? k },
          { title: kind === 'resources' ? '提供单位 → 社区' : '社区', render: (_, i) => (kind === 'resources' ? `${i.orgName} → ${i.communityName}` : i.communityName), ellipsis: true },
          { title: '状态', dataIndex: 'status', render: statusTag },
          { title: '', render: (_, i) => i.status === 'open' && (
            <Popconfirm title="关闭后不再参与对接，确定？" okText="关闭" cancelText="取消" onConfirm={() => patch.mutate({ kind, id: i.id, patch: { status: 'closed' } }, { onError: (e) => void message.error(e.message) })}>
              <Button type="link" size="small">关闭</Button>
            </Popconfirm>
          ) },
        ]} />
      <Modal title={kind === 'resources' ? '登记资源（向社区提供）' : '登记社区需求'} open={adding} onOk={() => void submit()} onCancel={() => setAdding(false)} okText="保存" cancelText="取消" destroyOnHidden forceRender confirmLoading={addR.isPending || addD.isPending}>
        <Form form={form} layout="vertical">
          <Form.Item name="title" label="名称" rules={[{ required: true, whitespace: true, message: '请填写名称' }, { max: 80 }]}><Input /></Form.Item>
          <Form.Item name="kind" label="类别" rules={[{ required: true, message: '请选择类别' }]}><Select options={opts(kinds)} /></Form.Item>
          {kind === 'resources' && (
            <Form.Item name="communityOrgId" label="提供给哪个社区" rules={[{ required: true, message: '请选择社区' }]}>
              <Select showSearch={{ filterOption: false, onSearch: setQ }} options={(communities.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))} placeholder="输入社区名称查找" />
            </Form.Item>
          )}
          <Form.Item name="description" label="说明" rules={[{ max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

/** 双向认领: the community's demands and the resources offered to it, matched into projects. */
export function MatchingTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const projects = useProjects(orgId, page);
  const resources = useItems('resources', orgId, 1);
  const demands = useItems('demands', orgId, 1);
  const add = useAddProject();
  const patch = usePatchProject();
  const [matching, setMatching] = useState(false);
  const [form] = Form.useForm<{ title: string; resourceIds: string[]; demandIds: string[]; range: [Dayjs, Dayjs | null] }>();
  const openRes = (resources.data?.items ?? []).filter((i) => i.status === 'open' && i.communityOrgId === orgId);
  const openDem = (demands.data?.items ?? []).filter((i) => i.status === 'open' && i.communityOrgId === orgId);
  const submit = async () => {
    const v = await form.validateFields();
    const responsible = openRes.find((r) => r.id === v.resourceIds[0])!.orgId;
    add.mutate({ orgId: orgId!, title: v.title, responsibleOrgId: responsible, startsOn: v.range[0].format('YYYY-MM-DD'), endsOn: v.range[1]?.format('YYYY-MM-DD') ?? null, resourceIds: v.resourceIds, demandIds: v.demandIds }, {
      onSuccess: () => { void message.success('已对接成项目'); setMatching(false); form.resetFields(); }, onError: (e) => void message.error(e.message),
    });
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <Row gutter={12}>
        <Col xs={24} lg={12}><ItemList kind="demands" orgId={orgId} /></Col>
        <Col xs={24} lg={12}><ItemList kind="resources" orgId={orgId} /></Col>
      </Row>
      <Card size="small" title="项目清单" extra={<Button size="small" type="primary" disabled={!openRes.length || !openDem.length} onClick={() => setMatching(true)} data-testid="service-project-add">对接成项目</Button>}>
        <Table<ServiceProject> rowKey="id" size="small" dataSource={projects.data?.items ?? []} loading={projects.isPending && !!orgId} data-testid="service-projects-table" scroll={{ x: 800 }}
          locale={{ emptyText: <Empty description="暂无项目；选择本社区的需求和提供给本社区的资源即可对接" /> }}
          pagination={{ current: page, pageSize: 20, total: projects.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: '项目', dataIndex: 'title' }, { title: '社区', dataIndex: 'orgName', ellipsis: true }, { title: '责任单位', dataIndex: 'responsibleOrgName', ellipsis: true },
            { title: '资源', render: (_, p) => p.resources.map((r) => <Tag key={r.id}>{r.title}</Tag>) }, { title: '需求', render: (_, p) => p.demands.map((d) => <Tag key={d.id}>{d.title}</Tag>) },
            { title: '时间', render: (_, p) => `${p.startsOn} ~ ${p.endsOn ?? ''}` },
            { title: '状态', dataIndex: 'status', render: (s: keyof typeof SERVICE_PROJECT_STATUSES, p) => (
              <Select size="small" value={s} style={{ width: 100 }} options={opts(SERVICE_PROJECT_STATUSES)} onChange={(v) => patch.mutate({ id: p.id, patch: { status: v } }, { onError: (e) => void message.error(e.message) })} />
            ) },
          ]} />
      </Card>
      <Modal title="资源与需求对接" open={matching} onOk={() => void submit()} onCancel={() => setMatching(false)} confirmLoading={add.isPending} okText="生成项目" cancelText="取消" destroyOnHidden forceRender>
        <Form form={form} layout="vertical" initialValues={{ range: [dayjs(), null] }}>
          <Form.Item name="title" label="项目名称" rules={[{ required: true, whitespace: true, message: '请填写项目名称' }, { max: 80 }]}><Input placeholder="如：助老食堂" /></Form.Item>
          <Form.Item name="demandIds" label="需求" rules={[{ required: true, message: '请至少选择一项需求' }]}><Select mode="multiple" options={openDem.map((d) => ({ value: d.id, label: d.title }))} /></Form.Item>
          <Form.Item name="resourceIds" label="资源（第一项的提供单位为责任单位）" rules={[{ required: true, message: '请至少选择一项资源' }]}><Select mode="multiple" options={openRes.map((r) => ({ value: r.id, label: `${r.title}（${r.orgName}）` }))} /></Form.Item>
          <Form.Item name="range" label="起止日期" rules={[{ required: true }]}><DatePicker.RangePicker allowEmpty={[false, true]} /></Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
