import { useState } from 'react';
import { Alert, Button, Checkbox, Empty, Flex, Table, Tag, Tooltip } from 'antd';
import { Link } from 'react-router';
import { ORG_TYPES, type OrgType, type SizeReportRow } from '@dangjian/contracts';
import { sizeReportExportUrl, useSizeReport } from '../admin-api.ts';

/** 支部规模: every branch of the subtree with member counts and rule warnings; Excel export. */
export function SizeReportTab({ orgId }: { orgId: string }) {
  const [page, setPage] = useState(1);
  const [onlyWarnings, setOnlyWarnings] = useState(false);
  const report = useSizeReport(orgId, page, onlyWarnings);
  const columns = [
    { title: '组织名称', dataIndex: 'name', render: (n: string, r: SizeReportRow) => <Link to={`/orgs/${r.orgId}`}>{n}</Link> },
    { title: '类型', dataIndex: 'type', width: 120, render: (t: OrgType) => ORG_TYPES[t] },
    { title: '上级组织', dataIndex: 'parentName', width: 180, render: (v: string | null) => v ?? '—' },
    { title: '正式党员', dataIndex: 'full', width: 80, align: 'right' as const },
    { title: '预备党员', dataIndex: 'probationary', width: 80, align: 'right' as const },
    { title: '合计', dataIndex: 'total', width: 70, align: 'right' as const },
    { title: '班子', dataIndex: 'hasTeam', width: 110, render: (has: boolean, r: SizeReportRow) => (has ? `至 ${r.termEnd}` : <Tag>未录入</Tag>) },
    {
      title: '预警', key: 'warnings', render: (_: unknown, r: SizeReportRow) => r.warnings.length === 0 ? <Tag color="green">正常</Tag> : (
        <Flex gap={4} wrap>{r.warnings.map((w) => <Tooltip key={w.code} title={w.message}><Tag color="orange">{w.message.slice(0, 14)}…</Tag></Tooltip>)}</Flex>
      ),
    },
  ];
  return (
    <Flex vertical gap={12} data-testid="size-report-tab">
      <Flex justify="space-between" wrap gap={8}>
        <Checkbox checked={onlyWarnings} onChange={(e) => { setOnlyWarnings(e.target.checked); setPage(1); }}>只看有预警的支部</Checkbox>
        <Button href={sizeReportExportUrl(orgId)} data-testid="size-report-export">导出 Excel</Button>
      </Flex>
      {report.isError && <Alert type="error" showIcon title="报表加载失败" description={report.error.message} />}
      <Table rowKey="orgId" size="small" columns={columns} dataSource={report.data?.items ?? []} loading={report.isFetching} scroll={{ x: 900 }}
        pagination={{ current: page, pageSize: 20, total: report.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 个支部`, showSizeChanger: false }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该范围内没有支部" /> }} />
    </Flex>
  );
}
