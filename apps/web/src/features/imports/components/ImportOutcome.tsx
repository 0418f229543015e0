import { Alert, Button, Flex, Progress, Result, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { ImportJob, ImportRowError } from '@dangjian/contracts';
import { errorReportUrl } from '../api.ts';

const PHASES: Record<ImportJob['status'], string> = {
  queued: '排队中', validating: '正在逐行校验', writing: '正在写入', done: '导入完成', failed: '未导入',
};

const errorColumns = [
  { title: '行号', dataIndex: 'row', width: 80 },
  { title: '列', dataIndex: 'column', width: 120 },
  { title: '错误原因', dataIndex: 'reason' },
];

/** Progress of a running import, then its result: a summary, or the errors and the report link. */
export function ImportOutcome({ job }: { job: ImportJob }) {
  const what = job.kind === 'members' ? '党员' : '组织';
  const running = job.status !== 'done' && job.status !== 'failed';
  const percent = job.totalRows > 0 ? Math.floor((job.processedRows / job.totalRows) * 100) : 0;

  if (running) {
    return (
      <div data-testid="import-progress">
        <Typography.Text>{PHASES[job.status]}{job.totalRows > 0 ? `：${job.processedRows} / ${job.totalRows} 行` : ''}</Typography.Text>
        <Progress percent={job.status === 'writing' ? 99 : percent} status="active" />
      </div>
    );
  }
  if (job.status === 'done') {
    return (
      <Result
        data-testid="import-success"
        status="success"
        title={`导入成功：新增${what} ${job.createdCount} ${job.kind === 'members' ? '人' : '个'}`}
        subTitle={`文件 ${job.fileName ?? ''} 共 ${job.totalRows} 行，已全部导入「${job.orgName}」。`}
        extra={<Link to={`/orgs/${job.orgId}`} data-testid="import-org-link">查看{job.orgName}</Link>}
      />
    );
  }
  return (
    <div data-testid="import-failed">
      <Alert
        type="error"
        showIcon
        title={job.message ?? '导入失败'}
        description={job.errorCount > 0 ? `共发现 ${job.errorCount} 处错误，没有导入任何数据。请下载错误报告，在原表中按“错误原因”修改后重新上传。` : undefined}
        style={{ marginBottom: 12 }}
      />
      {job.hasErrorReport && (
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">
            {job.errorCount > job.errors.length ? `以下为前 ${job.errors.length} 处错误，全部错误见错误报告` : '错误明细'}
          </Typography.Text>
          <Button type="primary" href={errorReportUrl(job.id)} data-testid="import-error-report">下载错误报告</Button>
        </Flex>
      )}
      {job.errors.length > 0 && (
        <div data-testid="import-errors">
          <Table<ImportRowError>
            rowKey={(e) => `${e.row}-${e.column}-${e.reason}`}
            size="small"
            columns={errorColumns}
            dataSource={job.errors}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
          />
        </div>
      )}
    </div>
  );
}
