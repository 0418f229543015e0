import { App, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { DEV_FACT_LABELS, DEV_STEPS, type DevCaseDetail, type DevFactKey, type DevStepFacts, type DevStepRequest } from '@dangjian/contracts';
import { useAddStep, useEligible } from '../api.ts';
import { RuleError } from './RuleError.tsx';

type Values = { doneOn: string; decision: 'pass' | 'fail' | 'extend'; note?: string; votes?: { entitled?: number; present?: number; yes?: number } } & Omit<DevStepFacts, 'votes'>;

function FactField({ k, people }: { k: DevFactKey; people: { value: string; label: string }[] }) {
  const label = DEV_FACT_LABELS[k];
  switch (k) {
    case 'talker': return <Form.Item name="talker" label={label}><Input maxLength={50} style={{ width: 200 }} data-testid="dev-fact-talker" /></Form.Item>;
    case 'townshipFiledOn': case 'townshipReviewedOn': case 'defenseOn':
      return <Form.Item name={k} label={label}><Input type="date" style={{ width: 180 }} data-testid={`dev-fact-${k}`} /></Form.Item>;
    case 'contactIds': case 'introducerIds':
      return (
        <Form.Item name={k} label={`${label}（本支部正式党员）`}>
          <Select mode="multiple" options={people} style={{ minWidth: 280 }} optionFilterProp="label" data-testid={`dev-fact-${k}`} placeholder="选择党员" />
        </Form.Item>
      );
    case 'politicalReviewPassed':
      return <Form.Item name={k} label={label}><Select style={{ width: 140 }} options={[{ value: true, label: '合格' }, { value: false, label: '不合格' }]} data-testid="dev-fact-review" /></Form.Item>;
    case 'votes':
      return (
        <Form.Item label={label} required>
          <Space>
            <Form.Item name={['votes', 'entitled']} noStyle><InputNumber min={0} max={9999} placeholder="应到" /></Form.Item>
            <Form.Item name={['votes', 'present']} noStyle><InputNumber min={0} max={9999} placeholder="实到" /></Form.Item>
            <Form.Item name={['votes', 'yes']} noStyle><InputNumber min={0} max={9999} placeholder="赞成" /></Form.Item>
          </Space>
        </Form.Item>
      );
    case 'extensionReason': return <Form.Item name={k} label={label} extra="超过 3 个月审批时填写"><Input maxLength={200} style={{ width: 360 }} /></Form.Item>;
    default: return <Form.Item name={k} label={label}><InputNumber min={0} max={9999} style={{ width: 140 }} data-testid={`dev-fact-${k}`} /></Form.Item>;
  }
}

/** The form of the case's next step; the server's rule engine has the last word. */
export function StepForm({ c, stepNo }: { c: DevCaseDetail; stepNo: number }) {
  const [form] = Form.useForm<Values>();
  const add = useAddStep(c.id);
  const eligible = useEligible(c.id);
  const { modal, message } = App.useApp();
  const def = DEV_STEPS[stepNo - 1]!;
  const people = (eligible.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }));
  const factKeys = def.facts.filter((k) => (k !== 'townshipFiledOn' && k !== 'townshipReviewedOn') || c.rules.townshipFiling)
    .filter((k) => k !== 'defenseOn' || c.rules.defense).filter((k) => (k !== 'candidates' && k !== 'slots') || c.rules.differential);
  const send = async (v: Values) => {
    const facts: Record<string, unknown> = {};
    for (const k of factKeys) {
      const val = (v as Record<string, unknown>)[k];
      if (val !== undefined && val !== null && val !== '') facts[k] = val;
    }
    const body: DevStepRequest = { stepNo, doneOn: v.doneOn, decision: v.decision, facts: facts as DevStepFacts, note: v.note || undefined };
    await add.mutateAsync(body);
    message.success(`已办理：${def.name}`);
    form.resetFields();
  };
  const submit = (v: Values) => {
    if (v.decision !== 'fail') return void send(v).catch(() => undefined);
    modal.confirm({ title: '确认不同意？', content: '选择“不同意”将终止该发展档案，且不能撤销。', okButtonProps: { danger: true }, onOk: () => send(v).catch(() => undefined) });
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} initialValues={{ decision: 'pass' }} data-testid="dev-step-form">
      <RuleError error={add.error} />
      <Space wrap size="large" align="start">
        <Form.Item name="doneOn" label="办理日期" rules={[{ required: true, message: '请填写日期' }]}><Input type="date" style={{ width: 180 }} data-testid="dev-step-date" /></Form.Item>
        <Form.Item name="decision" label="结论">
          <Select style={{ width: 200 }} data-testid="dev-step-decision" options={[
            { value: 'pass', label: '同意/通过' }, { value: 'fail', label: '不同意（终止发展）' },
            ...(stepNo === 23 ? [{ value: 'extend', label: '延长预备期' }] : []),
          ]} />
        </Form.Item>
        {factKeys.map((k) => <FactField key={k} k={k} people={people} />)}
      </Space>
      <Form.Item name="note" label="备注"><Input.TextArea maxLength={500} rows={2} /></Form.Item>
      <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="dev-step-submit">办理第 {stepNo} 步：{def.name}</Button>
    </Form>
  );
}
