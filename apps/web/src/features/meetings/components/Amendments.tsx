import { useState } from 'react';
import { App, Card, Form, Input, Modal, Timeline, Typography } from 'antd';
import type { MeetingDetail } from '@dangjian/contracts';
import { useAmendMeeting } from '../api.ts';
import { fmtTime } from './MeetingTags.tsx';

const LABELS: Record<string, string> = {
  title: '会议名称', heldAt: '开始时间', endedAt: '结束时间', place: '地点', host: '主持人', recorder: '记录人', observers: '列席人员',
  topics: '议题', minutes: '会议内容', resolutions: '决议', kind: '会议类型', status: '状态', attendance: '参会情况',
};
const show = (v: unknown) => (v === null || v === undefined || v === '' ? '（空）' : Array.isArray(v) ? v.join('；') : String(v));

/** 更正记录: every correction of a locked record, with who, when, why and before → after. */
export function AmendmentsCard({ meeting: m }: { meeting: MeetingDetail }) {
  if (m.amendments.length === 0) return null;
  return (
    <Card title="更正记录" size="small" data-testid="meeting-amendments">
      <Timeline items={m.amendments.map((a) => ({
        children: (
          <div>
            <Typography.Text strong>{fmtTime(a.at)} {a.actorName ?? ''}</Typography.Text>{' '}原因：{a.reason}
            {Object.entries(a.changes).map(([k, c]) => (
              <div key={k}>{LABELS[k] ?? k}：<Typography.Text delete type="secondary">{show(c.before)}</Typography.Text> → {show(c.after)}</div>
            ))}
          </div>
        ),
      }))} />
    </Card>
  );
}

/** The secretary above corrects a locked record's text fields, with a reason that is kept. */
export function AmendModal({ meeting: m, onClose }: { meeting: MeetingDetail; onClose: () => void }) {
  const [form] = Form.useForm<Record<string, string>>();
  const amend = useAmendMeeting(m.id);
  const { message } = App.useApp();
  const [fields] = useState(['title', 'place', 'host', 'recorder', 'topics', 'minutes', 'resolutions'] as const);
  const submit = async () => {
    const v = await form.validateFields();
    const changes = Object.fromEntries(fields.filter((f) => (v[f] ?? '') !== (m[f] ?? '')).map((f) => [f, v[f] || null]));
    if (Object.keys(changes).length === 0) return void message.warning('没有修改任何内容');
    await amend.mutateAsync({ changes, reason: v.reason! }).then(() => { message.success('已更正并留痕'); onClose(); }, (e: Error) => message.error(e.message));
  };
  return (
    <Modal open title="更正已锁定的会议记录" okText="提交更正" onOk={() => void submit()} onCancel={onClose} confirmLoading={amend.isPending} width={720}>
      <Form form={form} layout="vertical" initialValues={Object.fromEntries(fields.map((f) => [f, m[f] ?? '']))}>
        {fields.map((f) => (
          <Form.Item key={f} name={f} label={LABELS[f]}>{['topics', 'minutes', 'resolutions'].includes(f) ? <Input.TextArea autoSize={{ minRows: 2 }} /> : <Input />}</Form.Item>
        ))}
        <Form.Item name="reason" label="更正原因" rules={[{ required: true, min: 2, max: 500, message: '请填写更正原因（2–500 字）' }]}><Input.TextArea autoSize /></Form.Item>
      </Form>
    </Modal>
  );
}
