import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import {
  MEETING_KINDS, MEETING_KIND_CODES, ORG_TYPES, ORG_TYPE_CODES, RULE_PERIODS, RULE_PERIOD_CODES, type MeetingRule, type MeetingRuleUpdateRequest,
} from '@dangjian/contracts';
import { useCreateRule, useUpdateRule } from '../api.ts';

interface Values extends Omit<MeetingRuleUpdateRequest, 'months'> { months?: number[] }

/** Adds a rule at `orgId` or edits `rule`; an empty months field means all year. */
export function RuleFormModal({ open, orgId, rule, onClose }: { open: boolean; orgId?: string; rule: MeetingRule | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const create = useCreateRule();
  const update = useUpdateRule();
  const { message } = App.useApp();
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (rule) form.setFieldsValue({ ...rule, appliesTo: rule.appliesTo as Values['appliesTo'], months: rule.months ?? [] });
    else form.setFieldsValue({ count: 1, period: 'month', appliesTo: ['branch'], months: [] });
  }, [open, rule, form]);

  const submit = async () => {
    const v = await form.validateFields();
    const body = { ...v, months: v.months && v.months.length > 0 ? v.months : null, effectiveFrom: v.effectiveFrom || null, effectiveTo: v.effectiveTo || null, note: v.note || null, minFullMembers: v.minFullMembers ?? null };
    try {
      if (rule) await update.mutateAsync({ id: rule.id, body });
      else await create.mutateAsync({ ...body, orgId: orgId!, kind: v.kind!, count: v.count!, period: v.period!, appliesTo: v.appliesTo! });
      message.success('规则已保存');
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  return (
    <Modal title={rule ? '修改会议规则' : '新增会议规则'} open={open} onCancel={onClose} onOk={submit} confirmLoading={create.isPending || update.isPending} okText="保存" destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="rule-form">
        <Form.Item name="kind" label="会议类型" rules={[{ required: true, message: '请选择会议类型' }]}>
          <Select options={MEETING_KIND_CODES.map((k) => ({ value: k, label: MEETING_KINDS[k] }))} />
        </Form.Item>
        <Form.Item label="频次" required style={{ marginBottom: 0 }}>
          <Form.Item name="period" rules={[{ required: true }]} style={{ display: 'inline-block', width: 120, marginRight: 8 }}>
            <Select options={RULE_PERIOD_CODES.map((p) => ({ value: p, label: RULE_PERIODS[p] }))} />
          </Form.Item>
          <Form.Item name="count" rules={[{ required: true, message: '请填写次数' }]} style={{ display: 'inline-block', width: 140 }}>
            <InputNumber min={0} max={31} addonAfter="次" />
          </Form.Item>
        </Form.Item>
        <Form.Item name="appliesTo" label="适用组织类型" rules={[{ required: true, message: '至少选择一种组织类型' }]}>
          <Select mode="multiple" options={ORG_TYPE_CODES.map((t) => ({ value: t, label: ORG_TYPES[t] }))} />
        </Form.Item>
        <Form.Item name="minFullMembers" label="正式党员人数下限（可选）" extra="如支部委员会会议只要求正式党员7人以上、设立支委会的支部；不填表示不限。">
          <InputNumber min={1} max={1000} addonAfter="人以上" style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="months" label="季节性月份（可选）" extra="如农村支部在农闲时（1、2、11、12月）召开、学校支部在开学初（3、9月）召开；不选表示全年。">
          <Select mode="multiple" allowClear options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `${i + 1}月` }))} />
        </Form.Item>
        <Form.Item label="生效期间（可选）" style={{ marginBottom: 0 }}>
          <Form.Item name="effectiveFrom" style={{ display: 'inline-block', width: 'calc(50% - 4px)', marginRight: 8 }} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式 YYYY-MM-DD' }]}>
            <Input placeholder="生效日期 YYYY-MM-DD" />
          </Form.Item>
          <Form.Item name="effectiveTo" style={{ display: 'inline-block', width: 'calc(50% - 4px)' }} rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/, message: '格式 YYYY-MM-DD' }]}>
            <Input placeholder="失效日期 YYYY-MM-DD" />
          </Form.Item>
        </Form.Item>
        <Form.Item name="note" label="依据/说明" rules={[{ max: 200, message: '不超过200字' }]}>
          <Input.TextArea rows={2} maxLength={200} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
