import { useState } from 'react';
import { Alert, Button, Empty, Flex, Popconfirm, Space, Table, Tag, Typography, App } from 'antd';
import { TEAM_EXPIRY_NOTICE_DAYS, TEAM_POSTS, type OrgDetail, type Team } from '@dangjian/contracts';
import dayjs from 'dayjs';
import { useDeleteTeam, useTeams } from '../admin-api.ts';
import { TeamFormModal } from './TeamFormModal.tsx';

function termTag(end: string) {
  const left = dayjs(end).diff(dayjs().startOf('day'), 'day');
  if (left < 0) return <Tag color="red">已届满</Tag>;
  if (left <= TEAM_EXPIRY_NOTICE_DAYS) return <Tag color="orange">{`${left} 天后届满`}</Tag>;
  return <Tag color="green">在任</Tag>;
}

/** 班子成员: the organization's leadership teams, newest term first, with create/edit/delete. */
export function TeamsTab({ org, canWrite }: { org: OrgDetail['org']; canWrite: boolean }) {
  const teams = useTeams(org.id);
  const del = useDeleteTeam(org.id);
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Team | null | undefined>(undefined);

  const columns = [
    { title: '届次', dataIndex: 'sessionNo', width: 70, render: (n: number | null) => (n ? `第 ${n} 届` : '—') },
    { title: '任期', key: 'term', width: 210, render: (_: unknown, t: Team) => `${t.termStart} 至 ${t.termEnd}` },
    { title: '状态', key: 'state', width: 110, render: (_: unknown, t: Team) => termTag(t.termEnd) },
    {
      title: '成员', key: 'members', render: (_: unknown, t: Team) => t.members.length === 0 ? <Typography.Text type="secondary">未录入</Typography.Text> : (
        <Space wrap size={[12, 4]}>{t.members.map((m) => <span key={m.id}>{TEAM_POSTS[m.post]}：{m.name}</span>)}</Space>
      ),
    },
    ...(canWrite ? [{
      title: '操作', key: 'ops', width: 120, render: (_: unknown, t: Team) => (
        <Space>
          <Button type="link" size="small" onClick={() => setEditing(t)}>编辑</Button>
          <Popconfirm title="确认删除该班子记录？" description="删除后不可恢复（审计日志保留）。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消"
            onConfirm={async () => { await del.mutateAsync(t.id).then(() => message.success('已删除'), (e: Error) => message.error(e.message)); }}>
            <Button type="link" size="small" danger>删除</Button>
          </Popconfirm>
        </Space>
      ),
    }] : []),
  ];

  return (
    <Flex vertical gap={12} data-testid="teams-tab">
      {canWrite && <div><Button type="primary" onClick={() => setEditing(null)} data-testid="team-create">新建班子</Button></div>}
      {teams.isError && <Alert type="error" showIcon title="班子信息加载失败" description={teams.error.message} />}
      <Table rowKey="id" size="small" columns={columns} dataSource={teams.data?.items ?? []} loading={teams.isPending} pagination={false}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未录入领导班子" /> }} />
      <TeamFormModal org={org} team={editing ?? null} open={editing !== undefined} onClose={() => setEditing(undefined)} />
    </Flex>
  );
}
