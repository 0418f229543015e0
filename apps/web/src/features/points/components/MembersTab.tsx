import { useState } from 'react';
import { App, Alert, Button, Drawer, Empty, Form, Input, InputNumber, Modal, Statistic, Table, Typography } from 'antd';
import type { PointsMemberListResponse } from '@dangjian/contracts';
import { POINTS_PAGE_SIZE, useAdjust, usePointsMember, usePointsMembers } from '../api.ts';
import { EntriesTable } from './EntriesTable.tsx';

type Row = PointsMemberListResponse['items'][number];

/** 党员积分: balances of a subtree, a member's entries, and manual adjustments with a reason. */
export function MembersTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string>();
  const [adjusting, setAdjusting] = useState<Row>();
  const [form] = Form.useForm<{ delta: number; reason: string }>();
  const list = usePointsMembers(orgId, q, page);
  const detail = usePointsMember(open);
  const adjust = useAdjust();
  const submit = async () => {
    const v = await form.validateFields();
    adjust.mutate({ memberId: adjusting!.memberId, delta: v.delta, reason: v.reason }, {
      onSuccess: () => { void message.success('积分已调整'); setAdjusting(undefined); form.resetFields(); },
      onError: (e) => void message.error(e.message),
    });
  };
  return (
    <>
      {list.isError && <Alert type="warning" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Input.Search placeholder="按姓名搜索" allowClear style={{ width: 240, marginBottom: 12 }} onSearch={(v) => { setQ(v); setPage(1); }} />
      <Table<Row> rowKey="memberId" loading={list.isPending && !!orgId} dataSource={list.data?.items ?? []} data-testid="points-members-table"
        locale={{ emptyText: <Empty description="暂无党员" /> }}
        pagination={{ current: page, pageSize: POINTS_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 人` }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, r) => <Typography.Link onClick={() => setOpen(r.memberId)}>{n}</Typography.Link> },
          { title: '所在组织', dataIndex: 'orgName', ellipsis: true },
          { title: '积分余额', dataIndex: 'balance', align: 'right', render: (b: number) => <span data-testid="points-member-balance">{b}</span> },
          { title: '操作', key: 'op', render: (_, r) => <Button size="small" onClick={() => setAdjusting(r)} data-testid={`points-adjust-${r.memberId}`}>调整积分</Button> },
        ]} />
      <Modal title={`调整积分：${adjusting?.name ?? ''}`} open={!!adjusting} onOk={() => void submit()} confirmLoading={adjust.isPending}
        onCancel={() => setAdjusting(undefined)} okText="确定" cancelText="取消" okButtonProps={{ 'data-testid': 'points-adjust-ok' }} destroyOnHidden>
        <Form form={form} layout="vertical" data-testid="points-adjust-form">
          <Form.Item name="delta" label="分值（正数加分，负数扣分）" rules={[{ required: true, message: '请填写分值' }, { validator: (_, v) => (v === 0 ? Promise.reject(new Error('分值不能为 0')) : Promise.resolve()) }]}>
            <InputNumber precision={0} min={-1000} max={1000} style={{ width: 200 }} data-testid="points-adjust-delta" />
          </Form.Item>
          <Form.Item name="reason" label="原因" rules={[{ required: true, min: 2, message: '请填写调整原因' }]}>
            <Input.TextArea maxLength={200} showCount rows={3} data-testid="points-adjust-reason" />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer title={detail.data ? `${detail.data.name} 的积分` : '积分明细'} open={!!open} onClose={() => setOpen(undefined)} size="large">
        {detail.data && <><Statistic title="积分余额" value={detail.data.balance} suffix="分" /><EntriesTable entries={detail.data.entries} /></>}
      </Drawer>
    </>
  );
}
