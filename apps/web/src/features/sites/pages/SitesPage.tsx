import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Card, Col, Empty, Flex, Input, Popconfirm, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { SITE_KINDS, SITE_KIND_CODES, type SiteDetail, type SiteKind, type SiteListItem, type SiteTotals } from '@dangjian/contracts';
import { useMe } from '../../auth/api.ts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { SITE_PAGE_SIZE, exportUrl, useDeleteSite, useSiteList } from '../api.ts';
import { SiteFormModal } from '../components/SiteFormModal.tsx';
import { SiteDrawer } from '../components/SiteDrawer.tsx';

function TotalsCards({ totals }: { totals: SiteTotals | undefined }) {
  const byKind = totals?.byKind.map((k) => `${SITE_KINDS[k.kind]} ${k.count}`).join('，') || '—';
  return (
    <Row gutter={12} style={{ marginBottom: 16 }}>
      <Col xs={12} md={6}><Card size="small" data-testid="site-total-count"><Statistic title="阵地数量" value={totals?.count ?? 0} suffix="个" /></Card></Col>
      <Col xs={12} md={6}><Card size="small" data-testid="site-total-area"><Statistic title="建筑面积合计" value={totals?.totalArea ?? 0} precision={2} suffix="㎡" /></Card></Col>
      <Col xs={12} md={6}><Card size="small" data-testid="site-total-investment"><Statistic title="投入资金合计" value={totals?.totalInvestment ?? 0} precision={2} suffix="元" /></Card></Col>
      <Col xs={12} md={6}><Card size="small" style={{ height: '100%' }}><Typography.Text type="secondary">按类型</Typography.Text><div style={{ marginTop: 8 }}>{byKind}</div></Card></Col>
    </Row>
  );
}

/** 阵地管理: sites of a subtree with totals, Excel export, detail with photos and a printable card. */
export default function SitesPage() {
  const [params, setParams] = useSearchParams();
  const defaultOrg = useDefaultOrgId();
  const orgId = params.get('orgId') ?? defaultOrg;
  const openSite = params.get('site') ?? undefined;
  const [kind, setKind] = useState<SiteKind | undefined>();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<SiteDetail | 'new' | null>(null);
  const list = useSiteList(orgId, kind, q, page);
  const remove = useDeleteSite();
  const { message } = App.useApp();
  const canWrite = useMe().data?.permissions.includes('sites:write') ?? false;
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value); else next.delete(key);
    setParams(next);
  };

  return (
    <Card
      title="阵地管理"
      extra={
        <Space wrap>
          <OrgPicker value={orgId} onChange={(id) => { setPage(1); setParam('orgId', id); }} testId="site-org-picker" />
          <Select allowClear placeholder="全部类型" style={{ width: 170 }} value={kind} onChange={(v) => { setPage(1); setKind(v); }} options={SITE_KIND_CODES.map((k) => ({ value: k, label: SITE_KINDS[k] }))} />
          <Input.Search allowClear placeholder="按名称搜索" style={{ width: 180 }} onSearch={(v) => { setPage(1); setQ(v.trim()); }} />
          <Button icon={<DownloadOutlined />} href={orgId ? exportUrl(orgId, kind, q || undefined) : undefined} disabled={!orgId} data-testid="site-export">导出Excel</Button>
          {canWrite && <Button type="primary" onClick={() => setEditing('new')} data-testid="site-new">新建阵地</Button>}
        </Space>
      }
    >
      <TotalsCards totals={list.data?.totals} />
      {list.isError && <Alert type="error" showIcon title="阵地加载失败" description={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<SiteListItem>
        rowKey="id"
        loading={list.isPending && !!orgId}
        dataSource={list.data?.items ?? []}
        data-testid="site-table"
        scroll={{ x: 1100 }}
        onRow={(s) => ({ onClick: () => setParam('site', s.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: SITE_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个阵地`, showSizeChanger: false }}
        locale={{ emptyText: <Empty description="暂无阵地" /> }}
        columns={[
          { title: '阵地名称', dataIndex: 'name', render: (n: string) => <Typography.Link>{n}</Typography.Link> },
          { title: '类型', dataIndex: 'kind', render: (k: SiteKind) => <Tag color="red">{SITE_KINDS[k]}</Tag> },
          { title: '所属组织', dataIndex: 'orgName', ellipsis: true },
          { title: '面积（㎡）', dataIndex: 'buildingArea', align: 'right', render: (v: number | null) => v ?? '—' },
          { title: '投入（元）', dataIndex: 'investment', align: 'right', render: (v: number | null) => (v === null ? '—' : v.toLocaleString('zh-CN')) },
          { title: '建成/改造', key: 'years', render: (_, s) => `${s.yearBuilt ?? '—'} / ${s.yearUpgraded ?? '—'}` },
          { title: '设施', dataIndex: 'facilities', render: (f: string[]) => `${f.length} 项` },
          { title: '照片', dataIndex: 'photoCount', align: 'right' },
          ...(canWrite ? [{
            title: '操作', key: 'op', width: 80, fixed: 'right' as const,
            render: (_: unknown, s: SiteListItem) => (
              <Flex onClick={(e) => e.stopPropagation()}>
                <Popconfirm title={`删除阵地“${s.name}”？`} description="照片和提升改造项目将一并删除，且不可恢复。" okText="删除" okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutateAsync(s.id).then(() => message.success('阵地已删除'), (e: Error) => message.error(e.message))}>
                  <Button type="link" size="small" danger>删除</Button>
                </Popconfirm>
              </Flex>
            ),
          }] : []),
        ]}
      />
      <SiteFormModal open={editing !== null} site={editing === 'new' ? null : editing} defaultOrgId={orgId}
        onClose={() => setEditing(null)} onSaved={(s) => { setEditing(null); setParam('site', s.id); }} />
      <SiteDrawer siteId={openSite} onClose={() => setParam('site', undefined)} onEdit={(s) => setEditing(s)} />
    </Card>
  );
}
