import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Col, Empty, Progress, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import {
  MEETING_KINDS, ORG_TYPES, type ComplianceKindRow, type ComplianceOrgRow, type ComplianceSort, type ComplianceSummary, type OrgType,
} from '@dangjian/contracts';
import { OrgPicker } from '../../grids/components/OrgPicker.tsx';
import { COMPLIANCE_PAGE_SIZE, complianceExportUrl, useComplianceReport, type ReportFilter } from '../api.ts';
import { PeriodPicker } from './PeriodPicker.tsx';

const pct = (r: number) => Math.round(r * 1000) / 10;

function SummaryCards({ s }: { s: ComplianceSummary | undefined }) {
  return (
    <Row gutter={12} style={{ marginBottom: 16 }}>
      <Col xs={12} md={6}><Card size="small" data-testid="compliance-checked"><Statistic title="检查组织" value={s?.orgsChecked ?? 0} suffix="个" /></Card></Col>
      <Col xs={12} md={6}><Card size="small" data-testid="compliance-ok"><Statistic title="全部达标" value={s?.fullyCompliant ?? 0} suffix="个" /></Card></Col>
      <Col xs={12} md={6}><Card size="small" data-testid="compliance-short"><Statistic title="未达标" value={s?.shortCount ?? 0} suffix="个" styles={{ content: { color: s?.shortCount ? '#cf1322' : undefined } }} /></Card></Col>
      <Col xs={12} md={6}><Card size="small" data-testid="compliance-rate"><Statistic title="会议落实率（已开/应开）" value={s ? pct(s.rate) : 0} precision={1} suffix="%" /></Card></Col>
    </Row>
  );
}

/** The expanded row: required / held / met per kind, and every missing meeting named. */
function KindTable({ kinds }: { kinds: ComplianceKindRow[] }) {
  return (
    <Table<ComplianceKindRow> size="small" rowKey="kind" pagination={false} dataSource={kinds} data-testid="compliance-kinds"
      columns={[
        { title: '会议类型', dataIndex: 'kind', width: 140, render: (k: keyof typeof MEETING_KINDS) => MEETING_KINDS[k] },
        { title: '应开', dataIndex: 'required', width: 70, align: 'right' },
        { title: '实开', dataIndex: 'held', width: 70, align: 'right' },
        { title: '计入', dataIndex: 'met', width: 70, align: 'right' },
        { title: '缺开情况', dataIndex: 'missing', render: (m: string[]) => (m.length === 0 ? <Tag color="green">已落实</Tag> : <Typography.Text type="danger">{m.join('；')}</Typography.Text>) },
      ]} />
  );
}

/** 组织生活落实情况: summary cards, the organizations (worst first), per-kind detail, Excel export. */
export function ComplianceReport({ defaultOrgId, initialPeriod }: { defaultOrgId?: string; initialPeriod: string }) {
  const [orgId, setOrgId] = useState<string | undefined>();
  const [period, setPeriod] = useState(initialPeriod);
  const [onlyShort, setOnlyShort] = useState(false);
  const [sort, setSort] = useState<ComplianceSort>('rate_asc');
  const [cursors, setCursors] = useState<string[]>(['']);
  const filter: ReportFilter = { orgId: orgId ?? defaultOrgId, period, onlyShort, sort };
  const page = cursors.length;
  const report = useComplianceReport(filter, cursors[page - 1]!);
  const reset = () => setCursors(['']);
  const d = report.data;

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <OrgPicker value={filter.orgId} onChange={(id) => { reset(); setOrgId(id); }} testId="compliance-org-picker" style={{ width: 280 }} />
        <PeriodPicker value={period} onChange={(p) => { reset(); setPeriod(p); }} />
        <Select<ComplianceSort> style={{ width: 150 }} value={sort} onChange={(s) => { reset(); setSort(s); }} data-testid="compliance-sort"
          options={[{ value: 'rate_asc', label: '落实率从低到高' }, { value: 'rate_desc', label: '落实率从高到低' }, { value: 'tree', label: '按组织层级' }, { value: 'name', label: '按名称' }]} />
        <Checkbox checked={onlyShort} onChange={(e) => { reset(); setOnlyShort(e.target.checked); }} data-testid="compliance-only-short">只看未达标</Checkbox>
        <Button icon={<DownloadOutlined />} href={filter.orgId ? complianceExportUrl(filter) : undefined} disabled={!filter.orgId} data-testid="compliance-export">导出Excel</Button>
      </Space>
      {d && <Typography.Paragraph type="secondary">{d.orgName} · {d.periodLabel} · 统计至 {d.asOf}（尚未开始的月份、季度不计应开；按月查看只检查每月须开的会议）</Typography.Paragraph>}
      <SummaryCards s={d?.summary} />
      {report.isError && <Alert type="error" showIcon title="报表加载失败" description={report.error.message} style={{ marginBottom: 12 }} />}
      <Table<ComplianceOrgRow>
        rowKey="orgId"
        data-testid="compliance-table"
        loading={report.isFetching && !!filter.orgId}
        dataSource={d?.items ?? []}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={onlyShort ? '没有未达标的组织' : '该范围内没有适用会议规则的组织'} /> }}
        expandable={{ expandedRowRender: (r) => <KindTable kinds={r.kinds} />, expandRowByClick: true }}
        columns={[
          {
            title: '组织', dataIndex: 'name', ellipsis: true,
            render: (n: string, r) => <>{n}{r.parentName && <Typography.Text type="secondary" style={{ fontSize: 12 }}>（{r.parentName}）</Typography.Text>}</>,
          },
          { title: '类型', dataIndex: 'type', width: 110, render: (t: string) => ORG_TYPES[t as OrgType] ?? t },
          { title: '应开', dataIndex: 'required', width: 70, align: 'right' },
          { title: '已开', dataIndex: 'met', width: 70, align: 'right' },
          { title: '落实率', dataIndex: 'rate', width: 160, render: (r: number) => <Progress percent={pct(r)} size="small" status={r < 1 ? 'exception' : 'success'} format={(p) => `${p}%`} /> },
          {
            title: '缺开', key: 'missing', ellipsis: true,
            render: (_, r) => (r.short ? <Typography.Text type="danger" data-testid="compliance-missing">{r.kinds.flatMap((k) => k.missing).join('；')}</Typography.Text> : <Tag color="green">达标</Tag>),
          },
        ]}
      />
      <Space style={{ marginTop: 12, justifyContent: 'flex-end', width: '100%' }}>
        <Typography.Text type="secondary">共 {d?.total ?? 0} 个组织，第 {page} 页（每页 {COMPLIANCE_PAGE_SIZE} 个）</Typography.Text>
        <Button disabled={page === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>上一页</Button>
        <Button disabled={!d?.nextCursor} onClick={() => d?.nextCursor && setCursors((c) => [...c, d.nextCursor!])}>下一页</Button>
      </Space>
    </>
  );
}
