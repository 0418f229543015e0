import { useState } from 'react';
import { App, Button, Empty, Form, Input, Modal, Popconfirm, Segmented, Select, Space, Table, Tag } from 'antd';
import { SERVICE_RATINGS, type ServiceReport } from '@dangjian/contracts';
import { SERVICE_PAGE_SIZE, useEndReport, useRate, useReports, type Side } from '../api.ts';
import { YearSelect } from './YearSelect.tsx';

const ratingOptions = Object.entries(SERVICE_RATINGS).map(([value, label]) => ({ value, label }));

/**
 * 双报到: members reported to the subtree's communities (社区一侧), or the subtree's own members
 * reported elsewhere (本组织党员), with the year's hours, posts and the community's rating.
 */
export function ReportsTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const [side, setSide] = useState<Side>('community');
  const [year, setYear] = useState(new Date().getFullYear());
  const [status, setStatus] = useState('active');
  const [page, setPage] = useState(1);
  const reports = useReports(orgId, side, year, status, page);
  const end = useEndReport();
  const rate = useRate();
  const [rating, setRating] = useState<ServiceReport>();
  const [form] = Form.useForm<{ rating: keyof typeof SERVICE_RATINGS; note?: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    rate.mutate({ reportId: rating!.id, year, rating: v.rating, note: v.note ?? null }, {
      onSuccess: () => { void message.success('已评价，将反馈给党员所在组织'); setRating(undefined); }, onError: (e) => void message.error(e.message),
    });
  };
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Side> value={side} onChange={(v) => { setSide(v); setPage(1); }} options={[{ value: 'community', label: '到本社区报到的党员' }, { value: 'branch', label: '本组织党员报到情况' }]} data-testid="service-reports-side" />
        <YearSelect value={year} onChange={setYear} />
        <Select value={status} onChange={(v) => { setStatus(v); setPage(1); }} style={{ width: 110 }} options={[{ value: 'active', label: '在册' }, { value: 'ended', label: '已结束' }, { value: 'all', label: '全部' }]} />
      </Space>
      <Table<ServiceReport> rowKey="id" loading={reports.isPending && !!orgId} dataSource={reports.data?.items ?? []} data-testid="service-reports-table" scroll={{ x: 900 }}
        locale={{ emptyText: <Empty description={reports.isError ? reports.error.message : '暂无报到党员'} /> }}
        pagination={{ current: page, pageSize: SERVICE_PAGE_SIZE, total: reports.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 人`, hideOnSinglePage: true }}
        columns={[
          { title: '姓名', dataIndex: 'memberName' }, { title: '所在组织', dataIndex: 'memberOrgName', ellipsis: true },
          { title: '报到社区', dataIndex: 'communityName', ellipsis: true }, { title: '报到日期', dataIndex: 'reportedOn' },
          { title: '认领岗位', dataIndex: 'posts', render: (ps: string[]) => (ps.length ? ps.map((p) => <Tag key={p}>{p}</Tag>) : '—') },
          { title: `${year}年时长`, dataIndex: 'hours', align: 'right', render: (h: number) => `${h} 小时` }, { title: '人次', dataIndex: 'personTimes', align: 'right' },
          { title: '社区评价', render: (_, r) => (r.rating ? <Tag color={r.rating === 'poor' ? 'red' : 'green'} title={r.ratingNote ?? ''}>{SERVICE_RATINGS[r.rating]}</Tag> : '未评价') },
          { title: '操作', render: (_, r) => (
            <Space size={0}>
              {side === 'community' && <Button type="link" size="small" onClick={() => { setRating(r); form.setFieldsValue({ rating: r.rating ?? 'good', note: r.ratingNote ?? '' }); }}>评价</Button>}
              {r.status === 'active' ? (
                <Popconfirm title={`结束 ${r.memberName} 的报到？其在该社区的岗位同时结束。`} okText="结束" cancelText="取消" onConfirm={() => end.mutate(r.id, { onSuccess: () => void message.success('已结束报到'), onError: (e) => void message.error(e.message) })}>
                  <Button type="link" size="small" danger>结束报到</Button>
                </Popconfirm>
              ) : <Tag>已结束 {r.endedOn}</Tag>}
            </Space>
          ) },
        ]} />
      <Modal title={rating ? `${year}年度评价：${rating.memberName}` : ''} open={!!rating} onOk={() => void submit()} onCancel={() => setRating(undefined)} confirmLoading={rate.isPending} okText="保存" cancelText="取消" destroyOnHidden forceRender>
        <Form form={form} layout="vertical">
          <Form.Item name="rating" label="评价等次" rules={[{ required: true }]}><Select options={ratingOptions} /></Form.Item>
          <Form.Item name="note" label="评语" rules={[{ max: 300 }]}><Input.TextArea rows={3} placeholder="服务表现，反馈给党员所在党组织" /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
