import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, DatePicker, Empty, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { MeetingListItem } from '@dangjian/contracts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { MEETING_PAGE_SIZE, meetingExportUrl, useMeetingKinds, useMeetingList } from '../api.ts';
import { MeetingTags, fmtTime } from '../components/MeetingTags.tsx';

/** 组织生活记录: meetings of a subtree with filters and attendance counts. */
export function MeetingListPage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const defaultOrg = useDefaultOrgId();
  const orgId = params.get('orgId') ?? defaultOrg;
  const [kind, setKind] = useState<string | undefined>();
  const [range, setRange] = useState<[string, string] | undefined>();
  const [page, setPage] = useState(1);
  const kinds = useMeetingKinds(orgId);
  const list = useMeetingList({ orgId, kind, from: range?.[0], to: range?.[1] }, page);

  return (
    <Card
      title="组织生活记录"
      extra={
        <Space wrap>
          <OrgPicker value={orgId} onChange={(id) => { setPage(1); setParams({ orgId: id }); }} testId="meeting-org-picker" />
          <Select allowClear placeholder="全部类型" style={{ width: 150 }} value={kind} data-testid="meeting-kind-filter"
            onChange={(v) => { setPage(1); setKind(v); }} options={kinds.data?.items.map((k) => ({ value: k.code, label: k.label }))} />
          <DatePicker.RangePicker onChange={(_, s) => { setPage(1); setRange(s[0] && s[1] ? [s[0], s[1]] : undefined); }} />
          <Button icon={<DownloadOutlined />} disabled={!orgId} href={orgId ? meetingExportUrl({ orgId, kind, from: range?.[0], to: range?.[1] }) : undefined} data-testid="meeting-export">导出Excel</Button>
          <Link to="my"><Button>我的组织生活</Button></Link>
          <Button type="primary" onClick={() => void navigate(`new${orgId ? `?orgId=${orgId}` : ''}`)} data-testid="meeting-new">新建会议记录</Button>
        </Space>
      }
    >
      {list.isError && <Alert type="error" showIcon title="会议记录加载失败" description={list.error.message} style={{ marginBottom: 12 }} />}
      <Table<MeetingListItem>
        rowKey="id"
        loading={list.isPending && !!orgId}
        dataSource={list.data?.items ?? []}
        data-testid="meeting-table"
        scroll={{ x: 1000 }}
        onRow={(m) => ({ onClick: () => void navigate(m.id), style: { cursor: 'pointer' } })}
        pagination={{ current: page, pageSize: MEETING_PAGE_SIZE, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 次会议`, showSizeChanger: false }}
        locale={{ emptyText: <Empty description="暂无会议记录" /> }}
        columns={[
          { title: '时间', dataIndex: 'heldAt', width: 150, render: fmtTime },
          { title: '类型', dataIndex: 'kindLabel', width: 120, render: (l: string) => <Tag color="red">{l}</Tag> },
          { title: '会议名称', dataIndex: 'title', ellipsis: true },
          { title: '组织', dataIndex: 'orgName', ellipsis: true },
          { title: '应到', key: 'due', align: 'right', width: 60, render: (_, m) => m.counts.due },
          { title: '实到', key: 'present', align: 'right', width: 60, render: (_, m) => m.counts.present },
          { title: '缺席', key: 'absent', align: 'right', width: 60, render: (_, m) => m.counts.absent },
          { title: '请假', key: 'leave', align: 'right', width: 60, render: (_, m) => m.counts.leave },
          { title: '状态', key: 'tags', width: 200, render: (_, m) => <MeetingTags m={m} /> },
        ]}
      />
    </Card>
  );
}
