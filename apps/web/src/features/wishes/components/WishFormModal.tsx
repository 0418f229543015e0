import { App, Form, Input, Modal, Select } from 'antd';
import type { WishCreateRequest } from '@dangjian/contracts';
import { showApiError } from '../../grids/components/formErrors.ts';
import { useCreateWish } from '../api.ts';
import { categoryOptions } from './labels.tsx';
import { GridSelect } from './GridSelect.tsx';

/** 录入心愿: a wish brought to the branch in person or by phone; it goes on the wall at once. */
export function WishFormModal({ orgId, open, onClose }: { orgId: string | undefined; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<WishCreateRequest>();
  const create = useCreateWish();
  const submit = async () => {
    const v = await form.validateFields();
    create.mutate({ ...v, nickname: v.nickname || undefined, residentPhone: v.residentPhone || undefined }, {
      onSuccess: () => { void message.success('心愿已录入，已在心愿墙公开'); form.resetFields(); onClose(); },
      onError: (e) => { const m = showApiError(form, e); if (m) void message.error(m); },
    });
  };
  return (
    <Modal title="录入心愿" open={open} onOk={() => void submit()} onCancel={onClose} confirmLoading={create.isPending} okText="保存" cancelText="取消"
      okButtonProps={{ 'data-testid': 'wish-form-ok' }} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="wish-form">
        <Form.Item name="gridId" label="所在网格" rules={[{ required: true, message: '请选择网格' }]}>
          <GridSelect orgId={orgId} testId="wish-form-grid" />
        </Form.Item>
        <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={categoryOptions} data-testid="wish-form-category" />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, min: 2, message: '请填写心愿标题（至少 2 个字）' }]}>
          <Input maxLength={40} showCount data-testid="wish-form-title" />
        </Form.Item>
        <Form.Item name="content" label="内容" rules={[{ required: true, min: 5, message: '请说明心愿内容（至少 5 个字）' }]}>
          <Input.TextArea maxLength={500} showCount rows={4} data-testid="wish-form-content" />
        </Form.Item>
        <Form.Item name="nickname" label="群众称呼（心愿墙上显示，如“王阿姨”）">
          <Input maxLength={10} />
        </Form.Item>
        <Form.Item name="residentPhone" label="群众手机号码（不公开，仅用于回访）" rules={[{ pattern: /^1[3-9]\d{9}$/, message: '请输入 11 位手机号码' }]}>
          <Input maxLength={11} inputMode="numeric" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
