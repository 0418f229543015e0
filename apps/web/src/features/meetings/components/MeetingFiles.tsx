import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Image, List, Popconfirm, Space, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { MeetingDetail } from '@dangjian/contracts';
import { meetingFileUrl, meetingKeys, uploadMeetingFile, useDeleteMeetingFile } from '../api.ts';

const kb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`);

/** Photos and attachments: JPEG/PNG photos, PDF/docx attachments, 10 MB each. */
export function MeetingFiles({ meeting: m }: { meeting: MeetingDetail }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const remove = useDeleteMeetingFile(m.id);
  const [busy, setBusy] = useState(false);
  const upload = (category: 'photo' | 'attachment') => (file: File) => {
    if (file.size > 10 * 1024 * 1024) {
      message.error('单个文件不能超过 10 MB');
      return false;
    }
    setBusy(true);
    uploadMeetingFile(m.id, file, category)
      .then(() => message.success(`已上传：${file.name}`), (e: Error) => message.error(e.message))
      .finally(() => { setBusy(false); void qc.invalidateQueries({ queryKey: meetingKeys.detail(m.id) }); });
    return false;
  };
  const photos = m.files.filter((f) => f.category === 'photo');
  const docs = m.files.filter((f) => f.category === 'attachment');
  return (
    <Card title="会议照片与附件" size="small" extra={m.canEdit && (
      <Space>
        <Upload accept="image/jpeg,image/png" showUploadList={false} beforeUpload={upload('photo')} multiple><Button icon={<UploadOutlined />} loading={busy}>上传照片</Button></Upload>
        <Upload accept=".pdf,.docx" showUploadList={false} beforeUpload={upload('attachment')} multiple><Button icon={<PaperClipOutlined />} loading={busy}>上传附件</Button></Upload>
      </Space>
    )}>
      {m.files.length === 0 && <Empty description="暂无照片或附件" image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      {photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>{photos.map((p) => <Image key={p.id} width={140} height={100} style={{ objectFit: 'cover' }} src={meetingFileUrl(m.id, p.id)} alt={p.name} />)}</Space>
        </Image.PreviewGroup>
      )}
      {(docs.length > 0 || (photos.length > 0 && m.canEdit)) && (
        <List size="small" dataSource={m.canEdit ? m.files : docs} renderItem={(f) => (
          <List.Item actions={m.canEdit ? [
            <Popconfirm key="d" title={`删除“${f.name}”？`} okText="删除" okButtonProps={{ danger: true }} onConfirm={() => remove.mutateAsync(f.id).catch((e: Error) => message.error(e.message))}>
              <Button type="link" danger size="small">删除</Button>
            </Popconfirm>,
          ] : []}>
            <a href={meetingFileUrl(m.id, f.id)} target="_blank" rel="noreferrer">{f.name}</a>（{kb(f.size)}）
          </List.Item>
        )} />
      )}
    </Card>
  );
}
