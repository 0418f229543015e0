import { useState } from 'react';
import { App, Button, Empty, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { MEMBER_STATUSES, type MemberListResponse } from '@dangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { useAssignMembers, useGridMembers, useRemoveMember } from '../api.ts';

/** Members of the community, searched by name/pinyin/initials as the user types. */
function useCommunityMembers(orgId: string, q: string) {
  return useQuery({
    queryKey: ['members', 'pick', orgId, q],
    queryFn: ({ signal }) => api<MemberListResponse>('/members', { query: { orgId, q: q || undefined, limit: 50 }, signal }),
  });
}

/** Party members assigned to the grid: assign from the community's roster, remove with confirmation. */
export function MembersTab({ gridId, orgId, canEdit }: { gridId: string; orgId: string; canEdit: boolean }) {
  const { message } = App.useApp();
  const members = useGridMembers(gridId);
  const [q, setQ] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const candidates = useCommunityMembers(orgId, q);
  const assign = useAssignMembers(gridId);
  const remove = useRemoveMember(gridId);
  const assigned = new Set((members.data?.items ?? []).map((m) => m.id));

  async function doAssign() {
    try {
      const r = await assign.mutateAsync(picked);
      message.success(`已分配 ${r.assigned} 名党员`);
      setPicked([]);
    } catch (e) {
      message.error((e as Error).message);
    }
  }

  return (
    <>
      {canEdit && (
        <Space.Compact style={{ width: '100%', marginBottom: 8 }}>
          <Select
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: setQ }}
            value={picked}
            onChange={setPicked}
            placeholder="输入姓名、拼音或首字母，选择本村（社区）党员"
            loading={candidates.isFetching}
            options={(candidates.data?.items ?? []).map((m) => ({
              value: m.id, label: `${m.name}（${m.orgName}）`, disabled: assigned.has(m.id),
            }))}
            style={{ flex: 1 }}
            data-testid="grid-member-picker"
          />
          <Button type="primary" disabled={picked.length === 0} loading={assign.isPending} onClick={() => void doAssign()} data-testid="grid-member-assign">分配到网格</Button>
        </Space.Compact>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={members.isPending}
        dataSource={members.data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无分配到本网格的党员" /> }}
        data-testid="grid-member-table"
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '性别', dataIndex: 'gender', render: (g: string) => (g === 'male' ? '男' : '女') },
          { title: '状态', dataIndex: 'status', render: (s: keyof typeof MEMBER_STATUSES) => <Tag color={s === 'full' ? 'red' : 'orange'}>{MEMBER_STATUSES[s]}</Tag> },
          { title: '所在支部', dataIndex: 'orgName', ellipsis: true },
          { title: '电话', dataIndex: 'phoneMasked' },
          ...(canEdit ? [{
            title: '操作', key: 'op', width: 80,
            render: (_: unknown, m: { id: string; name: string }) => (
              <Popconfirm title={`把 ${m.name} 移出本网格？`} okText="移出" okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutateAsync(m.id).then(() => message.success('已移出'), (e: Error) => message.error(e.message))}>
                <Button type="link" size="small" danger>移出</Button>
              </Popconfirm>
            ),
          }] : []),
        ]}
      />
    </>
  );
}
