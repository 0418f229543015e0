import { useState } from 'react';
import { App, Button, InputNumber, Modal, Space, Table } from 'antd';
import type { SelectionResults, SelectionRound } from '@dangjian/contracts';
import { useScore, useSelectionResults } from '../api-more.ts';

type Item = SelectionResults['items'][number];

/** Results ranked by average score; a committee member scores each nominee once (0–100). */
export function SelectionModal({ round, onClose }: { round: SelectionRound; onClose: () => void }) {
  const results = useSelectionResults(round.id);
  const score = useScore(round.id);
  const [draft, setDraft] = useState<Record<string, number>>({});
  const { message, modal } = App.useApp();
  const send = (item: Item) => modal.confirm({
    title: `为「${item.nominee}」打 ${draft[item.id]} 分？`, content: '每位评委对每个对象只能打分一次，提交后不能修改。',
    onOk: () => score.mutateAsync({ itemId: item.id, score: draft[item.id]! }).then(() => message.success('已打分'), (e: Error) => message.error(e.message)),
  });
  return (
    <Modal open width={760} title={round.title} footer={<Button onClick={() => window.print()}>打印结果</Button>} onCancel={onClose}>
      <Table<Item> rowKey="id" size="small" loading={results.isPending} dataSource={results.data?.items ?? []} pagination={false}
        columns={[
          { title: '名次', dataIndex: 'rank', width: 60, render: (v: number | null) => v ?? '—' }, { title: '参评对象', dataIndex: 'nominee' },
          { title: '评委人数', dataIndex: 'scoreCount', width: 80 }, { title: '平均分', dataIndex: 'average', width: 80, render: (v: number | null) => v ?? '—' },
          ...(round.isCommittee ? [{
            title: '我的打分', render: (_: unknown, it: Item) => (it.myScore !== null ? it.myScore : (
              <Space>
                <InputNumber min={0} max={100} value={draft[it.id]} onChange={(v) => setDraft({ ...draft, [it.id]: v ?? 0 })} />
                <Button size="small" disabled={draft[it.id] === undefined} onClick={() => send(it)}>提交</Button>
              </Space>
            )),
          }] : []),
        ]} />
    </Modal>
  );
}
