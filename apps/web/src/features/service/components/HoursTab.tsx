import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Empty, Form, Input, InputNumber, Modal, Popconfirm, Row, Segmented, Select, Space, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ServiceHoursEntry } from '@dangjian/contracts';
import { hoursExportUrl, SERVICE_PAGE_SIZE, useDeleteHours, useHours, useLogHours, useReports, useTotals, type Side } from '../api.ts';
import { YearSelect } from './YearSelect.tsx';

/** 代为登记: a secretary logs hours for a member reported to the community. */
function LogForMember({ orgId, year, open, onClose }: { orgId: string; year: number; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const reports = useReports(open ? orgId : undefined, 'community', year, 'active', 1);
  const log = useLogHours();
  const [form] = Form.useForm<{ memberId: string; servedOn: Dayjs; hours: number; content: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    log.mutate({ memberId: v.memberId, servedOn: v.servedOn.format('YYYY-MM-DD'), hours: v.hours, content: v.content }, {
      onSuccess: () => { void message.success('已登记'); form.resetFields(); onClose(); }, onError: (e) => void message.error(e.message),
    });
  };
  return (
    <Modal title="代为登记服务时长" open={open} onOk={() => void submit()} onCancel={onClose} confirmLoading={log.isPending} okText="登记" cancelText="取消" destroyOnHidden forceRender>
      <Form form={form} layout="vertical" initialValues={{ servedOn: dayjs(), hours: 1 }}>
        <Form.Item name="memberId" label="报到党员" rules={[{ required: true, message: '请选择党员' }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} placeholder="到本社区报到的党员" loading={reports.isPending}
            options={(reports.data?.items ?? []).map((r) => ({ value: r.memberId, label: `${r.memberName}（${r.memberOrgName}）` }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="servedOn" label="服务日期" rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs(), 'day')} /></Form.Item>
          <Form.Item name="hours" label="时长（小时）" rules={[{ required: true }]}><InputNumber min={0.5} max={24} step={0.5} precision={1} /></Form.Item>
        </Space>
        <Form.Item name="content" label="服务内容" rules={[{ required: true, whitespace: true, message: '请填写服务内容' }, { max: 300 }]}><Input.TextArea rows={2} /></Form.Item>
      </Form>
    </Modal>
  );
}

/** 服务时长: totals in hours and person-times (人次) per member and community, the log, Excel export. */
export function HoursTab({ orgId }: { orgId: string | undefined }) {
  const { message } = App.useApp();
  const [side, setSide] = useState<Side>('community');
  const [year, setYear] = useState(new Date().getFullYear());
  const [page, setPage] = useState(1);
  const [logging, setLogging] = useState(false);
  const totals = useTotals(orgId, side, year);
  const hours = useHours(orgId, side, year, page);
  const remove = useDeleteHours();
  const t = totals.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Segmented<Side> value={side} onChange={(v) => { setSide(v); setPage(1); }} options={[{ value: 'community', label: '在本社区（单位）服务' }, { value: 'branch', label: '本组织党员服务' }]} data-testid="service-hours-side" />
        <YearSelect value={year} onChange={setYear} />
        <Button href={orgId ? hoursExportUrl(orgId, side, year) : undefined} disabled={!orgId || totals.isError} data-testid="service-hours-export">导出 Excel</Button>
        {side === 'community' && <Button onClick={() => setLogging(true)} disabled={!orgId}>代为登记</Button>}
      </Space>
      <Row gutter={16} style={{ marginBottom: 12 }}>
        <Col xs={8}><Card size="small"><Statistic title="服务时长（小时）" value={t?.hours ?? 0} precision={1} loading={totals.isPending && !!orgId} data-testid="service-total-hours" /></Card></Col>
        <Col xs={8}><Card size="small"><Statistic title="服务人次" value={t?.personTimes ?? 0} data-testid="service-total-times" /></Card></Col>
        <Col xs={8}><Card size="small"><Statistic title="参与党员" value={t?.members ?? 0} suffix="人" /></Card></Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} lg={14}>
          <Table rowKey="memberId" size="small" title={() => '按党员'} dataSource={t?.byMember ?? []} loading={totals.isPending && !!orgId} data-testid="service-totals-members"
            locale={{ emptyText: <Empty description={totals.isError ? totals.error.message : '暂无服务记录'} /> }} pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[{ title: '姓名', dataIndex: 'memberName' }, { title: '所在组织', dataIndex: 'memberOrgName', ellipsis: true }, { title: '时长', dataIndex: 'hours', align: 'right' }, { title: '人次', dataIndex: 'personTimes', align: 'right' }]} />
        </Col>
        <Col xs={24} lg={10}>
          <Table rowKey="orgId" size="small" title={() => '按服务社区（单位）'} dataSource={t?.byCommunity ?? []} pagination={{ pageSize: 10, hideOnSinglePage: true }}
            columns={[{ title: '社区（单位）', dataIndex: 'orgName', ellipsis: true }, { title: '时长', dataIndex: 'hours', align: 'right' }, { title: '人次', dataIndex: 'personTimes', align: 'right' }]} />
        </Col>
      </Row>
      <Table<ServiceHoursEntry> rowKey="id" size="small" title={() => '服务记录'} style={{ marginTop: 12 }} dataSource={hours.data?.items ?? []} loading={hours.isPending && !!orgId} scroll={{ x: 700 }}
        pagination={{ current: page, pageSize: SERVICE_PAGE_SIZE, total: hours.data?.total ?? 0, onChange: setPage, hideOnSinglePage: true }}
        columns={[
          { title: '日期', dataIndex: 'servedOn' }, { title: '姓名', dataIndex: 'memberName' }, { title: '岗位', dataIndex: 'postName', render: (p: string | null) => p ?? '—' },
          { title: '内容', dataIndex: 'content', ellipsis: true }, { title: '时长', dataIndex: 'hours', align: 'right' },
          { title: '', render: (_, h) => (
            <Popconfirm title="删除这条服务记录？已计的志愿服务积分将撤销。" okText="删除" okButtonProps={{ danger: true }} cancelText="取消" onConfirm={() => remove.mutate(h.id, { onSuccess: () => void message.success('已删除'), onError: (e) => void message.error(e.message) })}>
              <Button type="link" size="small" danger>删除</Button>
            </Popconfirm>
          ) },
        ]} />
      {orgId && <LogForMember orgId={orgId} year={year} open={logging} onClose={() => setLogging(false)} />}
    </>
  );
}
