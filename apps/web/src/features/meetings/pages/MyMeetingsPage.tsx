import { useState } from 'react';
import { Alert, Card, Col, Empty, Row, Select, Statistic, Table, Tag } from 'antd';
import { ATTENDANCE_STATUSES, type MeetingMineResponse } from '@dangjian/contracts';
import { useMyMeetings } from '../api.ts';
import { fmtTime } from '../components/MeetingTags.tsx';

type Item = MeetingMineResponse['items'][number];
const COLORS = { present: 'green', absent: 'red', leave: 'orange' } as const;

/** 我的组织生活: the signed-in member's meetings of the year, attended, missed and on leave. */
export function MyMeetingsPage() {
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(thisYear);
  const q = useMyMeetings(year);
  const d = q.data;
  return (
    <Card title="我的组织生活" extra={
      <Select value={year} onChange={setYear} style={{ width: 110 }} options={[0, 1, 2].map((i) => ({ value: thisYear - i, label: `${thisYear - i} 年` }))} />
    }>
      {q.isError && <Alert type="error" showIcon title={q.error.message} />}
      {d && !d.member && <Alert type="info" showIcon title="您的账号未关联党员信息，无法查看个人组织生活记录。" />}
      {d?.member && (
        <>
          <Row gutter={12} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}><Card size="small"><Statistic title="应参加" value={d.due} suffix="次" /></Card></Col>
            <Col xs={12} md={6}><Card size="small" data-testid="my-attended"><Statistic title="已参加" value={d.attended} suffix="次" /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="缺席" value={d.missed} suffix="次" valueStyle={d.missed ? { color: '#cf1322' } : undefined} /></Card></Col>
            <Col xs={12} md={6}><Card size="small"><Statistic title="请假" value={d.leave} suffix="次" /></Card></Col>
          </Row>
          <p>{d.member.name}（{d.member.orgName}） {d.byKind.map((k) => `${k.kindLabel} ${k.attended}/${k.due}`).join('，')}</p>
        </>
      )}
      <Table<Item> rowKey="meetingId" loading={q.isPending} dataSource={d?.items ?? []} size="small" data-testid="my-meetings-table"
        locale={{ emptyText: <Empty description="本年度暂无应参加的会议" /> }} pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: '时间', dataIndex: 'heldAt', width: 150, render: fmtTime },
          { title: '类型', dataIndex: 'kindLabel', width: 120 },
          { title: '会议', dataIndex: 'title' },
          { title: '组织', dataIndex: 'orgName', ellipsis: true },
          { title: '出勤', dataIndex: 'status', width: 150, render: (s: Item['status'], r) => <><Tag color={COLORS[s]}>{ATTENDANCE_STATUSES[s]}</Tag>{r.reason}</> },
        ]} />
    </Card>
  );
}
