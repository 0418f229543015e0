import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, Modal, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { SERVICE_LIMITS } from '@dangjian/contracts';
import { useAddVisit } from '../api.ts';

/** 登记走访: date, what was done, an optional photo (JPEG/PNG/WebP, ≤ 5 MB; checked again by the server). */
export function VisitModal({ pairingId, onClose }: { pairingId: string | undefined; onClose: () => void }) {
  const { message } = App.useApp();
  const add = useAddVisit();
  const [photo, setPhoto] = useState<File>();
  const [form] = Form.useForm<{ visitedOn: Dayjs; content: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    add.mutate({ pairingId: pairingId!, body: { visitedOn: v.visitedOn.format('YYYY-MM-DD'), content: v.content }, photo }, {
      onSuccess: () => { void message.success('已登记走访'); form.resetFields(); setPhoto(undefined); onClose(); },
      onError: (e) => void message.error(e.message),
    });
  };
  return (
    <Modal title="登记走访" open={!!pairingId} onOk={() => void submit()} onCancel={onClose} confirmLoading={add.isPending} okText="保存" cancelText="取消" destroyOnHidden okButtonProps={{ 'data-testid': 'service-visit-ok' }}>
      <Form form={form} layout="vertical" initialValues={{ visitedOn: dayjs() }}>
        <Form.Item name="visitedOn" label="走访日期" rules={[{ required: true, message: '请选择日期' }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} inputReadOnly /></Form.Item>
        <Form.Item name="content" label="走访内容" rules={[{ required: true, whitespace: true, message: '请填写走访内容' }, { max: 500 }]}><Input.TextArea rows={3} placeholder="如：送去米面油，了解就医需求" data-testid="service-visit-content" /></Form.Item>
        <Form.Item label="照片（可选）">
          <Upload accept="image/jpeg,image/png,image/webp" maxCount={1} fileList={photo ? [{ uid: '1', name: photo.name, status: 'done' }] : []} onRemove={() => setPhoto(undefined)}
            beforeUpload={(f) => {
              if (f.size > SERVICE_LIMITS.photoMaxBytes) { void message.error('照片不能超过 5 MB'); return Upload.LIST_IGNORE; }
              setPhoto(f);
              return false;
            }}>
            <Button icon={<UploadOutlined />}>选择照片</Button>
          </Upload>
        </Form.Item>
      </Form>
    </Modal>
  );
}
