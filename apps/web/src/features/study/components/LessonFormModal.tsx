import { App, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCreateLesson, useMemberOptions } from '../api-more.ts';

interface Values { heldOn: Dayjs; title: string; lecturerMemberId?: string; lecturerName?: string; lecturerPost?: string; lecturerIsLeader?: boolean; attendees?: number; attendeesFromRoster?: boolean; materials?: string }

/** 登记党课: the lecturer is a member of the subtree or an outside lecturer by name and post. */
export function LessonFormModal({ orgId, onClose }: { orgId: string; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const members = useMemberOptions(orgId);
  const create = useCreateLesson();
  const { message } = App.useApp();
  const fromRoster = Form.useWatch('attendeesFromRoster', form);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({
        orgId, heldOn: v.heldOn.format('YYYY-MM-DD'), title: v.title, lecturerMemberId: v.lecturerMemberId, lecturerName: v.lecturerName || undefined,
        lecturerPost: v.lecturerPost || undefined, lecturerIsLeader: !!v.lecturerIsLeader, attendees: v.attendees, attendeesFromRoster: !!v.attendeesFromRoster,
        materials: v.materials || undefined,
      });
      message.success('已登记');
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title="登记党课" onOk={submit} onCancel={onClose} confirmLoading={create.isPending} okText="保存">
      <Form form={form} layout="vertical">
        <Form.Item name="heldOn" label="日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker /></Form.Item>
        <Form.Item name="title" label="党课题目" rules={[{ required: true, message: '请填写题目' }, { max: 200 }]}><Input /></Form.Item>
        <Form.Item name="lecturerMemberId" label="授课人（本组织党员）"><Select allowClear showSearch optionFilterProp="label" options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))} /></Form.Item>
        <Form.Item name="lecturerName" label="或外请授课人姓名"><Input maxLength={50} /></Form.Item>
        <Form.Item name="lecturerPost" label="职务 / 职称"><Input maxLength={100} /></Form.Item>
        <Form.Item name="lecturerIsLeader" valuePropName="checked"><Checkbox>授课人是领导干部或书记</Checkbox></Form.Item>
        <Form.Item name="attendeesFromRoster" valuePropName="checked"><Checkbox>听课人数按本组织花名册计算</Checkbox></Form.Item>
        {!fromRoster && <Form.Item name="attendees" label="听课人数"><InputNumber min={0} max={100000} /></Form.Item>}
        <Form.Item name="materials" label="课件 / 材料摘要"><Input.TextArea rows={3} maxLength={5000} /></Form.Item>
      </Form>
    </Modal>
  );
}
