import { Alert, Empty, Skeleton, Tag, Timeline, Typography } from 'antd';
import { MEMBER_FIELD_LABELS, MEMBER_HISTORY_ACTIONS, type MemberHistoryEntry } from '@dangjian/contracts';
import { useMemberHistory } from '../api.ts';

const show = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '（空）';
  if (Array.isArray(v)) return v.length ? v.join('、') : '（空）';
  if (v === 'full') return '正式党员';
  if (v === 'probationary') return '预备党员';
  if (v === 'male') return '男';
  if (v === 'female') return '女';
  return String(v);
};

function Entry({ e }: { e: MemberHistoryEntry }) {
  const when = new Date(e.at).toLocaleString('zh-CN', { hour12: false });
  return (
    <div data-testid="member-history-entry">
      <Typography.Text strong>{MEMBER_HISTORY_ACTIONS[e.action]}</Typography.Text>
      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>{when} · {e.actorName ?? '系统'}</Typography.Text>
      {e.action === 'move' ? (
        <div>
          {e.fromOrgName ?? '（管理范围外组织）'} → <Tag color="blue">{e.toOrgName ?? '（管理范围外组织）'}</Tag>
          {e.reason && <Typography.Text type="secondary">原因：{e.reason}</Typography.Text>}
        </div>
      ) : (
        <ul style={{ margin: '4px 0', paddingInlineStart: 18 }}>
          {Object.entries(e.changes).map(([field, [before, after]]) => (
            <li key={field}>
              {MEMBER_FIELD_LABELS[field] ?? field}：{e.action === 'create' ? show(after) : `${show(before)} → ${show(after)}`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** 变更记录: every create, change and move of the member, newest first. */
export function MemberHistoryList({ memberId }: { memberId: string }) {
  const history = useMemberHistory(memberId);
  if (history.isPending) return <Skeleton active />;
  if (history.isError) return <Alert type="error" showIcon title="变更记录加载失败" description={history.error.message} />;
  if (history.data.items.length === 0) return <Empty description="暂无变更记录（系统上线前导入的数据无记录）" />;
  return <Timeline items={history.data.items.map((e) => ({ key: e.id, content: <Entry e={e} /> }))} />;
}
