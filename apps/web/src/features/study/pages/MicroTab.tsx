import { useState } from 'react';
import { App, Button, Card, Empty, Input, Space, Table, Tag } from 'antd';
import { MICRO_STATUSES, type MicroItem, type VoteRound } from '@dangjian/contracts';
import { useMe } from '../../auth/api.ts';
import { useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { useCreateVoteRound, useMicro, useReviewMicro, useVoteRounds } from '../api-more.ts';
import { MicroSubmitModal } from '../components/MicroSubmitModal.tsx';
import { VoteModal } from '../components/VoteModal.tsx';

const COLORS = { pending: 'processing', approved: 'success', rejected: 'error' } as const;

/** 微党课: submissions (members), review (secretaries), vote rounds (one vote per member per round). */
export default function MicroTab() {
  const micro = useMicro();
  const rounds = useVoteRounds();
  const review = useReviewMicro();
  const createRound = useCreateVoteRound();
  const canManage = useMe().data?.permissions.includes('members:write') ?? false;
  const orgId = useDefaultOrgId();
  const [submitting, setSubmitting] = useState(false);
  const [round, setRound] = useState<VoteRound | null>(null);
  const { message, modal } = App.useApp();

  const reject = (m: MicroItem) => {
    let reason = '';
    modal.confirm({
      title: `驳回「${m.title}」`, content: <Input.TextArea rows={3} maxLength={500} placeholder="驳回原因（必填）" onChange={(e) => { reason = e.target.value; }} />,
      onOk: () => review.mutateAsync({ id: m.id, approve: false, reason }).catch((e: Error) => { message.error(e.message); throw e; }),
    });
  };
  const newRound = () => {
    let title = '';
    modal.confirm({
      title: '发起投票评选', content: <Input maxLength={200} placeholder="评选名称" onChange={(e) => { title = e.target.value; }} />,
      onOk: () => createRound.mutateAsync({ orgId: orgId!, title }).catch((e: Error) => { message.error(e.message); throw e; }),
    });
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small" title="微党课、微视频" extra={<Button type="primary" onClick={() => setSubmitting(true)}>提交作品</Button>}>
        <Table<MicroItem> rowKey="id" size="small" loading={micro.isPending} dataSource={micro.data?.items ?? []} locale={{ emptyText: <Empty description="暂无作品" /> }}
          columns={[
            { title: '作品', dataIndex: 'title' }, { title: '作者', dataIndex: 'submitterName' }, { title: '组织', dataIndex: 'orgName' },
            { title: '观看', render: (_, m) => (m.link ? <a href={m.link} target="_blank" rel="noreferrer noopener">外部链接</a> : <a href={`/api/v1/lessons/micro/${m.id}/file`} target="_blank" rel="noreferrer">{m.fileName}</a>) },
            { title: '状态', render: (_, m) => <Space><Tag color={COLORS[m.status]}>{MICRO_STATUSES[m.status]}</Tag>{m.rejectReason && <span>{m.rejectReason}</span>}</Space> },
            { title: '审核', render: (_, m) => m.reviewable && (
              <Space><Button size="small" type="link" onClick={() => review.mutate({ id: m.id, approve: true })}>通过</Button><Button size="small" type="link" danger onClick={() => reject(m)}>驳回</Button></Space>
            ) },
          ]} />
      </Card>
      <Card size="small" title="投票评选" extra={canManage && <Button onClick={newRound} disabled={!orgId}>发起投票</Button>}>
        <Table<VoteRound> rowKey="id" size="small" loading={rounds.isPending} dataSource={rounds.data?.items ?? []} pagination={false} locale={{ emptyText: <Empty description="暂无投票" /> }}
          columns={[
            { title: '评选', dataIndex: 'title' }, { title: '发起组织', dataIndex: 'orgName' },
            { title: '我的投票', dataIndex: 'myVote', render: (v: string | null) => (v ? <Tag color="success">已投票</Tag> : <Tag>未投票</Tag>) },
            { title: '操作', render: (_, r) => <Button type="link" onClick={() => setRound(r)}>{r.myVote ? '查看结果' : '投票'}</Button> },
          ]} />
      </Card>
      {submitting && <MicroSubmitModal onClose={() => setSubmitting(false)} />}
      {round && <VoteModal roundId={round.id} onClose={() => setRound(null)} />}
    </Space>
  );
}
