import { useState } from 'react';
import { Alert, Table } from 'antd';
import { useLapse } from '../api.ts';

/** Members with no organizational life for 6 months: listed for the branch to study and decide. */
export function LapseList() {
  const [page, setPage] = useState(1);
  const lapse = useLapse({ page });
  return (
    <>
      <Alert type="info" showIcon style={{ marginBottom: 12 }}
        title={`自 ${lapse.data?.since ?? '…'} 起未参加组织生活、或连续 6 个月未交纳党费的党员。按党章第九条，连续 6 个月不参加组织生活、不交纳党费或不做党所分配的工作，又无正当理由的，以自行脱党论，由支部大会讨论决定除名并报上级党组织批准。`} />
      <Table rowKey="memberId" size="middle" dataSource={lapse.data?.items} loading={lapse.isFetching} locale={{ emptyText: '没有符合条件的党员' }}
        pagination={{ current: page, pageSize: 20, total: lapse.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 人` }}
        columns={[
          { title: '姓名', dataIndex: 'name' },
          { title: '所在组织', dataIndex: 'orgName' },
          { title: '最近参加组织生活', dataIndex: 'lastPresentOn', render: (v: string | null) => v ?? '无记录' },
          { title: '间隔（月）', dataIndex: 'monthsAbsent', render: (v: number | null) => v ?? '—' },
          { title: '连续欠缴党费（月）', dataIndex: 'duesUnpaidMonths', render: (v: number) => (v > 0 ? v : '—') },
          { title: '原因', dataIndex: 'reasons', render: (r: string[]) => r.map((x) => (x === 'no_life' ? '未参加组织生活' : '未交纳党费')).join('、') },
        ]} />
    </>
  );
}
