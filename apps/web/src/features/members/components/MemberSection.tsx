import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Input, Select, Table, Typography } from 'antd';
import { MEMBER_STATUSES, MEMBER_STATUS_CODES, type MemberStatus } from '@dangjian/contracts';
import { useMemberList } from '../api.ts';
import { memberColumns } from './memberColumns.tsx';
import { ExportMembersButton } from '../../imports/components/ExportMembersButton.tsx';

const statusOptions = MEMBER_STATUS_CODES.map((s) => ({ value: s, label: MEMBER_STATUSES[s] }));

/** Member list of an org's whole subtree, with status filter, name search and "load more". */
export function MemberSection({ orgId }: { orgId: string }) {
  const [status, setStatus] = useState<MemberStatus | undefined>();
  const [q, setQ] = useState('');
  const list = useMemberList({ orgId, status, q: q || undefined });

  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;

  const filters = (
    <Flex gap={8} wrap>
      <Select<MemberStatus>
        allowClear
        placeholder="全部状态"
        options={statusOptions}
        value={status}
        onChange={(v) => setStatus(v)}
        style={{ width: 130 }}
        data-testid="member-status-filter"
      />
      <Input.Search
        allowClear
        placeholder="按姓名搜索"
        onSearch={(v) => setQ(v.trim())}
        style={{ width: 200 }}
        data-testid="member-search"
      />
      <ExportMembersButton orgId={orgId} status={status} q={q || undefined} />
    </Flex>
  );

  return (
    <Card title="党员名单" size="small" extra={filters}>
      {list.isError && <Alert type="error" showIcon title="党员名单加载失败" description={list.error.message} style={{ marginBottom: 12 }} />}
      <div data-testid="member-table">
        <Table
          rowKey="id"
          size="small"
          columns={memberColumns}
          dataSource={items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 1050 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无党员" /> }}
        />
      </div>
      <Flex justify="space-between" align="center" style={{ marginTop: 12 }}>
        <Typography.Text type="secondary" data-testid="member-total">
          {total === undefined ? '' : `已显示 ${items.length} 人，共 ${total} 人`}
        </Typography.Text>
        {list.hasNextPage && (
          <Button data-testid="member-load-more" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            加载更多
          </Button>
        )}
      </Flex>
    </Card>
  );
}
