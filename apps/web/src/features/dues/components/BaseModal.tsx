import { useEffect } from 'react';
import { App, DatePicker, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DUES_CATEGORIES, DUES_CATEGORY_CODES, type DuesCategory } from '@dangjian/contracts';
import { applyServerError } from '../../orgs/components/form-errors.ts';
import { useSetBase } from '../api.ts';
import { formatFen, parseYuan } from '../money.ts';

const FIXED: DuesCategory[] = ['farmer', 'student', 'unemployed', 'relief'];
interface Values { category: DuesCategory; base?: string; agreed?: string; effectiveMonth: Dayjs; note?: string }

/** 核定党费基数: the category, the monthly base after tax, and the month the pay was first received. */
export function BaseModal({ member, onClose }: { member: { memberId: string; name: string } | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const save = useSetBase(member?.memberId ?? '');
  const { message } = App.useApp();
  const category = Form.useWatch('category', form);
  const fixed = category ? FIXED.includes(category) : false;
  useEffect(() => { if (member) form.setFieldsValue({ category: 'salaried', effectiveMonth: dayjs(), base: undefined, agreed: undefined, note: undefined }); }, [member, form]);

  const submit = async () => {
    const v = await form.validateFields();
    try {
      const d = await save.mutateAsync({
        category: v.category, baseFen: fixed ? 0 : parseYuan(v.base ?? '')!, effectiveMonth: v.effectiveMonth.format('YYYY-MM'),
        ...(v.category === 'farmer' && v.agreed ? { agreedFen: parseYuan(v.agreed)! } : {}), ...(v.note ? { note: v.note } : {}),
      });
      message.success(`已核定，${d.currentMonth} 月应交 ${formatFen(d.currentMonthlyFen)} 元`);
      onClose();
    } catch (e) {
      const msg = applyServerError(form, e, ['category', 'effectiveMonth', 'note']);
      if (msg) message.error(msg);
    }
  };
  const yuanRule = { validator: (_: unknown, s?: string) => (!s || parseYuan(s) !== null ? Promise.resolve() : Promise.reject(new Error('请输入金额（元），最多两位小数'))) };

  return (
    <Modal open={!!member} title={`核定党费基数 — ${member?.name ?? ''}`} onOk={submit} onCancel={onClose} okText="保存" confirmLoading={save.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="dues-base-form">
        <Form.Item name="category" label="党员类别" rules={[{ required: true }]}>
          <Select options={DUES_CATEGORY_CODES.map((c) => ({ value: c, label: DUES_CATEGORIES[c] }))} data-testid="dues-base-category" />
        </Form.Item>
        {!fixed && (
          <Form.Item name="base" label={category === 'retired' ? '每月基本养老金（元）' : '每月税后工资收入（元）'} extra="不含个税、社保与公积金个人及单位部分、各类补贴和年终奖等" rules={[{ required: true, message: '请输入基数' }, yuanRule]}>
            <Input inputMode="decimal" placeholder="如 4500.00" data-testid="dues-base-amount" />
          </Form.Item>
        )}
        {category === 'farmer' && (
          <Form.Item name="agreed" label="约定每月交纳（元）" extra="农民党员每月交纳 0.2 元至 1 元，不填按 0.2 元" rules={[yuanRule]}>
            <Input inputMode="decimal" placeholder="0.20–1.00" />
          </Form.Item>
        )}
        {fixed && category !== 'farmer' && <Typography.Paragraph type="secondary">该类别每月交纳 0.20 元。</Typography.Paragraph>}
        <Form.Item name="effectiveMonth" label="自何月起执行" extra="工资变动的，从实际领取新工资的当月起按新基数交纳" rules={[{ required: true }]}>
          <DatePicker picker="month" allowClear={false} style={{ width: '100%' }} data-testid="dues-base-month" />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} maxLength={200} placeholder="如：2026 年 9 月调资" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
