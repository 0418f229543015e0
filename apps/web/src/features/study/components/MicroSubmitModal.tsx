import { useState } from 'react';
import { App, Form, Input, Modal, Radio, Upload } from 'antd';
import { MICRO_MAX_BYTES } from '@dangjian/contracts';
import { useSubmitMicro, useUploadMicro } from '../api-more.ts';

/** 提交作品: an external link, or a video/courseware file of at most 50 MB. */
export function MicroSubmitModal({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<{ title: string; description?: string; link?: string }>();
  const [mode, setMode] = useState<'link' | 'file'>('link');
  const [file, setFile] = useState<File | null>(null);
  const link = useSubmitMicro();
  const upload = useUploadMicro();
  const { message } = App.useApp();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (mode === 'link') await link.mutateAsync({ title: v.title, description: v.description || undefined, link: v.link! });
      else {
        if (!file) return void message.warning('请选择文件');
        if (file.size > MICRO_MAX_BYTES) return void message.error('文件不能超过 50 MB');
        await upload.mutateAsync({ title: v.title, file });
      }
      message.success('已提交，等待审核');
      onClose();
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <Modal open title="提交微党课 / 微视频" onOk={submit} onCancel={onClose} confirmLoading={link.isPending || upload.isPending} okText="提交">
      <Form form={form} layout="vertical">
        <Form.Item name="title" label="作品名称" rules={[{ required: true, message: '请填写名称' }, { max: 200 }]}><Input /></Form.Item>
        <Form.Item name="description" label="简介"><Input.TextArea rows={2} maxLength={2000} /></Form.Item>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value)} options={[{ value: 'link', label: '外部链接' }, { value: 'file', label: '上传文件' }]} style={{ marginBottom: 12 }} />
        {mode === 'link' ? (
          <Form.Item name="link" label="链接" rules={[{ required: true, message: '请填写链接' }, { type: 'url', message: '链接格式不正确' }]}><Input placeholder="https://" /></Form.Item>
        ) : (
          <Upload beforeUpload={(f) => { setFile(f); return false; }} maxCount={1} accept="video/mp4,video/webm,video/quicktime,application/pdf,.pptx,.docx" onRemove={() => setFile(null)}>
            <a>选择文件（MP4/MOV/WebM/PDF/PPTX/DOCX，≤ 50 MB）</a>
          </Upload>
        )}
      </Form>
    </Modal>
  );
}
