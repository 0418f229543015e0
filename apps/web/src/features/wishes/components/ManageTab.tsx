import { useState } from 'react';
import { Alert, App, Button, Empty, Input, Segmented, Select, Space, Table, Typography } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import type { Wish, WishStatus } from '@dangjian/contracts';
import { downloadFile } from '../../imports/api.ts';
import { useWishList, WISH_PAGE_SIZE, type WishFilter } from '../api.ts';
import { categoryLabel, categoryOptions, fmt, statusOptions, WishStatusTag } from './labels.tsx';
import { GridSelect } from './GridSelect.tsx';
import { WishDrawer } from './WishDrawer.tsx';
import { WishFormModal } from './WishFormModal.tsx';

/** 心愿管理: a branch's wishes by status with counts, filters, the detail drawer, 录入 and Excel export. */
export function ManageTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<WishFilter>({ status: 'pending' });
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string>();
  const [adding, setAdding] = useState(false);
  const [exporting, setExporting] = useState(false);
  const list = useWishList(orgId, filter, page);
  const counts = list.data?.counts ?? {};
  const set = (patch: Partial<WishFilter>) => { setFilter((f) => ({ ...f, ...patch })); setPage(1); };
  const all = Object.values(counts).reduce((a, b) => a + b, 0);
  const exportXlsx = async () => {
    if (!orgId) return;
    setExporting(true);
    try {
      await downloadFile('/wishes/export', { orgId, status: filter.status, category: filter.category, gridId: filter.gridId, q: filter.q || undefined });
    } catch (e) {
      void message.error(e instanceof Error ? e.message : '导出失败');
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      {list.isError && <Alert type="warning" showIcon title={list.error.message} style={{ marginBottom: 12 }} />}
      <Segmented<WishStatus | 'all'> value={filter.status ?? 'all'} onChange={(v) => set({ status: v === 'all' ? undefined : v })} style={{ marginBottom: 12, maxWidth: '100%', overflowX: 'auto' }}
        data-testid="wish-status-filter"
        options={[{ value: 'all', label: `全部 ${all}` }, ...statusOptions.map((o) => ({ value: o.value, label: `${o.label} ${counts[o.value] ?? 0}` }))]} />
      <Space wrap style={{ marginBottom: 12 }}>
        <Select allowClear placeholder="全部类别" style={{ width: 140 }} value={filter.category} onChange={(v) => set({ category: v })} options={categoryOptions} />
        <GridSelect orgId={orgId} allowClear placeholder="全部网格" style={{ width: 220 }} value={filter.gridId} onChange={(v) => set({ gridId: v })} />
        <Input.Search placeholder="搜索标题、内容或认领人" allowClear style={{ width: 240 }} onSearch={(v) => set({ q: v.trim() || undefined })} data-testid="wish-search" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="wish-add">录入心愿</Button>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="wish-export">导出 Excel</Button>
      </Space>
      <Table<Wish> rowKey="id" loading={list.isFetching && !!orgId} dataSource={list.data?.items ?? []} data-testid="wish-table" scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description="暂无心愿" /> }}
        pagination={{ current: page, pageSize: WISH_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showSizeChanger: false, showTotal: (t) => `共 ${t} 条` }}
        columns={[
          { title: '标题', dataIndex: 'title', render: (t: string, w) => <Typography.Link onClick={() => setOpen(w.id)} data-testid={`wish-open-${w.id}`}>{t}</Typography.Link> },
          { title: '类别', dataIndex: 'category', width: 100, render: categoryLabel },
          { title: '网格', key: 'grid', ellipsis: true, render: (_, w) => `${w.villageName} · ${w.gridName}` },
          { title: '群众', dataIndex: 'nickname', width: 90, render: (n: string) => n || '居民' },
          { title: '认领党员', dataIndex: 'claimantName', width: 100, render: (n: string | null) => n ?? '—' },
          { title: '提交时间', dataIndex: 'createdAt', width: 110, render: (d: string) => fmt(d) },
          { title: '状态', dataIndex: 'status', width: 110, render: (s: WishStatus) => <WishStatusTag s={s} /> },
        ]} />
      <WishDrawer id={open} onClose={() => setOpen(undefined)} manage />
      <WishFormModal orgId={orgId} open={adding} onClose={() => setAdding(false)} />
    </>
  );
}
