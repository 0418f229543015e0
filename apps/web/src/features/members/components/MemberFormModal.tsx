import { useState } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Radio, Select, message } from 'antd';
import type { Rule } from 'antd/es/form';
import dayjs, { type Dayjs } from 'dayjs';
import {
  MEMBER_CATEGORY_VALUES, MEMBER_EDUCATIONS, MEMBER_ETHNICITIES, MEMBER_HOME_ORG_TYPES, MEMBER_STATUSES, MEMBER_STATUS_CODES,
  MemberFields, memberRuleProblems, REPORTING_CATEGORY, type MemberDetail,
} from '@dangjian/contracts';
import { useCreateMember, useUpdateMember } from '../api.ts';
import { serverFieldErrors } from '../form-errors.ts';
import { IdNumberHint } from './IdNumberHint.tsx';
import { OrgTreeSelect } from './OrgTreeSelect.tsx';

interface Values {
  orgId?: string; name: string; idNumber?: string; phone?: string; ethnicity?: string; education?: string; occupation?: string;
  status: 'probationary' | 'full'; joinedOn?: Dayjs; fullOn?: Dayjs; categories: string[]; reportingOrgId?: string; posts: string[]; remarks?: string;
}
const FIELDS = ['orgId', 'name', 'idNumber', 'phone', 'ethnicity', 'education', 'occupation', 'status', 'joinedOn', 'fullOn', 'categories', 'reportingOrgId', 'posts', 'remarks'];
const opts = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }));
const homeTypes: readonly string[] = MEMBER_HOME_ORG_TYPES;
const notHome = (i: { orgType: string }) => !homeTypes.includes(i.orgType);

/** A field rule from the shared contract, so the form refuses what the server refuses. */
function zodRule(schema: { safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } } }, optional: boolean): Rule {
  return {
    validator: (_r, v: unknown) => {
      if (optional && (v === undefined || v === null || v === '')) return Promise.resolve();
      const r = schema.safeParse(v);
      return r.success ? Promise.resolve() : Promise.reject(new Error(r.error?.issues[0]?.message ?? '格式不正确'));
    },
  };
}

const day = (d: Dayjs | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);
const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

/** 新增党员 / 编辑: one form for both. On edit the ID number and phone are left blank unless changed. */
export function MemberFormModal(props: { open: boolean; member?: MemberDetail; defaultOrgId?: string; onClose: () => void }) {
  const m = props.member;
  const [form] = Form.useForm<Values>();
  const [general, setGeneral] = useState<string[]>([]);
  const create = useCreateMember();
  const update = useUpdateMember(m?.id ?? '');
  const status = Form.useWatch('status', form);
  const categories = Form.useWatch('categories', form) ?? [];
  const idNumber = Form.useWatch('idNumber', form);

  const initial: Partial<Values> = m
    ? {
        name: m.name, ethnicity: m.ethnicity ?? undefined, education: m.education ?? undefined, occupation: m.occupation ?? undefined,
        status: m.status, joinedOn: m.joinedOn ? dayjs(m.joinedOn) : undefined, fullOn: m.fullOn ? dayjs(m.fullOn) : undefined,
        categories: m.categories, reportingOrgId: m.reportingOrgId ?? undefined, posts: m.posts, remarks: m.remarks ?? undefined,
      }
    : { orgId: props.defaultOrgId, status: 'full', categories: [], posts: [], ethnicity: '汉族' };

  async function submit() {
    setGeneral([]);
    const v = await form.validateFields();
    const body = {
      name: v.name.trim(), phone: blank(v.phone), ethnicity: v.ethnicity ?? null, education: v.education ?? null,
      occupation: blank(v.occupation), status: v.status, joinedOn: day(v.joinedOn) ?? '', fullOn: v.status === 'full' ? day(v.fullOn) ?? null : null,
      categories: v.categories as never[], reportingOrgId: v.categories.includes(REPORTING_CATEGORY) ? v.reportingOrgId ?? null : null,
      posts: v.posts.map((p) => p.trim()).filter(Boolean), remarks: blank(v.remarks),
    };
    const idNew = v.idNumber?.trim().toUpperCase();
    const problems = memberRuleProblems({ ...body, idNumber: idNew ?? '' });
    if (problems.length > 0) {
      form.setFields(problems.map((p) => ({ name: p.field as keyof Values, errors: [p.message] })));
      return;
    }
    try {
      if (m) {
        // Only what changed; a blank ID number or phone means "keep the current one".
        const patch: Record<string, unknown> = {};
        const current: Record<string, unknown> = { ...initial, joinedOn: m.joinedOn, fullOn: m.fullOn, reportingOrgId: m.reportingOrgId, ethnicity: m.ethnicity, education: m.education, occupation: m.occupation, remarks: m.remarks };
        for (const [k, val] of Object.entries(body)) if (JSON.stringify(val) !== JSON.stringify(current[k] ?? null)) patch[k] = val;
        if (body.phone === null) delete patch.phone;
        if (idNew) patch.idNumber = idNew;
        if (Object.keys(patch).length === 0) return props.onClose();
        await update.mutateAsync(patch);
      } else {
        await create.mutateAsync({ ...body, orgId: v.orgId ?? '', idNumber: idNew ?? '' } as never);
      }
      void message.success(m ? '已保存' : '已登记');
      props.onClose();
    } catch (e) {
      const { fields, other } = serverFieldErrors(e, FIELDS);
      form.setFields(fields.map((f) => ({ name: f.name as keyof Values, errors: f.errors })));
      setGeneral(other);
    }
  }

  return (
    <Modal open={props.open} title={m ? `编辑党员：${m.name}` : '新增党员'} width={760} onCancel={props.onClose} onOk={() => void submit().catch(() => undefined)}
      okText="保存" confirmLoading={create.isPending || update.isPending} destroyOnHidden maskClosable={false} okButtonProps={{ 'data-testid': 'member-form-submit' } as never}>
      {general.length > 0 && <Alert type="error" showIcon title={general.join('；')} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial} data-testid="member-form" style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 16 }}>
        {!m && (
          <Form.Item name="orgId" label="所在组织" rules={[{ required: true, message: '请选择所在组织' }]} style={{ gridColumn: 'span 2' }}>
            <OrgTreeSelect disabled={notHome} placeholder="选择党支部或党小组" testId="member-form-org" />
          </Form.Item>
        )}
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请填写姓名' }, zodRule(MemberFields.name, false)]}><Input maxLength={50} data-testid="member-form-name" /></Form.Item>
        <Form.Item name="phone" label="手机号" rules={[zodRule(MemberFields.phone, true)]}>
          <Input maxLength={30} placeholder={m?.phoneMasked ? `不修改请留空（现为 ${m.phoneMasked}）` : '11 位手机号'} data-testid="member-form-phone" />
        </Form.Item>
        <Form.Item name="idNumber" label="身份证号" rules={[...(m ? [] : [{ required: true, message: '请填写身份证号' }]), zodRule(MemberFields.idNumber, !!m)]}
          extra={<IdNumberHint value={idNumber} />} style={{ gridColumn: 'span 2' }}>
          <Input maxLength={18} placeholder={m ? `不修改请留空（现为 ${m.idNumberMasked}）` : '18 位居民身份证号'} data-testid="member-form-id" />
        </Form.Item>
        <Form.Item name="ethnicity" label="民族"><Select showSearch allowClear options={opts(MEMBER_ETHNICITIES)} /></Form.Item>
        <Form.Item name="education" label="学历"><Select allowClear options={opts(MEMBER_EDUCATIONS)} /></Form.Item>
        <Form.Item name="occupation" label="职业" rules={[zodRule(MemberFields.occupation, true)]}><Input maxLength={50} /></Form.Item>
        <Form.Item name="status" label="党员状态" rules={[{ required: true }]}>
          <Radio.Group options={MEMBER_STATUS_CODES.map((s) => ({ value: s, label: MEMBER_STATUSES[s] }))} />
        </Form.Item>
        <Form.Item name="joinedOn" label="入党日期" rules={[{ required: true, message: '请选择入党日期' }]}><DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs())} /></Form.Item>
        <Form.Item name="fullOn" label="转正日期" rules={status === 'full' ? [{ required: true, message: '正式党员须填写转正日期' }] : []}>
          <DatePicker style={{ width: '100%' }} disabled={status !== 'full'} disabledDate={(d) => d.isAfter(dayjs())} />
        </Form.Item>
        <Form.Item name="categories" label="党员类别"><Select mode="multiple" allowClear options={opts(MEMBER_CATEGORY_VALUES)} /></Form.Item>
        {categories.includes(REPORTING_CATEGORY)
          ? <Form.Item name="reportingOrgId" label="报到社区"><OrgTreeSelect placeholder="在职党员报到的社区" /></Form.Item>
          : <div />}
        <Form.Item name="posts" label="现任职务" tooltip="可输入多项，回车分隔" rules={[zodRule(MemberFields.posts, true)]}>
          <Select mode="tags" tokenSeparators={[',', '，', '、']} open={false} placeholder="如：支部委员、村委委员" />
        </Form.Item>
        <Form.Item name="remarks" label="备注" rules={[zodRule(MemberFields.remarks, true)]}><Input.TextArea maxLength={500} rows={1} autoSize /></Form.Item>
      </Form>
    </Modal>
  );
}
