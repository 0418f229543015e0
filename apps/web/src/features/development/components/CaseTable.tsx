import { Empty, Table, Tag, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { DEV_STAGES, DEV_STEPS, type DevCaseSummary } from '@dangjian/contracts';

const STATUS: Record<DevCaseSummary['status'], [string, string]> = { active: ['进行中', 'processing'], completed: ['已完成', 'success'], closed: ['已终止', 'default'] };

/** Cases as rows; overdue ones carry a red tag. Clicking a row opens the case. */
export function CaseTable(props: {
  items: DevCaseSummary[]; loading?: boolean; testId: string;
  pagination?: false | { current: number; pageSize: number; total: number; onChange: (p: number) => void };
}) {
  const navigate = useNavigate();
  return (
    <Table<DevCaseSummary>
      rowKey="id" size="small" loading={props.loading} dataSource={props.items} data-testid={props.testId}
      onRow={(c) => ({ onClick: () => navigate(`/development/${c.id}`), style: { cursor: 'pointer' } })}
      pagination={props.pagination === undefined ? false : props.pagination && { ...props.pagination, showSizeChanger: false, showTotal: (t: number) => `共 ${t} 人` }}
      locale={{ emptyText: <Empty description="暂无发展档案" /> }}
      columns={[
        { title: '姓名', dataIndex: 'name', render: (n: string) => <Typography.Link>{n}</Typography.Link> },
        { title: '所在支部', dataIndex: 'orgName', ellipsis: true },
        { title: '阶段', dataIndex: 'stage', render: (s: number) => DEV_STAGES[s - 1]?.name },
        { title: '已办到', dataIndex: 'currentStep', render: (n: number) => `${n}. ${DEV_STEPS[n - 1]?.name}` },
        { title: '申请日期', dataIndex: 'appliedOn' },
        {
          title: '下一期限', key: 'due',
          render: (_, c) => (c.nextDueOn ? <span>{c.nextDueName} {c.nextDueOn} {c.overdue && <Tag color="red">已逾期</Tag>}</span> : '—'),
        },
        { title: '状态', dataIndex: 'status', render: (s: DevCaseSummary['status']) => <Tag color={STATUS[s][1]}>{STATUS[s][0]}</Tag> },
      ]}
    />
  );
}
