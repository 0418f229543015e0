import { useState } from 'react';
import { Alert, Button, Empty, Segmented, Space, Table } from 'antd';
import { buildUrl } from '../../../lib/api.ts';
import { POINTS_PERIODS, type LeaderboardResponse } from '@dangjian/contracts';
import { useLeaderboard } from '../api.ts';

type Row = LeaderboardResponse['items'][number];

/** 积分榜: earned points of the subtree for this year, quarter or month (spending does not lower a rank). */
export function LeaderboardTab({ orgId }: { orgId: string | undefined }) {
  const [period, setPeriod] = useState<keyof typeof POINTS_PERIODS>('year');
  const board = useLeaderboard(orgId, period, undefined);
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Segmented value={period} onChange={(v) => setPeriod(v as typeof period)} options={Object.entries(POINTS_PERIODS).map(([value, label]) => ({ value, label }))} />
        <Button href={orgId ? buildUrl('/points/leaderboard/export', { orgId, period }) : undefined} disabled={!orgId || board.isError}>导出 Excel</Button>
      </Space>
      {board.isError && <Alert type="info" showIcon title={board.error.message} />}
      {!board.isError && (
        <Table<Row> rowKey="memberId" loading={board.isPending && !!orgId} dataSource={board.data?.items ?? []} pagination={false} data-testid="points-leaderboard"
          title={() => (board.data ? `${board.data.key} 积分榜` : null)} locale={{ emptyText: <Empty description="本期暂无积分" /> }}
          columns={[
            { title: '名次', dataIndex: 'rank', width: 80 }, { title: '姓名', dataIndex: 'name' }, { title: '所在组织', dataIndex: 'orgName', ellipsis: true },
            { title: '本期积分', dataIndex: 'earned', align: 'right' },
          ]} />
      )}
    </>
  );
}
