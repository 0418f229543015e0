import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, DatePicker, Empty, Form, Input, Radio, Select, Space, Switch, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { applyServerError } from '../../orgs/components/form-errors.ts';
import { useDuesMember, useDuesMembers, usePay } from '../api.ts';
import { formatFen, parseYuan } from '../money.ts';
import { DuesSummary } from './MemberDuesDrawer.tsx';

interface Values { months: string[]; mode: 'monthly' | 'quarterly'; paidOn: Dayjs; consentNote?: string; backPayNote?: string; reduced?: boolean; paid?: string; approvedBy?: string; approvalDoc?: string }

/** Months a payment may cover: what is owed, plus this month (and, paying by quarter, the rest of this quarter). */
function candidateMonths(unpaid: string[], paid: Set<string>, mode: Values['mode']): string[] {
  const now = dayjs();
  const extra = [now.format('YYYY-MM')];
  if (mode === 'quarterly') for (let d = now.add(1, 'month'); Math.floor(d.month() / 3) === Math.floor(now.month() / 3); d = d.add(1, 'month')) extra.push(d.format('YYYY-MM'));
  return [...new Set([...unpaid, ...extra])].filter((m) => !paid.has(m)).sort();
}

/** 缴纳登记: pick a member, tick the months, record the payment (with consent, back-payment note or approval as the rules ask). */
export function PaymentsTab({ orgId }: { orgId: string | undefined }) {
  const [q, setQ] = useState('');
  const [memberId, setMemberId] = useState<string>();
  const options = useDuesMembers(orgId, dayjs().format('YYYY-MM'), q, 1);
  const detail = useDuesMember(memberId);
  const pay = usePay();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form) ?? 'monthly';
  const reduced = Form.useWatch('reduced', form);
  const { message } = App.useApp();
  const months = useMemo(() => (detail.data ? candidateMonths(detail.data.unpaidMonths, new Set(detail.data.payments.map((p) => p.month)), mode) : []), [detail.data, mode]);
  const oldest = dayjs().subtract(6, 'month').format('YYYY-MM');
  const picked = Form.useWatch('months', form) ?? [];

  const submit = async () => {
    const v = await form.validateFields();
    const paidFen = v.reduced ? parseYuan(v.paid ?? '') ?? 0 : undefined;
    try {
      const r = await pay.mutateAsync({
        memberId: memberId!, mode: v.mode, paidOn: v.paidOn.format('YYYY-MM-DD'),
        months: v.months.map((month) => ({ month, ...(paidFen !== undefined ? { paidFen } : {}) })),
        ...(v.consentNote ? { consentNote: v.consentNote } : {}), ...(v.backPayNote ? { backPayNote: v.backPayNote } : {}),
        ...(v.reduced ? { approvedBy: v.approvedBy, approvalDoc: v.approvalDoc } : {}),
      });
      message.success(`已登记 ${r.items.length} 个月，合计 ${formatFen(r.totalPaidFen)} 元`);
      form.resetFields(['months', 'consentNote', 'backPayNote', 'reduced', 'paid', 'approvedBy', 'approvalDoc']);
    } catch (e) {
      const msg = applyServerError(form, e, ['months', 'paidOn', 'consentNote', 'backPayNote', 'approvedBy', 'approvalDoc']);
      if (msg) message.error(msg);
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select showSearch allowClear placeholder="输入姓名选择党员" style={{ width: 320 }} filterOption={false} onSearch={setQ} value={memberId} onChange={setMemberId}
        options={(options.data?.items ?? []).map((m) => ({ value: m.memberId, label: `${m.name}（${m.orgName}）` }))} data-testid="dues-pay-member"
        notFoundContent={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无匹配党员" />} />
      {!memberId && <Empty description="请选择党员后登记交纳" />}
      {detail.data && (
        <Card size="small">
          <DuesSummary detail={detail.data} />
          {detail.data.currentMonthlyFen === null && <Alert type="warning" showIcon title="该党员尚未核定党费基数，请先在“标准核定”中录入" style={{ marginBottom: 12 }} />}
          <Form form={form} layout="vertical" initialValues={{ mode: 'monthly', paidOn: dayjs(), months: [] }} data-testid="dues-pay-form">
            <Form.Item name="mode" label="交纳方式">
              <Radio.Group options={[{ value: 'monthly', label: '按月' }, { value: 'quarterly', label: '按季（经支部同意）' }]} />
            </Form.Item>
            <Form.Item name="months" label="交纳月份" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个月' }]}>
              <Checkbox.Group data-testid="dues-pay-months" options={months.map((m) => ({ value: m, label: m < oldest ? `${m}（补交超6个月）` : m }))} />
            </Form.Item>
            {mode === 'quarterly' && <Form.Item name="consentNote" label="支部同意情况" rules={[{ required: true, message: '按季交纳须经支部同意' }, { max: 200 }]}><Input placeholder="如：经 2026 年 10 月 8 日支委会同意" /></Form.Item>}
            {picked.some((m) => m < oldest) && <Form.Item name="backPayNote" label="补交说明" rules={[{ required: true, message: '补交超过 6 个月须说明原因及批准情况' }, { max: 200 }]}><Input /></Form.Item>}
            <Form.Item name="paidOn" label="交纳日期" rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} allowClear={false} /></Form.Item>
            <Form.Item name="reduced" label="少交或免交（经上级党委批准）" valuePropName="checked"><Switch /></Form.Item>
            {reduced && (
              <>
                <Form.Item name="paid" label="每月实交（元，免交填 0）" rules={[{ required: true, validator: (_, s?: string) => (s && parseYuan(s) !== null ? Promise.resolve() : Promise.reject(new Error('请输入金额'))) }]}><Input inputMode="decimal" /></Form.Item>
                <Form.Item name="approvedBy" label="批准机关" rules={[{ required: true }, { max: 50 }]}><Input placeholder="如：某某镇党委" /></Form.Item>
                <Form.Item name="approvalDoc" label="批准文件" rules={[{ required: true }, { max: 100 }]}><Input placeholder="如：某党发〔2026〕12号" /></Form.Item>
              </>
            )}
            <Typography.Paragraph type="secondary">应交金额按各月执行的基数计算，登记后在交纳记录中查看；组织不得代交、不得从工资中扣缴。</Typography.Paragraph>
            <Button type="primary" onClick={submit} loading={pay.isPending} disabled={detail.data.currentMonthlyFen === null && detail.data.bases.length === 0} data-testid="dues-pay-submit">登记交纳</Button>
          </Form>
        </Card>
      )}
    </Space>
  );
}
