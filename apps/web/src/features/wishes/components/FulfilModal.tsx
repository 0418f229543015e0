import { useState } from 'react';
import { App, Button, Form, Input, Modal, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { WISH_LIMITS, type Wish } from '@dangjian/contracts';
import { uploadWishPhoto, useFulfil } from '../api.ts';

const TYPES = ['image/jpeg', 'image/png', 'image/webp'];

/** 完成服务: photos of the help given (sent first), then a note; the resident is asked to confirm. */
export function FulfilModal({ wish, onClose }: { wish: Wish | undefined; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [busy, setBusy] = useState(false);
  const fulfil = useFulfil();
  const submit = async () => {
    const v = await form.validateFields();
    if (!wish) return;
    setBusy(true);
    try {
      for (const f of files) if (f.originFileObj) await uploadWishPhoto(wish.id, f.originFileObj, 'fulfil');
      await fulfil.mutateAsync({ id: wish.id, note: v.note.trim() });
      void message.success('已提交，等待群众确认');
      setFiles([]);
      form.resetFields();
      onClose();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '提交失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={wish ? `完成服务：${wish.title}` : '完成服务'} open={!!wish} onCancel={onClose} onOk={() => void submit()} confirmLoading={busy}
      okText="提交完成" cancelText="取消" okButtonProps={{ 'data-testid': 'wish-fulfil-ok' }} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item label={`服务照片（最多 ${WISH_LIMITS.photosMax} 张）`}>
          <Upload listType="picture" accept={TYPES.join(',')} fileList={files} maxCount={WISH_LIMITS.photosMax} multiple
            beforeUpload={(file) => {
              if (!TYPES.includes(file.type)) { void message.error(`${file.name}：只能上传 JPEG、PNG 或 WebP 图片`); return Upload.LIST_IGNORE; }
              if (file.size > WISH_LIMITS.photoMaxBytes) { void message.error(`${file.name}：单张照片不能超过 5 MB`); return Upload.LIST_IGNORE; }
              return false; // sent on submit
            }}
            onChange={({ fileList }) => setFiles(fileList)}>
            <Button icon={<UploadOutlined />} data-testid="wish-fulfil-photo">选择照片</Button>
          </Upload>
        </Form.Item>
        <Form.Item name="note" label="完成情况" rules={[{ required: true, whitespace: true, min: 5, message: '请说明完成情况（至少 5 个字）' }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="例如：已上门更换楼道灯泡 2 个" data-testid="wish-fulfil-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
