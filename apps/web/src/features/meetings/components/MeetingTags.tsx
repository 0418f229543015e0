import { Tag, Tooltip } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import type { MeetingListItem } from '@dangjian/contracts';

/** Lock, 补录 and quorum flags of a record, the same in the list and the detail. */
export function MeetingTags({ m }: { m: MeetingListItem }) {
  return (
    <>
      {m.status === 'planned' && <Tag>计划</Tag>}
      {m.status === 'cancelled' && <Tag>已取消</Tag>}
      {m.locked && <Tag icon={<LockOutlined />} color="default" data-testid="meeting-locked-tag">已锁定</Tag>}
      {m.lateEntry && <Tooltip title="会议召开后超过锁定期才录入"><Tag color="orange">补录</Tag></Tooltip>}
      {m.quorum && !m.quorum.met && (
        <Tooltip title={`有表决权的正式党员应到 ${m.quorum.fullDue} 人，实到 ${m.quorum.fullPresent} 人，须达半数（${m.quorum.required} 人）`}>
          <Tag color="red" data-testid="meeting-quorum-warning">未达半数</Tag>
        </Tooltip>
      )}
      {m.amendmentCount > 0 && <Tag color="blue">已更正 {m.amendmentCount} 次</Tag>}
    </>
  );
}

/** 'YYYY-MM-DD HH:mm' in China time. */
export function fmtTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}
