import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Empty, Flex, Input, Popconfirm, Space, Table, Typography } from 'antd';
import type { GridListItem } from '@dangjian/contracts';
import { useMe } from '../../auth/api.ts';
import { GRID_PAGE_SIZE, useDeleteGrid, useGridList } from '../api.ts';
import { OrgPicker, useDefaultOrgId } from '../components/OrgPicker.tsx';
import { GridFormModal } from '../components/GridFormModal.tsx';
import { GridDrawer } from '../components/GridDrawer.tsx';

/** 网格管理: grids of a subtree with their counts; ?orgId= picks the subtree, ?grid= opens one. */
export default function GridsPage() {
  const [params, setParams] = useSearchParams();
  const defaultOrg = useDefaultOrgId();
  const orgId = params.get('orgId') ?? defaultOrg;
  const openGrid = params.get('grid') ?? undefined;
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<GridListItem | 'new' | null>(null);
  const list = useGridList(orgId, q, page);
  const remove = useDeleteGrid();
  const { message } = App.useApp();
  const canEdit = useMe().data?.permissions.includes('grids:write') ?? false;

  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next);
  };

  return (
    <Card
      title="网格管理"
      extra={
        <Space wrap>
          <OrgPicker value={orgId} onChange={(id) => { setPage(1); setParam('orgId', id); }} testId="grid-org-picker" />
          <Input.Search allowClear placeholder="按网格名称搜索" onSearch={(v) => { setPage(1); setQ(v.trim()); }} style={{ width: 200 }} />
          {canEdit && <Button type="primary" onClick={() => setEditing('new')} data-testid="grid-new">新建网格</Button>}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        人在网中走、事在格中办：把村（社区）划分为服务网格，党员和群众落到网格，民情诉求按网格流转。
      </Typography.Paragraph>
      {list.isError && <Alert type="error" showIcon title="网格加载失败" description={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<GridListItem>
        rowKey="id"
        size="middle"
        loading={list.isPending && !!orgId}
        dataSource={list.data?.items ?? []}
        data-testid="grid-table"
        onRow={(g) => ({ onClick: () => setParam('grid', g.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: GRID_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个网格`, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={canEdit ? '暂无网格，点击右上角“新建网格”' : '暂无网格'} /> }}
        scroll={{ x: 1000 }}
        columns={[
          { title: '网格名称', dataIndex: 'name', render: (n: string) => <Typography.Link>{n}</Typography.Link> },
          { title: '所属村（社区）', dataIndex: 'orgName', ellipsis: true },
          { title: '网格党组织', dataIndex: 'gridOrgName', render: (v: string | null) => v ?? '—', ellipsis: true },
          { title: '网格员', dataIndex: 'leaderName', render: (v: string | null, g) => (v ? `${v} ${g.leaderPhone ?? ''}` : '—') },
          { title: '楼栋', dataIndex: 'buildingCount', align: 'right' },
          { title: '户数', dataIndex: 'households', align: 'right' },
          { title: '党员', dataIndex: 'memberCount', align: 'right' },
          { title: '群众', dataIndex: 'residentCount', align: 'right' },
          ...(canEdit ? [{
            title: '操作', key: 'op', width: 120, fixed: 'right' as const,
            render: (_: unknown, g: GridListItem) => (
              <Flex gap={4} onClick={(e) => e.stopPropagation()}>
                <Button type="link" size="small" onClick={() => setEditing(g)}>编辑</Button>
                <Popconfirm
                  title={`删除网格“${g.name}”？`}
                  description={g.memberCount + g.residentCount > 0 ? '网格内还有党员或群众，须先移出。' : '楼栋登记将一并删除。'}
                  okText="删除" okButtonProps={{ danger: true, disabled: g.memberCount + g.residentCount > 0 }}
                  onConfirm={() => remove.mutateAsync(g.id).then(() => message.success('网格已删除'), (e: Error) => message.error(e.message))}
                >
                  <Button type="link" size="small" danger>删除</Button>
                </Popconfirm>
              </Flex>
            ),
          }] : []),
        ]}
      />
      <GridFormModal
        open={editing !== null}
        grid={editing === 'new' ? null : editing}
        defaultOrgId={orgId}
        onClose={() => setEditing(null)}
        onSaved={(g) => { setEditing(null); setParam('grid', g.id); }}
      />
      <GridDrawer gridId={openGrid} canEdit={canEdit} onClose={() => setParam('grid', undefined)} />
    </Card>
  );
}
