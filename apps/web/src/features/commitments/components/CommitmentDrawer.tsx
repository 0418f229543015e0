import { useState } from 'react';
import { App, Button, DatePicker, Descriptions, Drawer, Empty, Form, Image, Input, List, Space, Timeline, Typography, Upload } from 'antd';
import dayjs from 'dayjs';
import { COMMITMENT_KINDS, COMMITMENT_RATINGS, type CommitmentDetail } from '@dangjian/contracts';
import { formatDay, photoUrl, useAddProgress, useCommitment, useUploadMemberPhoto, useUploadProgressPhoto } from '../api.ts';
import { CommitmentStatus } from './CommitmentStatus.tsx';

/** Progress notes of a commitment as a timeline, each with its photo. */
export function ProgressTimeline({ c }: { c: CommitmentDetail }) {
  if (c.progress.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无践诺记录" />;
  return (
    <Timeline items={c.progress.map((p) => ({
      key: p.id,
      content: (
        <div data-testid="commitment-progress-item">
          <Typography.Text type="secondary">{p.onDate}</Typography.Text>
          <div>{p.note}</div>
          {p.photoId && <Image src={photoUrl(p.photoId)} width={96} alt="践诺照片" />}
        </div>
      ),
    }))} />
  );
}

/** A form to add a 践诺 note (today by default) and optionally a photo. */
export function ProgressForm({ c }: { c: CommitmentDetail }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ onDate: dayjs.Dayjs; note: string }>();
  const [file, setFile] = useState<File>();
  const add = useAddProgress();
  const photo = useUploadProgressPhoto();
  const submit = async () => {
    const v = await form.validateFields();
    add.mutate({ id: c.id, onDate: v.onDate.format('YYYY-MM-DD'), note: v.note }, {
      onSuccess: (d) => {
        const last = [...d.progress].sort((a, b) => Number(b.id) - Number(a.id))[0];
        if (file && last) photo.mutate({ id: c.id, progressId: last.id, file }, { onError: (e) => void message.error(e.message) });
        void message.success('已记录践诺情况');
        form.resetFields();
        setFile(undefined);
      },
      onError: (e) => void message.error(e.message),
    });
  };
  return (
    <Form form={form} layout="vertical" initialValues={{ onDate: dayjs() }} data-testid="commitment-progress-form">
      <Form.Item name="onDate" label="日期" rules={[{ required: true, message: '请选择日期' }]}>
        <DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label="践诺情况" rules={[{ required: true, min: 2, message: '请填写践诺情况' }]}>
        <Input.TextArea rows={3} maxLength={500} showCount data-testid="commitment-progress-note" />
      </Form.Item>
      <Space wrap>
        <Upload accept="image/jpeg,image/png,image/webp" maxCount={1} beforeUpload={(f) => { setFile(f); return false; }} onRemove={() => setFile(undefined)}>
          <Button>配图（可选）</Button>
        </Upload>
        <Button type="primary" loading={add.isPending} onClick={() => void submit()} data-testid="commitment-progress-submit">记录践诺</Button>
      </Space>
    </Form>
  );
}

/** Details of one commitment: text, status, progress, feedback; the progress form while open. */
export function CommitmentDrawer({ id, onClose }: { id: string | undefined; onClose: () => void }) {
  const { message } = App.useApp();
  const d = useCommitment(id);
  const memberPhoto = useUploadMemberPhoto();
  const c = d.data;
  return (
    <Drawer title="承诺详情" open={!!id} onClose={onClose} size="large" loading={d.isPending && !!id}>
      {c && (
        <Space orientation="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={1} size="small" bordered items={[
            { key: 'who', label: COMMITMENT_KINDS[c.kind] === '班子承诺' ? '支部' : '党员', children: `${c.name}（${c.orgName}）` },
            { key: 'y', label: '年度', children: c.year },
            { key: 'c', label: '承诺内容', children: c.content },
            { key: 's', label: '状态', children: <Space><CommitmentStatus c={c} />{c.returnReason && c.status === 'returned' && <span>退回原因：{c.returnReason}</span>}</Space> },
            ...(c.completedAt ? [{ key: 'done', label: '完成情况', children: `${formatDay(c.completedAt)} ${c.completionNote ?? ''} ${c.rating ? `（评诺：${COMMITMENT_RATINGS[c.rating]}）` : ''}` }] : []),
            { key: 'v', label: '公开栏', children: c.villageName },
          ]} />
          {c.memberId && (
            <Upload accept="image/jpeg,image/png,image/webp" showUploadList={false} beforeUpload={(f) => {
              memberPhoto.mutate({ memberId: c.memberId!, file: f }, { onSuccess: () => void message.success('亮身份照片已更新'), onError: (e) => void message.error(e.message) });
              return false;
            }}>
              <Button loading={memberPhoto.isPending}>上传或更换该党员的亮身份照片</Button>
            </Upload>
          )}
          <div>
            <Typography.Title level={5}>践诺记录</Typography.Title>
            <ProgressTimeline c={c} />
            {c.status === 'approved' && !c.completedAt && <ProgressForm c={c} />}
          </div>
          <div>
            <Typography.Title level={5}>群众评价</Typography.Title>
            <List dataSource={c.feedback} locale={{ emptyText: '暂无评价' }} renderItem={(f) => (
              <List.Item>
                <List.Item.Meta title={`${f.nickname ?? '群众'} · ${formatDay(f.createdAt)}${f.hidden ? '（已隐藏）' : ''}`} description={
                  <>{f.content}{f.answer && <div style={{ color: '#c8102e' }}>支部回复：{f.answer}</div>}</>
                } />
              </List.Item>
            )} />
          </div>
        </Space>
      )}
    </Drawer>
  );
}
