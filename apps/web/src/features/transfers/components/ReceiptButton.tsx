import { useState } from 'react';
import { Button, DatePicker, Modal, message } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Transfer } from '@dangjian/contracts';
import { useTransferAction } from '../api.ts';

/** 登记回执: the date the receiving organization's 回执 came back. */
export function ReceiptButton({ transfer }: { transfer: Transfer }) {
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const act = useTransferAction();
  const save = async () => {
    if (!date) return;
    try {
      await act.mutateAsync({ id: transfer.id, action: 'receipt', body: { receiptOn: date.format('YYYY-MM-DD') } });
      setOpen(false);
      void message.success('回执已登记');
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>登记回执</Button>
      <Modal title={`登记回执：${transfer.memberName}`} open={open} onOk={save} confirmLoading={act.isPending} onCancel={() => setOpen(false)} okText="保存" destroyOnHidden>
        <DatePicker value={date} onChange={setDate} disabledDate={(d) => d.isAfter(dayjs()) || d.isBefore(dayjs(transfer.issuedOn))} />
      </Modal>
    </>
  );
}
