import { useEffect } from 'react';
import { App, DatePicker, Form, Input, InputNumber, Modal, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import {
  BUILDING_KINDS, ORG_TYPES, childTypesOf, type BuildingKind, type OrgDetail, type OrgType,
} from '@dangjian/contracts';
import { useCreateOrg, useUpdateOrg } from '../admin-api.ts';
import { applyServerError } from './form-errors.ts';

interface Values {
  type?: OrgType; name: string; shortName?: string; code?: string; sortOrder?: number;
  tempReason?: string; validUntil?: Dayjs; buildingKind?: BuildingKind; reason?: string;
}
const FIELDS = ['type', 'name', 'shortName', 'code', 'sortOrder', 'tempReason', 'validUntil', 'buildingKind', 'reason'];
const kindOptions = Object.entries(BUILDING_KINDS).map(([value, label]) => ({ value, label }));

/**
 * 新建下级组织 (mode 'create', under `org`) or 编辑/重命名 (mode 'edit', of `org`). The type list
 * only offers what the parent rules allow; a rename asks for the reason.
 */
export function OrgFormModal({ mode, org, open, onClose, onCreated }: {
  mode: 'create' | 'edit'; org: OrgDetail['org']; open: boolean; onClose: () => void; onCreated?: (id: string) => void;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const create = useCreateOrg();
  const update = useUpdateOrg(org.id);
  const type = Form.useWatch('type', form) ?? (mode === 'edit' ? org.type : undefined);
  const name = Form.useWatch('name', form);
  const renamed = mode === 'edit' && name !== undefined && name.trim() !== org.name;
  const typeOptions = childTypesOf(org.type).map((t) => ({ value: t, label: ORG_TYPES[t] }));

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (mode === 'edit') {
      form.setFieldsValue({
        name: org.name, shortName: org.shortName ?? undefined, code: org.code ?? undefined, sortOrder: org.sortOrder,
        tempReason: org.tempReason ?? undefined, validUntil: org.validUntil ? dayjs(org.validUntil) : undefined,
        buildingKind: org.buildingKind ?? undefined,
      });
    }
  }, [open, mode, org, form]);

  const submit = async (v: Values) => {
    const common = {
      name: v.name.trim(), shortName: v.shortName?.trim() || null, code: v.code?.trim() || null, ...(v.sortOrder !== undefined && v.sortOrder !== null ? { sortOrder: v.sortOrder } : {}),
      ...(type === 'temp_branch' ? { tempReason: v.tempReason?.trim() || null, validUntil: v.validUntil?.format('YYYY-MM-DD') ?? null } : {}),
      ...(type === 'building_branch' ? { buildingKind: v.buildingKind ?? null } : {}),
    };
    try {
      if (mode === 'create') {
        const created = await create.mutateAsync({ parentId: org.id, type: v.type!, ...common });
        message.success(`已新建“${created.name}”`);
        onCreated?.(created.id);
      } else {
        await update.mutateAsync({ ...common, ...(renamed ? { reason: v.reason?.trim() } : {}) });
        message.success('已保存');
      }
      onClose();
    } catch (e) {
      const msg = applyServerError(form, e, FIELDS);
      if (msg) message.error(msg);
    }
  };

  return (
    <Modal
      open={open}
      title={mode === 'create' ? `在“${org.name}”下新建组织` : `编辑“${org.name}”`}
      okText="保存"
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'org-form-submit' } as ButtonProps}
    >
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="org-form">
        {mode === 'create' && (
          <Form.Item name="type" label="组织类型" rules={[{ required: true, message: '请选择组织类型' }]}
            extra={typeOptions.length === 0 ? '该类型的组织下不能再设下级组织' : undefined}>
            <Select options={typeOptions} placeholder="请选择" data-testid="org-form-type" />
          </Form.Item>
        )}
        <Form.Item name="name" label="组织名称" rules={[{ required: true, whitespace: true, message: '请输入组织名称' }, { min: 2, max: 100, message: '名称为 2 到 100 个字' }]}>
          <Input maxLength={100} data-testid="org-form-name" />
        </Form.Item>
        {renamed && (
          <Form.Item name="reason" label="更名原因" rules={[{ required: true, whitespace: true, message: '更名须填写原因' }]}>
            <Input.TextArea maxLength={200} rows={2} placeholder="如：村改社区，依据某某党委〔2026〕1号文件" data-testid="org-form-reason" />
          </Form.Item>
        )}
        <Form.Item name="shortName" label="简称"><Input maxLength={50} /></Form.Item>
        <Form.Item name="code" label="组织编码"><Input maxLength={50} /></Form.Item>
        <Form.Item name="sortOrder" label="排序号" extra="数字越小越靠前；新建时不填则排在最后"><InputNumber min={0} max={99999} precision={0} /></Form.Item>
        {type === 'temp_branch' && (
          <>
            <Form.Item name="tempReason" label="成立原因" rules={[{ required: true, whitespace: true, message: '请填写成立原因' }]}>
              <Input.TextArea maxLength={200} rows={2} placeholder="如：外出务工党员相对集中，成立临时党支部" />
            </Form.Item>
            <Form.Item name="validUntil" label="有效期至" rules={[{ required: true, message: '请选择有效期' }]}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        {type === 'building_branch' && (
          <Form.Item name="buildingKind" label="楼宇党支部类型" rules={[{ required: true, message: '请选择类型' }]}>
            <Select options={kindOptions} placeholder="枢纽型 / 物业型 / 托管型" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
