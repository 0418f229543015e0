import { Alert, Card, Empty, Table, Tag } from 'antd';
import { DUES_KINDS, type DuesPayment } from '@dangjian/contracts';
import { useMyDues } from '../api.ts';
import { formatFen } from '../money.ts';
import { DuesSummary } from './MemberDuesDrawer.tsx';

/** 我的党费: a member sees their own amount, 党费交至, arrears and payments. */
export function MyDues() {
  const mine = useMyDues();
  const m = mine.data?.member;
  return (
    <Card title="我的党费" loading={mine.isPending}>
      {mine.isError && <Alert type="error" showIcon title="加载失败" description={mine.error.message} />}
      {mine.data && !m && <Empty description="当前账号未关联党员档案" />}
      {m && (
        <>
          <DuesSummary detail={m} />
          <Table<DuesPayment> rowKey="id" size="small" dataSource={m.payments} pagination={{ pageSize: 12, hideOnSinglePage: true }} locale={{ emptyText: <Empty description="暂无交纳记录" /> }}
            columns={[
              { title: '月份', dataIndex: 'month' }, { title: '应交（元）', dataIndex: 'dueFen', align: 'right', render: formatFen },
              { title: '实交（元）', dataIndex: 'paidFen', align: 'right', render: formatFen },
              { title: '情况', dataIndex: 'kind', render: (k: DuesPayment['kind']) => <Tag>{DUES_KINDS[k]}</Tag> }, { title: '交纳日期', dataIndex: 'paidOn' },
            ]} />
        </>
      )}
    </Card>
  );
}
