import { useState } from 'react';
import { App, Button, DatePicker, Drawer, Empty, Form, Image, Input, List, Modal, Popconfirm, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { HARDSHIP_KINDS, type Pairing, type PairingRequest } from '@dangjian/contracts';
import { SERVICE_PAGE_SIZE, useAddPairing, usePairings, usePatchPairing, useVisits, visitPhotoUrl } from '../api.ts';
import { MemberPicker } from '../../transfers/components/MemberPicker.tsx';
import { VisitModal } from './VisitModal.tsx';

const kindOptions = Object.entries(HARDSHIP_KINDS).map(([value, label]) => ({ value, label }));

/** The visit log of one pairing, with photos. */
function VisitsDrawer({ pairing, onClose }: { pairing: Pairing | undefined; onClose: () => void }) {
  const visits = useVisits(pairing?.id);
  const [adding, setAdding] = useState(false);
  return (
    <Drawer title={pairing ? `${pairing.householdName} · 走访记录` : ''} open={!!pairing} onClose={onClose} size="large"
      extra={pairing && !pairing.endedOn && <Button type="primary" onClick={() => setAdding(true)}>登记走访</Button>}>
      <List dataSource={visits.data?.items ?? []} loading={visits.isPending} locale={{ emptyText: <Empty description="暂无走访记录" /> }} data-testid="service-visits"
        renderItem={(v) => (
          <List.Item extra={v.hasPhoto && pairing && <Image width={120} height={90} style={{ objectFit: 'cover' }} src={visitPhotoUrl(pairing.id, v.id)} alt="走访照片" />}>
            <List.Item.Meta title={v.visitedOn} description={<>{v.content}{v.recordedByName && <div>登记人：{v.recordedByName}</div>}</>} />
          </List.Item>
        )} />
      <VisitModal pairingId={adding ? pairing?.id : undefined} onClose={() => setAdding(false)} />
    </Drawer>
  );
}

/** 结对帮扶: households in hardship paired with members (phones masked), with the visit log. */
export function PairingsTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('active');
  const [page, setPage] = useState(1);
  const pairings = usePairings(orgId, q, status, page);
  const add = useAddPairing();
  const patch = usePatchPairing();
  const [adding, setAdding] = useState(false);
  const [viewing, setViewing] = useState<Pairing>();
  const [form] = Form.useForm<Omit<PairingRequest, 'orgId' | 'startedOn'> & { startedOn: Dayjs }>();
  const submit = async () => {
    const v = await form.validateFields();
    add.mutate({ ...v, orgId: orgId!, memberId: v.memberId || null, phone: v.phone || null, startedOn: v.startedOn.format('YYYY-MM-DD') }, {
      onSuccess: () => { void message.success('已新建结对'); setAdding(false); form.resetFields(); }, onError: (e) => void message.error(e.message),
    });
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder="帮扶对象、党员或住址" onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 240 }} />
        <Select value={status} onChange={(v) => { setStatus(v); setPage(1); }} style={{ width: 110 }} options={[{ value: 'active', label: '结对中' }, { value: 'ended', label: '已结束' }, { value: 'all', label: '全部' }]} />
        <Button type="primary" onClick={() => setAdding(true)} disabled={!orgId} data-testid="service-pairing-add">新建结对</Button>
      </Space>
      <Table<Pairing> rowKey="id" loading={pairings.isPending && !!orgId} dataSource={pairings.data?.items ?? []} data-testid="service-pairings-table" scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={pairings.isError ? pairings.error.message : '暂无结对'} /> }}
        pagination={{ current: page, pageSize: SERVICE_PAGE_SIZE, total: pairings.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 户`, hideOnSinglePage: true }}
        columns={[
          { title: '帮扶对象', dataIndex: 'householdName' }, { title: '困难类型', dataIndex: 'hardshipKind', render: (k: keyof typeof HARDSHIP_KINDS) => <Tag>{HARDSHIP_KINDS[k]}</Tag> },
          { title: '住址', dataIndex: 'address', ellipsis: true }, { title: '电话', dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
          { title: '结对党员', dataIndex: 'memberName', render: (n: string | null, p) => n ?? `${p.orgName}（组织）` },
          { title: '结对日期', dataIndex: 'startedOn' }, { title: '走访', render: (_, p) => `${p.visits} 次${p.lastVisitOn ? `（最近 ${p.lastVisitOn}）` : ''}` },
          { title: '操作', render: (_, p) => (
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setViewing(p)}>走访记录</Button>
              {!p.endedOn && (
                <Popconfirm title={`结束与 ${p.householdName} 的结对？`} okText="结束" cancelText="取消" onConfirm={() => patch.mutate({ id: p.id, patch: { endedOn: dayjs().format('YYYY-MM-DD') } }, { onSuccess: () => void message.success('已结束结对'), onError: (e) => void message.error(e.message) })}>
                  <Button type="link" size="small" danger>结束</Button>
                </Popconfirm>
              )}
            </Space>
          ) },
        ]} />
      <Modal title="新建结对帮扶" open={adding} onOk={() => void submit()} onCancel={() => setAdding(false)} confirmLoading={add.isPending} okText="保存" cancelText="取消" destroyOnHidden forceRender>
        <Form form={form} layout="vertical" initialValues={{ hardshipKind: 'elderly', startedOn: dayjs() }}>
          <Form.Item name="householdName" label="帮扶对象姓名" rules={[{ required: true, whitespace: true, message: '请填写帮扶对象姓名' }, { max: 50 }]}><Input /></Form.Item>
          <Form.Item name="address" label="住址" rules={[{ required: true, whitespace: true, message: '请填写住址' }, { max: 200 }]}><Input /></Form.Item>
          <Space wrap>
            <Form.Item name="hardshipKind" label="困难类型" rules={[{ required: true }]}><Select options={kindOptions} style={{ width: 140 }} /></Form.Item>
            <Form.Item name="phone" label="联系电话" rules={[{ pattern: /^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, message: '电话格式不正确' }]}><Input style={{ width: 160 }} /></Form.Item>
            <Form.Item name="startedOn" label="结对日期" rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          </Space>
          <Form.Item name="memberId" label="结对党员（不选则由组织结对）"><MemberPicker testId="service-pairing-member" /></Form.Item>
          <Form.Item name="note" label="备注" rules={[{ max: 300 }]}><Input.TextArea rows={2} /></Form.Item>
        </Form>
      </Modal>
      <VisitsDrawer pairing={viewing} onClose={() => setViewing(undefined)} />
    </>
  );
}
