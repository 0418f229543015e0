import { useState } from 'react';
import { Button, Form, Input, InputNumber, Space, message } from 'antd';
import { LETTER_VALID_DAYS, type InternalTransferRequest, type OutLetterRequest } from '@dangjian/contracts';
import { useNavigate } from 'react-router';
import { useInternalTransfer, useIssueLetter, useTransfers } from '../api.ts';
import { DestinationPicker, MemberPicker } from './MemberPicker.tsx';
import { FormModal } from './FormModal.tsx';
import { TransferTable } from './TransferTable.tsx';


/** 转出: transfers leaving the caller's subtree, with the two ways to start one. */
export function OutTab() {
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<'internal' | 'letter' | null>(null);
  const list = useTransfers({ direction: 'out', page });
  const internal = useInternalTransfer();
  const letter = useIssueLetter();
  const navigate = useNavigate();
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" data-testid="new-internal" onClick={() => setOpen('internal')}>系统内转接</Button>
        <Button data-testid="new-letter" onClick={() => setOpen('letter')}>开具介绍信（转往系统外）</Button>
      </Space>
      <TransferTable testId="out-table" data={list.data} loading={list.isFetching} page={page} onPage={setPage} />
      <FormModal<InternalTransferRequest> title="系统内转接" testId="internal-form" open={open === 'internal'} onClose={() => setOpen(null)}
        fields={['memberId', 'toOrgId', 'reason']} confirm="确认办理该党员的组织关系转接？"
        onSubmit={async (v) => {
          const t = await internal.mutateAsync(v);
          void message.success(t.status === 'done' ? '转接已办结' : '已提交，等待接收方确认');
        }}>
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}><MemberPicker /></Form.Item>
        <Form.Item name="toOrgId" label="转入党组织" rules={[{ required: true, message: '请选择转入的党支部' }]}><DestinationPicker /></Form.Item>
        <Form.Item name="reason" label="转接原因" rules={[{ required: true, message: '请填写转接原因' }, { max: 200 }]}><Input data-testid="internal-reason" /></Form.Item>
      </FormModal>
      <FormModal<OutLetterRequest> title="开具组织关系介绍信" testId="letter-form" open={open === 'letter'} onClose={() => setOpen(null)}
        fields={['memberId', 'destinationOrgName', 'validDays', 'duesPaidTo', 'reason']} okText="开具"
        confirm="开具介绍信后，该党员将从本组织党员名册中转出，确认开具？"
        initialValues={{ validDays: LETTER_VALID_DAYS.default }}
        onSubmit={async (v) => {
          const t = await letter.mutateAsync({ ...v, duesPaidTo: v.duesPaidTo || undefined });
          void message.success(`已开具 ${t.letterNo}`);
          void navigate(`/transfers/letters/${t.id}`);
        }}>
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}><MemberPicker testId="letter-member" /></Form.Item>
        <Form.Item name="destinationOrgName" label="转往党组织（全称）" rules={[{ required: true, min: 2, max: 200, message: '请填写转往的党组织名称' }]}><Input data-testid="letter-destination" /></Form.Item>
        <Form.Item name="validDays" label="有效期（天）" extra="市内一般 10 天，市外一般 30 天，最长 90 天" rules={[{ required: true }]}>
          <InputNumber min={LETTER_VALID_DAYS.min} max={LETTER_VALID_DAYS.max} />
        </Form.Item>
        <Form.Item name="duesPaidTo" label="党费交至（年-月）" extra="留空则按党费缴纳记录自动填写" rules={[{ pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: '格式为 YYYY-MM' }]}><Input placeholder="2026-10" /></Form.Item>
        <Form.Item name="reason" label="转接原因" rules={[{ required: true, max: 200, message: '请填写转接原因' }]}><Input data-testid="letter-reason" /></Form.Item>
      </FormModal>
    </>
  );
}
