import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Table, Typography } from 'antd';
import type { MemberListItem } from '@dangjian/contracts';
import { useMe } from '../../auth/api.ts';
import { useMemberList } from '../api.ts';
import { MemberFilterBar, type FilterValues } from '../components/MemberFilterBar.tsx';
import { OrgTreeSelect, useScopeRoots } from '../components/OrgTreeSelect.tsx';
import { orderFromSorter, sortableMemberColumns, type ListOrder } from '../components/sortableColumns.tsx';
import { MemberDetailDrawer } from '../components/MemberDetailDrawer.tsx';
import { MemberFormModal } from '../components/MemberFormModal.tsx';

function Roster({ orgId, onOpen }: { orgId: string; onOpen: (id: string) => void }) {
  const [filters, setFilters] = useState<FilterValues>({});
  const [order, setOrder] = useState<ListOrder>({ sort: 'name', order: 'asc' });
  const list = useMemberList({ orgId, ...filters, ...order });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total;
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== '');
  return (
    <Flex vertical gap={12}>
      <MemberFilterBar value={filters} onChange={setFilters} />
      {list.isError && <Alert type="error" showIcon title="党员名单加载失败" description={list.error.message} />}
      <div data-testid="member-table">
        <Table<MemberListItem>
          rowKey="id"
          size="small"
          columns={sortableMemberColumns(order)}
          dataSource={items}
          loading={list.isPending || (list.isFetching && !list.isFetchingNextPage)}
          pagination={false}
          scroll={{ x: 1050 }}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            setOrder(orderFromSorter(s?.columnKey, s?.order));
          }}
          onRow={(r) => ({ onClick: () => onOpen(r.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? '没有符合条件的党员，请调整筛选条件' : '该组织暂无党员'} /> }}
        />
      </div>
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary" data-testid="member-total">
          {total === undefined ? '' : `已显示 ${items.length} 人，共 ${total} 人`}
        </Typography.Text>
        {list.hasNextPage && (
          <Button data-testid="member-load-more" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>加载更多</Button>
        )}
      </Flex>
    </Flex>
  );
}

/** 党员信息库: pick an organization of your scope, filter and sort its whole subtree, open a member. */
export default function MembersPage() {
  const roots = useScopeRoots();
  const me = useMe();
  const [picked, setPicked] = useState<string | undefined>();
  const [openId, setOpenId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const orgId = picked ?? roots?.[0];
  const canWrite = me.data?.permissions.includes('members:write') ?? false;

  const extra = (
    <Flex gap={8} align="center">
      <OrgTreeSelect value={orgId} onChange={setPicked} style={{ width: 280 }} testId="member-org-picker" />
      {canWrite && <Button type="primary" onClick={() => setCreating(true)} data-testid="member-create">新增党员</Button>}
    </Flex>
  );
  return (
    <Card title="党员信息库" extra={extra}>
      {roots && roots.length === 0 && <Empty description="您没有可管理的组织" />}
      {orgId && <Roster key={orgId} orgId={orgId} onOpen={setOpenId} />}
      <MemberDetailDrawer memberId={openId} onClose={() => setOpenId(undefined)} />
      {creating && <MemberFormModal open defaultOrgId={undefined} onClose={() => setCreating(false)} />}
    </Card>
  );
}
