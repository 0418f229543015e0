import { useState } from 'react';
import { App, Button, Checkbox, Drawer, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { JUDGE_OPTIONS, QUESTION_TYPES, type QuestionItem, type QuestionType } from '@dangjian/contracts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { useCreateQuestion, useQuestions } from '../api.ts';

const LETTERS = 'ABCDEFGH';

interface Values { type: QuestionType; stem: string; options: string; answer: number | number[]; explanation?: string }

/** 题库: questions of an organization's subtree, and a form to add one (options one per line). */
export function QuestionBankDrawer({ onClose }: { onClose: () => void }) {
  const defaultOrg = useDefaultOrgId();
  const [orgId, setOrgId] = useState<string | undefined>();
  const org = orgId ?? defaultOrg;
  const [type, setType] = useState<QuestionType | ''>('');
  const [page, setPage] = useState(1);
  const list = useQuestions(org, type, page);
  const create = useCreateQuestion();
  const [form] = Form.useForm<Values>();
  const formType = Form.useWatch('type', form) ?? 'single';
  const optionLines = (Form.useWatch('options', form) ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
  const choices = formType === 'judge' ? [...JUDGE_OPTIONS] : optionLines;
  const { message } = App.useApp();

  const submit = async (v: Values) => {
    if (!org) return;
    try {
      await create.mutateAsync({
        orgId: org, type: v.type, stem: v.stem, options: v.type === 'judge' ? [] : optionLines,
        answer: Array.isArray(v.answer) ? v.answer : [v.answer], explanation: v.explanation || undefined, tags: [],
      });
      message.success('已加入题库');
      form.resetFields(['stem', 'options', 'answer', 'explanation']);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Drawer open size="large" title="题库管理" onClose={onClose} extra={<OrgPicker value={org} onChange={setOrgId} />}>
      <Form form={form} layout="vertical" initialValues={{ type: 'single' }} onFinish={submit} data-testid="question-form">
        <Form.Item name="type" label="题型"><Radio.Group options={Object.entries(QUESTION_TYPES).map(([value, label]) => ({ value, label }))} onChange={() => form.setFieldValue('answer', undefined)} /></Form.Item>
        <Form.Item name="stem" label="题干" rules={[{ required: true, message: '请填写题干' }, { max: 1000 }]}><Input.TextArea rows={2} data-testid="question-stem" /></Form.Item>
        {formType !== 'judge' && (
          <Form.Item name="options" label="选项（每行一个，最多 8 个）" rules={[{ required: true, message: '请填写选项' }]}><Input.TextArea rows={4} data-testid="question-options" /></Form.Item>
        )}
        <Form.Item name="answer" label="正确答案" rules={[{ required: true, message: '请选择正确答案' }]}>
          {formType === 'multiple'
            ? <Checkbox.Group options={choices.map((c, i) => ({ value: i, label: `${LETTERS[i]}. ${c}` }))} />
            : <Radio.Group options={choices.map((c, i) => ({ value: i, label: `${LETTERS[i]}. ${c}` }))} data-testid="question-answer" />}
        </Form.Item>
        <Form.Item name="explanation" label="解析"><Input.TextArea rows={2} maxLength={1000} /></Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="question-save">加入题库</Button>
      </Form>
      <Space style={{ margin: '16px 0 8px' }}>
        <Select value={type} style={{ width: 140 }} onChange={(v) => { setPage(1); setType(v); }}
          options={[{ value: '', label: '全部题型' }, ...Object.entries(QUESTION_TYPES).map(([value, label]) => ({ value, label }))]} />
        <span>共 {list.data?.total ?? 0} 题</span>
      </Space>
      <Table<QuestionItem>
        rowKey="id" size="small" loading={list.isPending && !!org} dataSource={list.data?.items ?? []}
        pagination={{ current: page, pageSize: 10, total: list.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: '题型', dataIndex: 'type', width: 80, render: (t: QuestionType) => <Tag>{QUESTION_TYPES[t]}</Tag> },
          { title: '题干', dataIndex: 'stem' },
          { title: '答案', width: 90, render: (_, q) => q.answer.map((i) => LETTERS[i]).join('') },
          { title: '组织', dataIndex: 'orgName', width: 140 },
        ]}
      />
    </Drawer>
  );
}
