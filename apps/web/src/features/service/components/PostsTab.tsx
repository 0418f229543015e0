import { useState } from 'react';
import { App, Button, Drawer, Empty, Form, Input, InputNumber, Modal, Popconfirm, Progress, Select, Space, Switch, Table, Tag } from 'antd';
import { SERVICE_POST_AUDIENCES, SERVICE_POST_KINDS, type PostClaim, type ServicePost, type ServicePostRequest } from '@dangjian/contracts';
import { SERVICE_PAGE_SIZE, useAddPost, useClaims, useDeletePost, usePosts, useUnclaim, useUpdatePost } from '../api.ts';

const kindOptions = Object.entries(SERVICE_POST_KINDS).map(([value, label]) => ({ value, label }));
const audienceOptions = Object.entries(SERVICE_POST_AUDIENCES).map(([value, label]) => ({ value, label }));

/** 认领名单 of one post, with ending a member's place. */
function ClaimsDrawer({ post, onClose }: { post: ServicePost | undefined; onClose: () => void }) {
  const { message } = App.useApp();
  const claims = useClaims(post?.id);
  const unclaim = useUnclaim();
  return (
    <Drawer title={post ? `${post.name} · 认领名单` : ''} open={!!post} onClose={onClose} size="large">
      <Table<PostClaim> rowKey="id" size="small" loading={claims.isPending} dataSource={claims.data?.items ?? []} pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description="暂无认领" /> }} data-testid="service-claims-table"
        columns={[
          { title: '姓名', dataIndex: 'memberName' }, { title: '所在组织', dataIndex: 'memberOrgName', ellipsis: true },
          { title: '认领日期', dataIndex: 'claimedOn' }, { title: '方式', dataIndex: 'assigned', render: (a: boolean) => (a ? '书记指派' : '本人认领') },
          { title: '状态', render: (_, c) => (c.endedOn ? <Tag>已退出 {c.endedOn}</Tag> : <Tag color="green">在岗</Tag>) },
          { title: '', render: (_, c) => !c.endedOn && (
            <Popconfirm title={`结束 ${c.memberName} 的岗位？`} okText="结束" cancelText="取消" onConfirm={() => unclaim.mutate({ postId: c.postId, memberId: c.memberId }, { onSuccess: () => void message.success('已结束'), onError: (e) => void message.error(e.message) })}>
              <Button size="small" type="link" danger>结束</Button>
            </Popconfirm>
          ) },
        ]} />
    </Drawer>
  );
}

/** 服务岗位: posts of the subtree with claimed/capacity, person-times and hours; add, edit, switch off, claims. */
export function PostsTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const posts = usePosts(orgId, q, page);
  const add = useAddPost();
  const update = useUpdatePost();
  const remove = useDeletePost();
  const [editing, setEditing] = useState<ServicePost | 'new'>();
  const [viewing, setViewing] = useState<ServicePost>();
  const [form] = Form.useForm<Omit<ServicePostRequest, 'orgId'>>();
  const open = (p: ServicePost | 'new') => { setEditing(p); form.setFieldsValue(p === 'new' ? { kind: 'civility', audience: 'all', capacity: 10, name: '', description: '' } : p); };
  const err = (e: Error) => void message.error(e.message);
  const submit = async () => {
    const v = await form.validateFields();
    const ok = () => { void message.success('已保存'); setEditing(undefined); };
    if (editing === 'new') add.mutate({ orgId: orgId!, ...v }, { onSuccess: ok, onError: err });
    else if (editing) update.mutate({ id: editing.id, patch: v }, { onSuccess: ok, onError: err });
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="岗位名称" onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 220 }} />
        <Button type="primary" onClick={() => open('new')} disabled={!orgId} data-testid="service-post-add">设立岗位</Button>
      </Space>
      <Table<ServicePost> rowKey="id" loading={posts.isPending && !!orgId} dataSource={posts.data?.items ?? []} data-testid="service-posts-table" scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description={posts.isError ? posts.error.message : '暂无服务岗位'} /> }}
        pagination={{ current: page, pageSize: SERVICE_PAGE_SIZE, total: posts.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个岗位`, hideOnSinglePage: true }}
        columns={[
          { title: '岗位', dataIndex: 'name', render: (n: string, p) => <Space>{n}{!p.active && <Tag>已停用</Tag>}</Space> },
          { title: '类别', dataIndex: 'kind', render: (k: keyof typeof SERVICE_POST_KINDS) => SERVICE_POST_KINDS[k] },
          { title: '设岗组织', dataIndex: 'orgName', ellipsis: true },
          { title: '对象', dataIndex: 'audience', render: (a: keyof typeof SERVICE_POST_AUDIENCES) => SERVICE_POST_AUDIENCES[a] },
          { title: '已认领/名额', width: 150, render: (_, p) => <Space orientation="vertical" size={0}><span data-testid="service-post-claimed">{p.claimed}/{p.capacity}</span><Progress percent={Math.round((p.claimed / p.capacity) * 100)} size="small" showInfo={false} /></Space> },
          { title: '服务人次', dataIndex: 'personTimes', align: 'right' }, { title: '服务时长', dataIndex: 'hours', align: 'right', render: (h: number) => `${h} 小时` },
          { title: '操作', render: (_, p) => (
            <Space size={0} wrap>
              <Button type="link" size="small" onClick={() => setViewing(p)}>认领名单</Button>
              <Button type="link" size="small" onClick={() => open(p)}>编辑</Button>
              <Switch size="small" checked={p.active} checkedChildren="启用" unCheckedChildren="停用" onChange={(v) => update.mutate({ id: p.id, patch: { active: v } }, { onError: err })} />
              {p.claimed === 0 && p.personTimes === 0 && (
                <Popconfirm title={`删除“${p.name}”？`} okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove.mutate(p.id, { onSuccess: () => void message.success('已删除'), onError: err })}>
                  <Button type="link" size="small" danger>删除</Button>
                </Popconfirm>
              )}
            </Space>
          ) },
        ]} />
      <Modal title={editing === 'new' ? '设立服务岗位' : '编辑服务岗位'} open={!!editing} onOk={() => void submit()} onCancel={() => setEditing(undefined)} confirmLoading={add.isPending || update.isPending} okText="保存" cancelText="取消" destroyOnHidden forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="name" label="岗位名称" rules={[{ required: true, whitespace: true, message: '请填写岗位名称' }, { max: 60 }]}><Input placeholder="如：文明劝导岗" /></Form.Item>
          <Space wrap>
            <Form.Item name="kind" label="类别" rules={[{ required: true }]}><Select options={kindOptions} style={{ width: 160 }} /></Form.Item>
            <Form.Item name="audience" label="面向" rules={[{ required: true }]}><Select options={audienceOptions} style={{ width: 200 }} /></Form.Item>
            <Form.Item name="capacity" label="名额" rules={[{ required: true, message: '请填写名额' }]}><InputNumber min={1} max={10000} precision={0} /></Form.Item>
          </Space>
          <Form.Item name="description" label="岗位职责" rules={[{ max: 500 }]}><Input.TextArea rows={3} /></Form.Item>
        </Form>
      </Modal>
      <ClaimsDrawer post={viewing} onClose={() => setViewing(undefined)} />
    </>
  );
}
