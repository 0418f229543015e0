import { App, Button, Modal, Table } from 'antd';
import type { VoteResults } from '@dangjian/contracts';
import { useVote, useVoteResults } from '../api-more.ts';

type Row = VoteResults['items'][number];

/** Entries of a vote round with their votes; one vote per member per round, confirmed first. */
export function VoteModal({ roundId, onClose }: { roundId: string; onClose: () => void }) {
  const r = useVoteResults(roundId);
  const vote = useVote(roundId);
  const { message, modal } = App.useApp();
  const voted = !!r.data?.round.myVote;
  const cast = (row: Row) => modal.confirm({
    title: `投票给「${row.title}」？`, content: '每人每轮只能投一票，投出后不能更改。',
    onOk: () => vote.mutateAsync(row.microLessonId).then(() => message.success('投票成功'), (e: Error) => message.error(e.message)),
  });
  return (
    <Modal open width={760} title={r.data?.round.title ?? '投票'} footer={null} onCancel={onClose}>
      <p>共 {r.data?.totalVotes ?? 0} 票</p>
      <Table<Row> rowKey="microLessonId" size="small" loading={r.isPending} dataSource={r.data?.items ?? []} pagination={false}
        columns={[
          { title: '作品', dataIndex: 'title' }, { title: '作者', dataIndex: 'submitterName' }, { title: '组织', dataIndex: 'orgName' },
          { title: '票数', dataIndex: 'votes' },
          { title: '', render: (_, row) => (voted ? (r.data?.round.myVote === row.microLessonId ? '我的投票' : null) : <Button size="small" onClick={() => cast(row)} disabled={r.data?.round.closed}>投票</Button>) },
        ]} />
    </Modal>
  );
}
