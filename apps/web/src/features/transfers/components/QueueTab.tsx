import { useState } from 'react';
import { Segmented } from 'antd';
import { TRANSFER_QUEUES } from '@dangjian/contracts';
import { useTransfers } from '../api.ts';
import { TransferTable } from './TransferTable.tsx';

type Queue = keyof typeof TRANSFER_QUEUES;

/** 待办队列: pending, unfinished, due within 7 days, expired, across the caller's subtree. */
export function QueueTab() {
  const [queue, setQueue] = useState<Queue>('pending');
  const [page, setPage] = useState(1);
  const list = useTransfers({ queue, page });
  return (
    <>
      <Segmented<Queue> style={{ marginBottom: 12 }} value={queue} onChange={(q) => { setQueue(q); setPage(1); }}
        options={(Object.keys(TRANSFER_QUEUES) as Queue[]).filter((q) => q !== 'all').map((q) => ({ value: q, label: TRANSFER_QUEUES[q] }))} />
      <TransferTable testId="queue-table" data={list.data} loading={list.isFetching} page={page} onPage={setPage} />
    </>
  );
}
