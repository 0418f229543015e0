import { useState } from 'react';
import { Alert, Empty, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { ORG_HISTORY_ACTIONS, ORG_TYPES, type OrgHistoryEntry, type OrgType } from '@dangjian/contracts';
import { useOrgHistory } from '../admin-api.ts';

const LABELS: Record<string, string> = { name: '名称', shortName: '简称', code: '编码', sortOrder: '排序号', tempReason: '成立原因', validUntil: '有效期', buildingKind: '楼宇类型', status: '状态', path: '路径' };

/** A readable line for one change: what changed from what to what. */
function describe(e: OrgHistoryEntry): string {
  const before = (e.before ?? {}) as Record<string, unknown>;
  const after = (e.after ?? {}) as Record<string, unknown>;
  switch (e.action) {
    case 'create': return `新建${ORG_TYPES[after.type as OrgType] ?? ''}“${String(after.name ?? '')}”`;
    case 'move': return `移至“${String(after.parentName ?? after.parentId ?? '')}”下，共 ${String(after.movedCount ?? 1)} 个组织`;
    case 'merge': return `并入“${String((after.mergedInto as { name?: string } | undefined)?.name ?? '')}”，转出党员 ${String(after.movedMembers ?? 0)} 名、下级组织 ${String(after.movedChildren ?? 0)} 个`;
    case 'merge_in': return `接收“${String((after.mergedFrom as { name?: string } | undefined)?.name ?? '')}”并入，党员 ${String(after.movedMembers ?? 0)} 名`;
    case 'dissolve': return `撤销${after.movedMembers ? `，党员 ${String(after.movedMembers)} 名转入“${String((after.membersTo as { name?: string } | undefined)?.name ?? '')}”` : ''}`;
    case 'receive_members': return `接收“${String((after.from as { name?: string } | undefined)?.name ?? '')}”转入党员 ${String(after.movedMembers ?? 0)} 名`;
    default: {
      const changed = Object.keys(LABELS).filter((k) => k in after && JSON.stringify(before[k]) !== JSON.stringify(after[k]));
      return changed.map((k) => `${LABELS[k]}：${String(before[k] ?? '空')} → ${String(after[k] ?? '空')}`).join('；') || '无字段变化';
    }
  }
}

/** 变更记录: who changed this organization, when, why and what, newest first. */
export function HistoryTab({ orgId }: { orgId: string }) {
  const [page, setPage] = useState(1);
  const history = useOrgHistory(orgId, page);
  const columns = [
    { title: '时间', dataIndex: 'at', width: 160, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
    { title: '操作', dataIndex: 'action', width: 110, render: (a: string) => ORG_HISTORY_ACTIONS[a as keyof typeof ORG_HISTORY_ACTIONS] ?? a },
    { title: '操作人', dataIndex: 'actorName', width: 110, render: (v: string | null) => v ?? '—' },
    { title: '内容', key: 'what', render: (_: unknown, e: OrgHistoryEntry) => describe(e) },
    { title: '原因', dataIndex: 'reason', width: 200, render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
  ];
  return (
    <div data-testid="history-tab">
      {history.isError && <Alert type="error" showIcon title="变更记录加载失败" description={history.error.message} />}
      <Table rowKey="id" size="small" columns={columns} dataSource={history.data?.items ?? []} loading={history.isFetching}
        pagination={{ current: page, pageSize: 10, total: history.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条`, showSizeChanger: false }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录" /> }} />
    </div>
  );
}
