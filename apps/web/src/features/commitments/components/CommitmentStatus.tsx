import { Tag } from 'antd';
import { COMMITMENT_STATUSES, type CommitmentItem } from '@dangjian/contracts';

const COLORS: Record<string, string> = { draft: 'default', submitted: 'processing', approved: 'success', returned: 'warning' };

/** 状态 tag: 已完成 once completed, else the vetting status. */
export function CommitmentStatus({ c }: { c: Pick<CommitmentItem, 'status' | 'completedAt'> }) {
  if (c.completedAt) return <Tag color="red" data-testid="commitment-status">已完成</Tag>;
  return <Tag color={COLORS[c.status]} data-testid="commitment-status">{COMMITMENT_STATUSES[c.status]}</Tag>;
}
