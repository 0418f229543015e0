import { useState } from 'react';
import { App, Alert, Badge, Button, Empty, Form, Input, Modal, Popconfirm, Radio, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { COMMITMENT_KINDS, COMMITMENT_RATINGS, COMMITMENT_STATUSES, type CommitmentItem } from '@dangjian/contracts';
import { downloadFile } from '../../imports/api.ts';
import {
  COMMITMENT_PAGE_SIZE, thisYear, useCommitments, useCompleteCommitment, useCreateCommitment, useDeleteCommitment, useMemberSearch,
  useSubmitCommitment, useVetCommitment, type CommitmentFilter,
} from '../api.ts';
import { CommitmentStatus } from './CommitmentStatus.tsx';
import { CommitmentDrawer } from './CommitmentDrawer.tsx';

const years = () => [thisYear() + 1, thisYear(), thisYear() - 1, thisYear() - 2];

/** Write a commitment for a member of the subtree, or a 班子承诺 for the chosen organization. */
function CreateModal({ orgId, open, onClose }: { orgId: string; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ kind: 'member' | 'branch'; memberId?: string; year: number; content: string }>();
  const [q, setQ] = useState('');
  const kind = Form.useWatch('kind', form);
  const members = useMemberSearch(open ? orgId : undefined, q);
  const create = useCreateCommitment();
  const ok = async () => {
    const v = await form.validateFields();
    create.mutate({ year: v.year, content: v.content, ...(v.kind === 'member' ? { memberId: v.memberId } : { branchOrgId: orgId }) }, {
      onSuccess: () => { void message.success('已保存为草稿，提交后即可审核'); form.resetFields(); onClose(); },
      onError: (e) => void message.error(e.message),
    });
  };
  return (
    <Modal title="新建承诺" open={open} onOk={() => void ok()} onCancel={onClose} confirmLoading={create.isPending} okText="保存" cancelText="取消" destroyOnHidden
      okButtonProps={{ 'data-testid': 'commitment-create-ok' }}>
      <Form form={form} layout="vertical" initialValues={{ kind: 'member', year: thisYear() }}>
        <Form.Item name="kind" label="类别"><Radio.Group options={[{ value: 'member', label: '党员承诺' }, { value: 'branch', label: '班子承诺（所选组织）' }]} /></Form.Item>
        {kind !== 'branch' && (
          <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}>
            <Select showSearch filterOption={false} onSearch={setQ} placeholder="输入姓名搜索" loading={members.isFetching}
              options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` }))} />
          </Form.Item>
        )}
        <Form.Item name="year" label="年度"><Select options={years().slice(0, 3).map((y) => ({ value: y, label: `${y} 年` }))} /></Form.Item>
        <Form.Item name="content" label="承诺内容" rules={[{ required: true, min: 5, message: '承诺内容至少 5 个字' }]}>
          <Input.TextArea rows={3} maxLength={300} showCount placeholder="如：帮助 2 户困难群众；每月参加 1 次志愿服务" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 承诺管理: the subtree's commitments with filters; vet, complete (评诺, points), export, print. */
export function ManageTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const [f, setF] = useState<CommitmentFilter>({ year: thisYear() });
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [returning, setReturning] = useState<CommitmentItem>();
  const [completing, setCompleting] = useState<CommitmentItem>();
  const [returnForm] = Form.useForm<{ reason: string }>();
  const [doneForm] = Form.useForm<{ note: string; rating?: string }>();
  const list = useCommitments(orgId, f, page);
  const vet = useVetCommitment();
  const complete = useCompleteCommitment();
  const submit = useSubmitCommitment();
  const remove = useDeleteCommitment();
  const [selected, setSelected] = useState<string[]>([]);
  const [batching, setBatching] = useState(false);
  const set = (patch: CommitmentFilter) => { setF({ ...f, ...patch }); setPage(1); setSelected([]); };
  /** 批量通过: one vet call per selected commitment; failures are counted, not fatal. */
  const approveSelected = async () => {
    setBatching(true);
    let ok = 0;
    for (const id of selected) {
      try { await vet.mutateAsync({ id, decision: 'approve' }); ok += 1; } catch { /* counted below */ }
    }
    setBatching(false);
    setSelected([]);
    if (ok === selected.length) void message.success(`已通过 ${ok} 条`);
    else void message.warning(`已通过 ${ok} 条，${selected.length - ok} 条未能通过（状态已变化）`);
  };
  const fail = (e: Error) => void message.error(e.message);

  const approve = (c: CommitmentItem) => vet.mutate({ id: c.id, decision: 'approve' }, { onSuccess: () => void message.success('已通过，将在公开栏展示'), onError: fail });
  const doReturn = async () => {
    const v = await returnForm.validateFields();
    vet.mutate({ id: returning!.id, decision: 'return', reason: v.reason }, { onSuccess: () => { void message.success('已退回'); setReturning(undefined); returnForm.resetFields(); }, onError: fail });
  };
  const doComplete = async () => {
    const v = await doneForm.validateFields();
    complete.mutate({ id: completing!.id, note: v.note, rating: v.rating as never }, {
      onSuccess: (r) => { void message.success(r.pointsAwarded ? `已确认完成，党员获得 ${r.pointsAwarded} 积分` : '已确认完成'); setCompleting(undefined); doneForm.resetFields(); },
      onError: fail,
    });
  };
  const exportXlsx = () => downloadFile('/commitments/export', { orgId, year: f.year ? String(f.year) : undefined, status: f.status, kind: f.kind, completed: f.completed, q: f.q })
    .catch((e: Error) => message.error(e.message));

  return (
    <>
      {list.isError && <Alert type="warning" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select value={f.year} onChange={(year) => set({ year })} style={{ width: 110 }} options={years().map((y) => ({ value: y, label: `${y} 年` }))} data-testid="commitments-year" />
        <Select allowClear placeholder="状态" value={f.status} onChange={(status) => set({ status })} style={{ width: 120 }}
          options={Object.entries(COMMITMENT_STATUSES).map(([value, label]) => ({ value, label }))} data-testid="commitments-status-filter" />
        <Select allowClear placeholder="类别" value={f.kind} onChange={(kind) => set({ kind })} style={{ width: 120 }}
          options={Object.entries(COMMITMENT_KINDS).map(([value, label]) => ({ value, label }))} />
        <Select allowClear placeholder="完成情况" value={f.completed} onChange={(completed) => set({ completed })} style={{ width: 120 }}
          options={[{ value: 'yes', label: '已完成' }, { value: 'no', label: '未完成' }]} />
        <Input.Search placeholder="姓名、组织或内容" allowClear style={{ width: 220 }} onSearch={(q) => set({ q })} />
        <Button type="primary" onClick={() => setCreating(true)} disabled={!orgId} data-testid="commitment-create">新建承诺</Button>
        <Button onClick={() => void exportXlsx()} disabled={!orgId}>导出 Excel</Button>
        <Popconfirm title={`通过选中的 ${selected.length} 条承诺？通过后将在公开栏展示`} okText="通过" cancelText="取消" onConfirm={() => void approveSelected()} disabled={selected.length === 0}>
          <Button disabled={selected.length === 0} loading={batching}>批量通过{selected.length ? `（${selected.length}）` : ''}</Button>
        </Popconfirm>
        <Link to={`/commitments/print?orgId=${orgId ?? ''}&year=${f.year ?? thisYear()}`} target="_blank">打印公开栏</Link>
      </Space>
      <Table<CommitmentItem> rowKey="id" loading={list.isPending && !!orgId} dataSource={list.data?.items ?? []} data-testid="commitments-table"
        locale={{ emptyText: <Empty description="暂无承诺" /> }} scroll={{ x: 1000 }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(String)), getCheckboxProps: (r) => ({ disabled: r.status !== 'submitted' }) }}
        pagination={{ current: page, pageSize: COMMITMENT_PAGE_SIZE, total: list.data?.total ?? 0, onChange: (p) => { setPage(p); setSelected([]); }, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '类别', dataIndex: 'kind', width: 90, render: (k: CommitmentItem['kind']) => COMMITMENT_KINDS[k] },
          { title: '姓名/支部', dataIndex: 'name', width: 140, render: (n: string, r) => <Typography.Link onClick={() => setOpen(r.id)}>{n}</Typography.Link> },
          { title: '所在组织', dataIndex: 'orgName', width: 160, ellipsis: true },
          { title: '承诺内容', dataIndex: 'content', ellipsis: true },
          { title: '状态', key: 'status', width: 90, render: (_, r) => <CommitmentStatus c={r} /> },
          { title: '践诺', dataIndex: 'progressCount', width: 60, align: 'right' },
          { title: '评价', key: 'fb', width: 70, render: (_, r) => <Badge count={r.unansweredCount} size="small" offset={[8, 0]}>{r.feedbackCount}</Badge> },
          {
            title: '操作', key: 'op', width: 220, fixed: 'right', render: (_, r) => (
              <Space size="small" wrap>
                {r.status === 'submitted' && <>
                  <Popconfirm title="通过后将在公开栏展示，确定通过？" okText="通过" cancelText="取消" onConfirm={() => approve(r)} okButtonProps={{ 'data-testid': 'commitment-approve-confirm' }}>
                    <Button size="small" type="primary" data-testid={`commitment-approve-${r.id}`}>通过</Button>
                  </Popconfirm>
                  <Button size="small" onClick={() => setReturning(r)}>退回</Button>
                </>}
                {(r.status === 'draft' || r.status === 'returned') && <>
                  <Button size="small" onClick={() => submit.mutate(r.id, { onSuccess: () => void message.success('已提交'), onError: fail })}>提交</Button>
                  <Popconfirm title="删除这条承诺？" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove.mutate(r.id, { onError: fail })}>
                    <Button size="small" danger>删除</Button>
                  </Popconfirm>
                </>}
                {r.status === 'approved' && !r.completedAt && <>
                  <Button size="small" onClick={() => setOpen(r.id)}>记录践诺</Button>
                  <Button size="small" onClick={() => setCompleting(r)} data-testid={`commitment-complete-${r.id}`}>确认完成</Button>
                </>}
              </Space>
            ),
          },
        ]} />
      {orgId && <CreateModal orgId={orgId} open={creating} onClose={() => setCreating(false)} />}
      <Modal title={`退回：${returning?.name ?? ''}`} open={!!returning} onOk={() => void doReturn()} onCancel={() => setReturning(undefined)} okText="退回" cancelText="取消" confirmLoading={vet.isPending} destroyOnHidden>
        <p>{returning?.content}</p>
        <Form form={returnForm} layout="vertical">
          <Form.Item name="reason" label="退回原因" rules={[{ required: true, min: 2, message: '请填写退回原因' }]}><Input.TextArea rows={3} maxLength={200} showCount /></Form.Item>
        </Form>
      </Modal>
      <Modal title={`确认践诺完成：${completing?.name ?? ''}`} open={!!completing} onOk={() => void doComplete()} onCancel={() => setCompleting(undefined)} okText="确认完成" cancelText="取消"
        confirmLoading={complete.isPending} destroyOnHidden okButtonProps={{ 'data-testid': 'commitment-complete-ok' }}>
        <p>{completing?.content}</p>
        <Form form={doneForm} layout="vertical">
          <Form.Item name="note" label="完成情况" rules={[{ required: true, min: 2, message: '请填写完成情况' }]}><Input.TextArea rows={3} maxLength={500} showCount data-testid="commitment-complete-note" /></Form.Item>
          <Form.Item name="rating" label="评诺等次"><Radio.Group options={Object.entries(COMMITMENT_RATINGS).map(([value, label]) => ({ value, label }))} /></Form.Item>
        </Form>
        <Typography.Text type="secondary">确认后党员按“承诺践诺完成”规则获得积分（每条承诺一次），不能撤回。</Typography.Text>
      </Modal>
      <CommitmentDrawer id={open} onClose={() => setOpen(undefined)} />
    </>
  );
}
