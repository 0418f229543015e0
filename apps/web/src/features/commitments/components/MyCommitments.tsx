import { useState } from 'react';
import { App, Alert, Avatar, Button, Card, Collapse, Empty, Input, List, Popconfirm, Select, Space, Typography, Upload } from 'antd';
import type { CommitmentDetail } from '@dangjian/contracts';
import {
  formatDay, photoUrl, thisYear, useCreateCommitment, useDeleteCommitment, useMyCommitments, useSubmitCommitment, useUpdateCommitment, useUploadMyPhoto,
} from '../api.ts';
import { CommitmentStatus } from './CommitmentStatus.tsx';
import { ProgressForm, ProgressTimeline } from './CommitmentDrawer.tsx';

/** One of my commitments: edit and submit while a draft or returned; progress and feedback once approved. */
function MyItem({ c }: { c: CommitmentDetail }) {
  const { message } = App.useApp();
  const [text, setText] = useState<string>();
  const update = useUpdateCommitment();
  const submit = useSubmitCommitment();
  const remove = useDeleteCommitment();
  const editable = c.status === 'draft' || c.status === 'returned';
  const fail = (e: Error) => void message.error(e.message);
  return (
    <Card size="small" style={{ marginBottom: 12 }} data-testid="my-commitment" title={<Space><CommitmentStatus c={c} /><span>{c.year} 年</span></Space>}>
      {c.status === 'returned' && c.returnReason && <Alert type="warning" showIcon title={`退回原因：${c.returnReason}`} style={{ marginBottom: 8 }} />}
      {text === undefined ? <Typography.Paragraph style={{ fontSize: 16 }}>{c.content}</Typography.Paragraph> : (
        <Input.TextArea value={text} onChange={(e) => setText(e.target.value)} rows={3} maxLength={300} showCount />
      )}
      {editable && (
        <Space wrap>
          {text === undefined ? <Button onClick={() => setText(c.content)}>修改</Button> : (
            <Button onClick={() => update.mutate({ id: c.id, content: text }, { onSuccess: () => setText(undefined), onError: fail })} loading={update.isPending}>保存</Button>
          )}
          <Popconfirm title="提交后由支部审核，审核期间不能修改。确定提交？" okText="提交" cancelText="取消" okButtonProps={{ 'data-testid': 'my-commitment-submit-confirm' }}
            onConfirm={() => submit.mutate(c.id, { onSuccess: () => void message.success('已提交支部审核'), onError: fail })}>
            <Button type="primary" data-testid="my-commitment-submit">提交审核</Button>
          </Popconfirm>
          <Popconfirm title="删除这条承诺？" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove.mutate(c.id, { onError: fail })}>
            <Button danger>删除</Button>
          </Popconfirm>
        </Space>
      )}
      {c.status === 'approved' && (
        <Collapse size="small" items={[
          { key: 'p', label: `践诺记录（${c.progress.length}）`, children: <><ProgressTimeline c={c} />{!c.completedAt && <ProgressForm c={c} />}</> },
          { key: 'f', label: `群众评价（${c.feedback.length}）`, children: (
            <List dataSource={c.feedback} locale={{ emptyText: '暂无评价' }} renderItem={(f) => (
              <List.Item><List.Item.Meta title={`${f.nickname ?? '群众'} · ${formatDay(f.createdAt)}`} description={<>{f.content}{f.answer && <div style={{ color: '#c8102e' }}>支部回复：{f.answer}</div>}</>} /></List.Item>
            )} />
          ) },
        ]} />
      )}
      {c.completedAt && <Typography.Text type="success">已于 {formatDay(c.completedAt)} 完成：{c.completionNote}</Typography.Text>}
    </Card>
  );
}

/** 我的承诺 (phone-first): my badge (photo, name, post), my commitments of the year, a form for a new one. */
export function MyCommitments() {
  const { message } = App.useApp();
  const [year, setYear] = useState(thisYear());
  const [draft, setDraft] = useState('');
  const mine = useMyCommitments(year);
  const create = useCreateCommitment();
  const photo = useUploadMyPhoto();
  const m = mine.data?.member;
  const add = () => {
    if (draft.trim().length < 5) return void message.warning('承诺内容至少 5 个字');
    create.mutate({ year, content: draft.trim() }, { onSuccess: () => { setDraft(''); void message.success('已保存草稿，请提交审核'); }, onError: (e) => void message.error(e.message) });
  };
  return (
    <Card title="我的承诺" loading={mine.isPending} styles={{ body: { padding: 12 } }} extra={<Select value={year} onChange={setYear} style={{ width: 100 }} options={[thisYear() + 1, thisYear(), thisYear() - 1].map((y) => ({ value: y, label: `${y} 年` }))} />}>
      {mine.isError && <Alert type="error" showIcon title="加载失败" description={mine.error.message} />}
      {mine.data && !m && <Empty description="当前账号未关联党员档案" />}
      {m && (
        <>
          <Space align="center" style={{ marginBottom: 12 }} data-testid="my-badge">
            <Avatar size={64} src={m.photoId ? photoUrl(m.photoId) : undefined}>{m.name.slice(-2)}</Avatar>
            <div>
              <Typography.Text strong style={{ fontSize: 18 }}>{m.name}</Typography.Text>
              <div><Typography.Text type="secondary">{m.post} · {m.orgName}</Typography.Text></div>
              <Upload accept="image/jpeg,image/png,image/webp" showUploadList={false}
                beforeUpload={(f) => { photo.mutate(f, { onSuccess: () => void message.success('照片已更新'), onError: (e) => void message.error(e.message) }); return false; }}>
                <Button size="small" loading={photo.isPending}>{m.photoId ? '更换亮身份照片' : '上传亮身份照片'}</Button>
              </Upload>
            </div>
          </Space>
          {mine.data!.items.length === 0 && <Empty description={`${year} 年还没有承诺`} />}
          {mine.data!.items.map((c) => <MyItem key={c.id} c={c} />)}
          <Card size="small" title="新增承诺">
            <Input.TextArea value={draft} onChange={(e) => setDraft(e.target.value)} rows={3} maxLength={300} showCount placeholder="如：帮助 2 户困难群众；每月参加 1 次志愿服务" data-testid="my-commitment-input" />
            <Button type="primary" block style={{ marginTop: 24 }} onClick={add} loading={create.isPending} data-testid="my-commitment-add">保存草稿</Button>
          </Card>
        </>
      )}
    </Card>
  );
}
