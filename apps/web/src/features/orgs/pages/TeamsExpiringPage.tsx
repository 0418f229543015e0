import { useState } from 'react';
import { Alert, Card, Empty, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ORG_TYPES, TEAM_EXPIRY_NOTICE_DAYS, type ExpiringTeam, type OrgType } from '@dangjian/contracts';
import { useExpiringTeams } from '../admin-api.ts';

/** 换届提醒: teams in the user's scope whose term ends within 90 days or has ended, soonest first. */
export default function TeamsExpiringPage() {
  const [page, setPage] = useState(1);
  const list = useExpiringTeams(undefined, page);
  const columns = [
    { title: '组织', dataIndex: 'orgName', render: (n: string, r: ExpiringTeam) => <Link to={`/orgs/${r.orgId}`}>{n}</Link> },
    { title: '类型', dataIndex: 'orgType', width: 130, render: (t: OrgType) => ORG_TYPES[t] },
    { title: '届次', dataIndex: 'sessionNo', width: 80, render: (n: number | null) => (n ? `第 ${n} 届` : '—') },
    { title: '任期', key: 'term', width: 220, render: (_: unknown, r: ExpiringTeam) => `${r.termStart} 至 ${r.termEnd}` },
    {
      title: '剩余', key: 'left', width: 140, render: (_: unknown, r: ExpiringTeam) => (r.expired
        ? <Tag color="red" data-testid="expired-tag">已届满 {-r.daysLeft} 天</Tag>
        : <Tag color={r.daysLeft <= 30 ? 'orange' : 'gold'}>剩 {r.daysLeft} 天</Tag>),
    },
  ];
  return (
    <Card title="换届提醒" extra={<Typography.Text type="secondary">{`任期 ${TEAM_EXPIRY_NOTICE_DAYS} 天内届满或已届满的领导班子`}</Typography.Text>}>
      {list.isError && <Alert type="error" showIcon title="加载失败" description={list.error.message} style={{ marginBottom: 12 }} />}
      <Table rowKey="teamId" size="small" columns={columns} dataSource={list.data?.items ?? []} loading={list.isFetching} data-testid="expiring-table"
        pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个班子`, showSizeChanger: false }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无需要换届的班子" /> }} />
    </Card>
  );
}
