import { useState } from 'react';
import { Button, DatePicker, Form, Input, Radio, Space, message } from 'antd';
import type { Dayjs } from 'dayjs';
import type { IncomingLetterRequest } from '@dangjian/contracts';
import { OrgTreeSelect } from '../../members/components/OrgTreeSelect.tsx';
import { useIncomingLetter, useTransfers } from '../api.ts';
import { FormModal } from './FormModal.tsx';
import { TransferTable } from './TransferTable.tsx';

type IncomingForm = Omit<IncomingLetterRequest, 'joinedOn' | 'fullOn'> & { joinedOn: Dayjs; fullOn?: Dayjs };

/** 转入: requests addressed to the caller's subtree (accept/reject) and letters from outside. */
export function InTab() {
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const list = useTransfers({ direction: 'in', page });
  const incoming = useIncomingLetter();
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" onClick={() => setOpen(true)}>登记系统外转入</Button>
      </Space>
      <TransferTable testId="in-table" data={list.data} loading={list.isFetching} page={page} onPage={setPage} />
      <FormModal<IncomingForm> title="登记系统外转入的介绍信" testId="incoming-form" open={open} onClose={() => setOpen(false)}
        fields={['letterNo', 'fromOrgName', 'duesPaidTo', 'orgId', 'name', 'idNumber', 'phone', 'status', 'joinedOn', 'fullOn']}
        initialValues={{ status: 'full' }}
        onSubmit={async (v) => {
          await incoming.mutateAsync({ ...v, joinedOn: v.joinedOn.format('YYYY-MM-DD'), fullOn: v.fullOn?.format('YYYY-MM-DD') ?? null });
          void message.success('已转入并编入支部');
        }}>
        <Form.Item name="letterNo" label="介绍信编号" rules={[{ required: true, max: 60 }]}><Input /></Form.Item>
        <Form.Item name="fromOrgName" label="转出党组织" rules={[{ required: true, min: 2, max: 200 }]}><Input /></Form.Item>
        <Form.Item name="duesPaidTo" label="党费交至（年-月）" rules={[{ required: true, pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: '格式为 YYYY-MM' }]}><Input /></Form.Item>
        <Form.Item name="orgId" label="编入党支部" rules={[{ required: true }]}><OrgTreeSelect /></Form.Item>
        <Form.Item name="name" label="姓名" rules={[{ required: true, max: 50 }]}><Input /></Form.Item>
        <Form.Item name="idNumber" label="身份证号" rules={[{ required: true, len: 18, message: '身份证号为 18 位' }]}><Input /></Form.Item>
        <Form.Item name="phone" label="手机号"><Input /></Form.Item>
        <Form.Item name="status" label="党员类别"><Radio.Group options={[{ value: 'full', label: '正式党员' }, { value: 'probationary', label: '预备党员' }]} /></Form.Item>
        <Form.Item name="joinedOn" label="入党日期" rules={[{ required: true }]}><DatePicker /></Form.Item>
        <Form.Item name="fullOn" label="转正日期"><DatePicker /></Form.Item>
      </FormModal>
    </>
  );
}
