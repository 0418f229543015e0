import { useState } from 'react';
import { Button, DatePicker, Form, Input, Popconfirm, Radio, Segmented, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import type { FloatingCreateRequest, FloatingMember } from '@dangjian/contracts';
import { OrgTreeSelect } from '../../members/components/OrgTreeSelect.tsx';
import { useCreateFloating, useEndFloating, useFloating } from '../api.ts';
import { FormModal } from './FormModal.tsx';
import { MemberPicker } from './MemberPicker.tsx';

type FloatingForm = Omit<FloatingCreateRequest, 'startOn' | 'endOn'> & { startOn: Dayjs; endOn?: Dayjs };

/** 流动党员: going out (destination, contact, period) and coming in (from where, hosting org). */
export function FloatingTab() {
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const list = useFloating({ direction, page });
  const create = useCreateFloating();
  const end = useEndFloating();
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Segmented value={direction} onChange={(d) => { setDirection(d as 'out' | 'in'); setPage(1); }} options={[{ value: 'out', label: '流出党员' }, { value: 'in', label: '流入党员' }]} />
        <Button type="primary" onClick={() => setOpen(true)}>登记流动党员</Button>
      </Space>
      <Table<FloatingMember> rowKey="id" size="middle" dataSource={list.data?.items} loading={list.isFetching} locale={{ emptyText: '暂无流动党员' }}
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 人` }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: direction === 'out' ? '所在支部' : '接收支部', dataIndex: 'orgName' },
          { title: direction === 'out' ? '流入地' : '流出地', dataIndex: 'place' },
          { title: '联系方式/联系人', dataIndex: 'contact', render: (v: string | null) => v ?? '—' },
          { title: '起止', render: (_, r) => `${r.startOn} 至 ${r.endOn ?? '—'}` },
          { title: '状态', dataIndex: 'status', render: (s: string) => (s === 'active' ? <Tag color="blue">流动中</Tag> : <Tag>已结束</Tag>) },
          { title: '操作', render: (_, r) => r.status === 'active' && (
            <Popconfirm title="确认结束该流动登记？" onConfirm={() => end.mutate(r.id)}><Button size="small">结束</Button></Popconfirm>
          ) },
        ]} />
      <FormModal<FloatingForm> title="登记流动党员" testId="floating-form" open={open} onClose={() => setOpen(false)} initialValues={{ direction }}
        fields={['direction', 'orgId', 'memberId', 'name', 'phone', 'place', 'contact', 'startOn', 'endOn', 'remarks']}
        onSubmit={(v) => create.mutateAsync({ ...v, startOn: v.startOn.format('YYYY-MM-DD'), endOn: v.endOn?.format('YYYY-MM-DD') })}>
        <Form.Item name="direction" label="方向"><Radio.Group options={[{ value: 'out', label: '流出' }, { value: 'in', label: '流入' }]} /></Form.Item>
        <Form.Item name="orgId" label="所在/接收支部" rules={[{ required: true }]}><OrgTreeSelect /></Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.direction !== b.direction}>
          {({ getFieldValue }) => (getFieldValue('direction') === 'out'
            ? <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择外出的党员' }]}><MemberPicker /></Form.Item>
            : <Form.Item name="name" label="姓名" rules={[{ required: true, max: 50 }]}><Input /></Form.Item>)}
        </Form.Item>
        <Form.Item name="place" label="流入地/流出地" rules={[{ required: true, min: 2, max: 200 }]}><Input /></Form.Item>
        <Form.Item name="contact" label="联系方式/联系人" rules={[{ max: 100 }]}><Input /></Form.Item>
        <Form.Item name="startOn" label="开始日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="endOn" label="预计结束日期"><DatePicker /></Form.Item>
        <Form.Item name="remarks" label="备注" rules={[{ max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
      </FormModal>
    </>
  );
}
