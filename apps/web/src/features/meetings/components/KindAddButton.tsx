import { useState } from 'react';
import { App, Button, Input, Popover, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useCreateKind } from '../api.ts';

/** Adds a custom meeting kind (如 团拜会) for the org and its subtree. */
export function KindAddButton({ orgId, onAdded }: { orgId: string; onAdded: (code: string) => void }) {
  const [open, setOpen] = useState(false);
  const [label, setLabel] = useState('');
  const create = useCreateKind();
  const { message } = App.useApp();
  const save = () => create.mutateAsync({ orgId, label: label.trim() }).then((k) => {
    message.success('已添加会议类型');
    onAdded(k.code);
    setOpen(false);
    setLabel('');
  }, (e: Error) => message.error(e.message));
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" title="自定义会议类型（本组织及下级可用）"
      content={<Space.Compact><Input maxLength={50} value={label} onChange={(e) => setLabel(e.target.value)} placeholder="如 团拜会" /><Button type="primary" disabled={label.trim().length < 2} loading={create.isPending} onClick={() => void save()}>添加</Button></Space.Compact>}>
      <Button icon={<PlusOutlined />} title="自定义会议类型" />
    </Popover>
  );
}
