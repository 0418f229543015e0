import { useNavigate } from 'react-router';
import { App, Button, Card, Form, Input, Select, Space } from 'antd';
import { MEMBER_EDUCATIONS, MEMBER_ETHNICITIES, type DevCaseCreateRequest } from '@dangjian/contracts';
import { OrgPicker } from '../../grids/components/OrgPicker.tsx';
import { serverFieldErrors } from '../../members/form-errors.ts';
import { useCreateCase } from '../api.ts';
import { RuleError } from '../components/RuleError.tsx';

const FIELDS = ['orgId', 'name', 'idNumber', 'phone', 'ethnicity', 'education', 'occupation', 'appliedOn', 'note'];
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 新建发展档案: the applicant and the date the 入党申请书 was handed in (step 1). */
export default function NewCasePage() {
  const [form] = Form.useForm<DevCaseCreateRequest>();
  const create = useCreateCase();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const submit = async (v: DevCaseCreateRequest) => {
    try {
      const c = await create.mutateAsync({ ...v, phone: v.phone || undefined, occupation: v.occupation || undefined, note: v.note || undefined });
      message.success('已建立发展档案');
      navigate(`/development/${c.id}`);
    } catch (e) {
      form.setFields(serverFieldErrors(e, FIELDS).fields.map((f) => ({ name: f.name as keyof DevCaseCreateRequest, errors: f.errors })));
    }
  };
  return (
    <Card title="新建发展档案（递交入党申请书）" style={{ maxWidth: 760 }}>
      <RuleError error={create.error} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="dev-new-form" initialValues={{ appliedOn: today() }}>
        <Form.Item name="orgId" label="所在党支部" rules={[{ required: true, message: '请选择党支部' }]}>
          <OrgPicker testId="dev-new-org" style={{ width: '100%' }} />
        </Form.Item>
        <Space wrap size="large">
          <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }, { max: 50 }]}><Input data-testid="dev-new-name" style={{ width: 200 }} /></Form.Item>
          <Form.Item name="idNumber" label="身份证号" extra="出生日期和性别取自身份证号；申请时须年满18周岁" rules={[{ required: true, message: '请填写身份证号' }, { pattern: /^\d{17}[\dXx]$/, message: '身份证号为 18 位' }]}>
            <Input data-testid="dev-new-idNumber" style={{ width: 240 }} maxLength={18} />
          </Form.Item>
          <Form.Item name="phone" label="手机号"><Input data-testid="dev-new-phone" style={{ width: 180 }} maxLength={20} /></Form.Item>
        </Space>
        <Space wrap size="large">
          <Form.Item name="ethnicity" label="民族"><Select allowClear showSearch style={{ width: 140 }} options={MEMBER_ETHNICITIES.map((e) => ({ value: e, label: e }))} /></Form.Item>
          <Form.Item name="education" label="学历"><Select allowClear style={{ width: 160 }} options={MEMBER_EDUCATIONS.map((e) => ({ value: e, label: e }))} /></Form.Item>
          <Form.Item name="occupation" label="职业"><Input style={{ width: 180 }} maxLength={50} /></Form.Item>
          <Form.Item name="appliedOn" label="递交入党申请书日期" rules={[{ required: true, message: '请填写日期' }]}>
            <Input type="date" data-testid="dev-new-appliedOn" max={today()} style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item name="note" label="备注"><Input.TextArea maxLength={500} rows={2} /></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="dev-new-submit">建立档案</Button>
          <Button onClick={() => navigate('/development')}>取消</Button>
        </Space>
      </Form>
    </Card>
  );
}
