import { App, Form, Input, InputNumber, Modal, Space } from 'antd';
import { QUESTION_TYPES, type QuestionType } from '@dangjian/contracts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { useCreateExam } from '../api.ts';

type Draw = Record<QuestionType, { count: number; points: number }>;
interface Values { orgId: string; title: string; timeLimitMinutes: number; passScore: number; draw: Draw }

/** 发布考试: each sitting draws the given number of questions per type at random from the bank. */
export function ExamFormModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const defaultOrg = useDefaultOrgId();
  const create = useCreateExam();
  const { message } = App.useApp();
  const draw = Form.useWatch('draw', form);
  const total = draw ? (Object.keys(QUESTION_TYPES) as QuestionType[]).reduce((s, t) => s + (draw[t]?.count ?? 0) * (draw[t]?.points ?? 0), 0) : 0;

  const submit = async () => {
    const v = await form.validateFields();
    try {
      await create.mutateAsync({ ...v, orgId: v.orgId ?? defaultOrg });
      message.success('考试已发布');
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Modal open title="发布考试" onCancel={onClose} onOk={submit} okText="发布" confirmLoading={create.isPending} okButtonProps={{ id: 'exam-save' }}>
      <Form form={form} layout="vertical" initialValues={{
        timeLimitMinutes: 30, passScore: 60,
        draw: { single: { count: 10, points: 4 }, multiple: { count: 5, points: 6 }, judge: { count: 10, points: 3 } },
      }}>
        <Form.Item name="orgId" label="参考范围（组织及其下级）"><OrgPicker placeholder="默认本组织" /></Form.Item>
        <Form.Item name="title" label="考试名称" rules={[{ required: true, message: '请填写考试名称' }, { max: 200 }]}><Input data-testid="exam-title" /></Form.Item>
        <Space>
          <Form.Item name="timeLimitMinutes" label="时长（分钟）" rules={[{ required: true }]}><InputNumber min={1} max={600} data-testid="exam-minutes" /></Form.Item>
          <Form.Item name="passScore" label="及格分" rules={[{ required: true }]}><InputNumber min={0} max={10000} data-testid="exam-pass" /></Form.Item>
        </Space>
        {(Object.entries(QUESTION_TYPES) as [QuestionType, string][]).map(([t, label]) => (
          <Space key={t}>
            <Form.Item name={['draw', t, 'count']} label={`${label}数量`}><InputNumber min={0} max={200} data-testid={`exam-${t}-count`} /></Form.Item>
            <Form.Item name={['draw', t, 'points']} label="每题分值"><InputNumber min={0} max={100} data-testid={`exam-${t}-points`} /></Form.Item>
          </Space>
        ))}
        <div>试卷总分：{total} 分</div>
      </Form>
    </Modal>
  );
}
