import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { useCreateTraining } from '../api-more.ts';

interface Values { orgId?: string; title: string; description?: string; requiredHours: number; sessions: { heldOn: Dayjs; title: string; hours: number }[] }

/** 开设培训班: sessions with dates and hours; completion at the required hours. */
export function TrainingFormModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const defaultOrg = useDefaultOrgId();
  const create = useCreateTraining();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({
        orgId: v.orgId ?? defaultOrg!, title: v.title, description: v.description || undefined, requiredHours: v.requiredHours,
        sessions: v.sessions.map((s) => ({ heldOn: s.heldOn.format('YYYY-MM-DD'), title: s.title, hours: s.hours })),
      });
      message.success('培训班已开设');
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open width={720} title="开设培训班" onOk={submit} onCancel={onClose} okText="保存" confirmLoading={create.isPending}>
      <Form form={form} layout="vertical" initialValues={{ requiredHours: 4, sessions: [{ title: '第一讲', hours: 2 }] }}>
        <Form.Item name="orgId" label="培训范围（组织及其下级）"><OrgPicker placeholder="默认本组织" /></Form.Item>
        <Form.Item name="title" label="名称" rules={[{ required: true, message: '请填写名称' }, { max: 200 }]}><Input /></Form.Item>
        <Form.Item name="description" label="说明"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Form.Item name="requiredHours" label="结业所需学时" rules={[{ required: true }]}><InputNumber min={0} max={1000} step={0.5} /></Form.Item>
        <Form.List name="sessions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline">
                  <Form.Item name={[f.name, 'heldOn']} rules={[{ required: true, message: '日期' }]}><DatePicker /></Form.Item>
                  <Form.Item name={[f.name, 'title']} rules={[{ required: true, message: '课题' }]}><Input placeholder="课题" /></Form.Item>
                  <Form.Item name={[f.name, 'hours']} rules={[{ required: true, message: '学时' }]}><InputNumber min={0.5} max={100} step={0.5} placeholder="学时" /></Form.Item>
                  {fields.length > 1 && <Button type="link" danger onClick={() => remove(f.name)}>删除</Button>}
                </Space>
              ))}
              <Button type="dashed" onClick={() => add({ hours: 2 })}>添加课次</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
