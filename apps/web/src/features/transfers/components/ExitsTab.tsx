import { useState } from 'react';
import { Button, DatePicker, Descriptions, Drawer, Form, Input, Segmented, Select, Space, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { EXIT_KINDS, EXIT_MEASURES, type ExitKind, type MemberExit, type MemberExitCreateRequest } from '@dangjian/contracts';
import { useCreateExit, useExit, useExits } from '../api.ts';
import { FormModal } from './FormModal.tsx';
import { MemberPicker } from './MemberPicker.tsx';
import { LapseList } from './LapseList.tsx';

type ExitForm = Omit<MemberExitCreateRequest, 'decidedOn'> & { decidedOn: Dayjs };
const SNAPSHOT_LABELS: Record<string, string> = { name: '姓名', id_number: '身份证号', phone: '手机号', status: '党员类别', joined_on: '入党日期', full_on: '转正日期', education: '学历', occupation: '职业' };

/** 出党/党员减少: the history store (searchable), registering a disposition, lapse candidates. */
export function ExitsTab() {
  const [view, setView] = useState<'records' | 'lapse'>('records');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState(false);
  const [detailId, setDetailId] = useState<string>();
  const list = useExits({ q: q || undefined, page });
  const detail = useExit(detailId);
  const create = useCreateExit();
  return (
    <>
      <Space style={{ marginBottom: 12 }} wrap>
        <Segmented value={view} onChange={(v) => setView(v as 'records' | 'lapse')} options={[{ value: 'records', label: '处置与出党记录' }, { value: 'lapse', label: '疑似自行脱党（6 个月未参加组织生活）' }]} />
        {view === 'records' && <Input.Search allowClear placeholder="姓名或处置方式" onSearch={(v) => { setQ(v); setPage(1); }} style={{ width: 220 }} data-testid="exit-search" />}
        <Button type="primary" onClick={() => setOpen(true)}>登记处置/出党</Button>
      </Space>
      {view === 'lapse' ? <LapseList /> : (
        <Table<MemberExit> rowKey="id" size="middle" dataSource={list.data?.items} loading={list.isFetching} locale={{ emptyText: '暂无记录' }}
          onRow={(r) => ({ onClick: () => setDetailId(r.id), style: { cursor: 'pointer' } })}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `共 ${t} 条` }}
          columns={[
            { title: '姓名', dataIndex: 'name' },
            { title: '原所在组织', dataIndex: 'orgName' },
            { title: '类别', dataIndex: 'kind', render: (k: ExitKind) => EXIT_KINDS[k] },
            { title: '处置方式', dataIndex: 'measure' },
            { title: '党员减少', dataIndex: 'removes', render: (v: boolean) => (v ? <Tag color="red">是</Tag> : <Tag>否</Tag>) },
            { title: '决定日期', dataIndex: 'decidedOn' },
            { title: '决定/批准', render: (_, r) => [r.decision, r.approver].filter(Boolean).join('；') },
          ]} />
      )}
      <Drawer title="处置记录" open={!!detailId} onClose={() => setDetailId(undefined)} size={520}>
        {detail.data && (
          <Descriptions column={1} bordered size="small" items={[
            { label: '类别', children: `${EXIT_KINDS[detail.data.kind]} · ${detail.data.measure}` },
            { label: '决定日期', children: detail.data.decidedOn },
            { label: '决定', children: detail.data.decision ?? '—' },
            { label: '批准机关', children: detail.data.approver ?? '—' },
            { label: '事由', children: detail.data.reason ?? '—' },
            ...Object.entries(SNAPSHOT_LABELS).map(([k, label]) => ({ label, children: String(detail.data.snapshot[k] ?? '—') })),
          ]} />
        )}
      </Drawer>
      <FormModal<ExitForm> title="登记处置/出党" testId="exit-form" open={open} onClose={() => setOpen(false)} initialValues={{ decidedOn: dayjs() }}
        fields={['memberId', 'kind', 'measure', 'decidedOn', 'decision', 'approver', 'reason']}
        confirm="劝退、除名、开除党籍、自行脱党、死亡、退党将使该党员移出党员名册，确认登记？"
        onSubmit={(v) => create.mutateAsync({ ...v, decidedOn: v.decidedOn.format('YYYY-MM-DD') })}>
        <Form.Item name="memberId" label="党员" rules={[{ required: true, message: '请选择党员' }]}><MemberPicker /></Form.Item>
        <Form.Item name="kind" label="类别" rules={[{ required: true }]}>
          <Select
            options={(Object.keys(EXIT_KINDS) as ExitKind[]).filter((k) => k !== 'transfer_out').map((k) => ({ value: k, label: EXIT_KINDS[k] }))} />
        </Form.Item>
        <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
          {({ getFieldValue }) => {
            const kind = getFieldValue('kind') as ExitKind | undefined;
            return (
              <Form.Item name="measure" label="处置方式" rules={[{ required: true, message: '请选择处置方式' }]}>
                <Select disabled={!kind} options={kind ? Object.entries(EXIT_MEASURES[kind]).map(([m, removes]) => ({ value: m, label: removes ? `${m}（移出名册）` : m })) : []} />
              </Form.Item>
            );
          }}
        </Form.Item>
        <Form.Item name="decidedOn" label="决定日期" rules={[{ required: true }]}><DatePicker disabledDate={(d) => d.isAfter(dayjs())} /></Form.Item>
        <Form.Item name="decision" label="决定（如支部大会决议）" rules={[{ required: true, max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
        <Form.Item name="approver" label="批准机关" rules={[{ max: 100 }]}><Input /></Form.Item>
        <Form.Item name="reason" label="事由" rules={[{ max: 500 }]}><Input.TextArea rows={2} /></Form.Item>
      </FormModal>
    </>
  );
}
