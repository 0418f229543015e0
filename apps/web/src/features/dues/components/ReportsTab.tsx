import { useState } from 'react';
import { Button, DatePicker, Empty, Segmented, Space, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { DUES_CATEGORIES, DUES_KINDS, type DuesMonthlyReport, type DuesYearlyReport } from '@dangjian/contracts';
import { monthlyExportUrl, useMonthlyReport, useYearlyReport, yearlyExportUrl } from '../api.ts';
import { formatFen } from '../money.ts';

type MonthRow = DuesMonthlyReport['rows'][number];
type YearRow = DuesYearlyReport['rows'][number];

/** 党费收缴月报 / 年报 of the chosen organization, with Excel export and printing. */
export function ReportsTab({ orgId }: { orgId: string | undefined }) {
  const [kind, setKind] = useState<'month' | 'year'>('month');
  const [month, setMonth] = useState(dayjs().subtract(1, 'month').format('YYYY-MM'));
  const [year, setYear] = useState(dayjs().year());
  const monthly = useMonthlyReport(kind === 'month' ? orgId : undefined, month);
  const yearly = useYearlyReport(kind === 'year' ? orgId : undefined, year);
  const t = monthly.data?.totals;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }} className="no-print">
        <Segmented value={kind} onChange={(v) => setKind(v as 'month' | 'year')} options={[{ value: 'month', label: '月报' }, { value: 'year', label: '年报' }]} />
        {kind === 'month'
          ? <DatePicker picker="month" allowClear={false} value={dayjs(`${month}-01`)} onChange={(d) => d && setMonth(d.format('YYYY-MM'))} />
          : <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} onChange={(d) => d && setYear(d.year())} />}
        <Button icon={<DownloadOutlined />} disabled={!orgId} data-testid="dues-report-export"
          href={orgId ? (kind === 'month' ? monthlyExportUrl(orgId, month) : yearlyExportUrl(orgId, year)) : undefined}>导出Excel</Button>
        <Button icon={<PrinterOutlined />} onClick={() => window.print()}>打印</Button>
      </Space>
      {kind === 'month' ? (
        <Table<MonthRow> rowKey="memberId" size="small" loading={monthly.isPending && !!orgId} dataSource={monthly.data?.rows ?? []} pagination={false} data-testid="dues-monthly-report"
          title={() => <Typography.Text strong>{monthly.data?.orgName} {month} 党费收缴情况</Typography.Text>}
          locale={{ emptyText: <Empty description="暂无党员" /> }}
          columns={[
            { title: '姓名', dataIndex: 'name' }, { title: '所在组织', dataIndex: 'orgName', ellipsis: true },
            { title: '类别', dataIndex: 'category', render: (c: MonthRow['category']) => (c ? DUES_CATEGORIES[c] : '未核定') },
            { title: '应交（元）', dataIndex: 'dueFen', align: 'right', render: formatFen },
            { title: '实交（元）', dataIndex: 'paidFen', align: 'right', render: formatFen },
            { title: '情况', dataIndex: 'kind', render: (k: MonthRow['kind'], r) => (k ? <Tag color={k === 'full' ? 'green' : 'orange'}>{DUES_KINDS[k]}</Tag> : r.dueFen !== null ? <Tag color="red">未交</Tag> : '—') },
            { title: '交纳日期', dataIndex: 'paidOn', render: (v: string | null) => v ?? '' },
          ]}
          summary={() => t && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>合计：{t.members} 人，已交 {t.paid} 人，未交 {t.unpaid} 人</Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">{formatFen(t.dueFen)}</Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right"><span data-testid="dues-monthly-paid-total">{formatFen(t.paidFen)}</span></Table.Summary.Cell>
              <Table.Summary.Cell index={5} colSpan={2} />
            </Table.Summary.Row>
          )} />
      ) : (
        <Table<YearRow> rowKey="memberId" size="small" loading={yearly.isPending && !!orgId} dataSource={yearly.data?.rows ?? []} pagination={false} scroll={{ x: 1300 }}
          title={() => <Typography.Text strong>{yearly.data?.orgName} {year} 年度党费收缴情况（元）</Typography.Text>}
          columns={[
            { title: '姓名', dataIndex: 'name', fixed: 'left', width: 90 },
            ...Array.from({ length: 12 }, (_, i) => ({ title: `${i + 1}月`, key: `m${i}`, align: 'right' as const, render: (_: unknown, r: YearRow) => (r.monthsFen[i] === null ? '' : formatFen(r.monthsFen[i])) })),
            { title: '合计', dataIndex: 'totalFen', align: 'right', render: formatFen },
          ]}
          summary={() => yearly.data && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
              {yearly.data.monthTotalsFen.map((v, i) => <Table.Summary.Cell key={i} index={i + 1} align="right">{formatFen(v)}</Table.Summary.Cell>)}
              <Table.Summary.Cell index={13} align="right">{formatFen(yearly.data.totalFen)}</Table.Summary.Cell>
            </Table.Summary.Row>
          )} />
      )}
    </>
  );
}
