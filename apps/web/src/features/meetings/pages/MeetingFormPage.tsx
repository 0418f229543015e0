import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import dayjs, { type Dayjs } from 'dayjs';
import { Alert, App, Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Spin } from 'antd';
import type { AttendanceInput, MeetingDetail } from '@dangjian/contracts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { useCreateMeeting, useMeeting, useMeetingKinds, useMeetingRoster, useMeetingTemplates, useUpdateMeeting } from '../api.ts';
import { AttendanceTable, type Marks } from '../components/AttendanceTable.tsx';
import { KindAddButton } from '../components/KindAddButton.tsx';

interface Values {
  orgId: string; kind: string; templateCode?: string; title: string; heldAt: Dayjs; endedAt?: Dayjs | null;
  place?: string; host?: string; recorder?: string; observers?: string; topics?: string; minutes?: string; resolutions?: string;
}

function marksOf(d: MeetingDetail): Marks {
  return Object.fromEntries(d.attendance.filter((a) => a.status !== 'present').map((a) => [a.memberId, { status: a.status, reason: a.reason ?? '' }]));
}

/** The record form (新建 / 修改): fields of the paper 会议记录 and the attendance table. */
export function MeetingFormPage() {
  const { id } = useParams();
  const existing = useMeeting(id);
  if (id && !existing.data) return existing.isError ? <Alert type="error" showIcon title={existing.error.message} /> : <Spin />;
  return <MeetingForm key={id ?? 'new'} meeting={existing.data} />;
}

function MeetingForm({ meeting }: { meeting?: MeetingDetail }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const defaultOrg = useDefaultOrgId();
  const orgId = Form.useWatch('orgId', form) ?? meeting?.orgId;
  const kind = Form.useWatch('kind', form);
  const heldAt = Form.useWatch('heldAt', form);
  const kinds = useMeetingKinds(orgId);
  const templates = useMeetingTemplates();
  const roster = useMeetingRoster(meeting ? undefined : orgId, kind, heldAt?.format('YYYY-MM-DD'));
  const [marks, setMarks] = useState<Marks>(() => (meeting ? marksOf(meeting) : {}));
  const create = useCreateMeeting();
  const update = useUpdateMeeting(meeting?.id ?? '');
  const rows = useMemo(() => (meeting ? meeting.attendance : roster.data?.items ?? []), [meeting, roster.data]);

  useEffect(() => {
    if (!meeting && !form.getFieldValue('orgId') && (params.get('orgId') ?? defaultOrg)) form.setFieldValue('orgId', params.get('orgId') ?? defaultOrg);
  }, [defaultOrg, form, meeting, params]);

  const applyTemplate = (code?: string) => {
    const t = templates.data?.items.find((x) => x.code === code);
    if (t) form.setFieldsValue({ kind: t.kind, title: form.getFieldValue('title') || t.title, topics: t.topics });
  };

  const submit = async (v: Values) => {
    const attendance: AttendanceInput[] = rows.map((r) => ({ memberId: r.memberId, status: marks[r.memberId]?.status ?? 'present', reason: marks[r.memberId]?.reason.trim() || null }));
    const missing = attendance.find((a) => a.status === 'absent' && !a.reason);
    if (missing) return void message.error('缺席人员须填写原因');
    const fields = {
      kind: v.kind, title: v.title, heldAt: v.heldAt.format(), endedAt: v.endedAt ? v.endedAt.format() : null,
      place: v.place ?? null, host: v.host ?? null, recorder: v.recorder ?? null, observers: v.observers ?? null,
      topics: v.topics ?? null, minutes: v.minutes ?? null, resolutions: v.resolutions ?? null, attendance,
    };
    try {
      const saved = meeting
        ? await update.mutateAsync(fields)
        : await create.mutateAsync({ orgId: v.orgId, ...(v.templateCode && { templateCode: v.templateCode }), ...fields });
      message.success('会议记录已保存');
      void navigate(`/meetings/${saved.id}`);
    } catch (e) {
      message.error((e as Error).message);
    }
  };

  const initial: Partial<Values> = meeting
    ? {
      orgId: meeting.orgId, kind: meeting.kind, title: meeting.title, heldAt: dayjs(meeting.heldAt), endedAt: meeting.endedAt ? dayjs(meeting.endedAt) : null,
      place: meeting.place ?? undefined, host: meeting.host ?? undefined, recorder: meeting.recorder ?? undefined, observers: meeting.observers ?? undefined,
      topics: meeting.topics ?? undefined, minutes: meeting.minutes ?? undefined, resolutions: meeting.resolutions ?? undefined,
    }
    : { heldAt: dayjs().minute(0).second(0) };

  return (
    <Card title={meeting ? `修改会议记录：${meeting.title}` : '新建会议记录'} extra={<Button onClick={() => void navigate(-1)}>返回</Button>}>
      {meeting?.locked && <Alert type="warning" showIcon title="该记录已锁定，不能修改" style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} disabled={meeting?.locked} data-testid="meeting-form">
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="orgId" label="召开组织" rules={[{ required: true, message: '请选择组织' }]}>
              <OrgPicker disabled={!!meeting} style={{ width: '100%' }} testId="meeting-form-org" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item label="会议类型" required>
              <Space.Compact style={{ width: '100%' }}>
                <Form.Item name="kind" noStyle rules={[{ required: true, message: '请选择会议类型' }]}>
                  <Select placeholder="选择类型" data-testid="meeting-form-kind" options={kinds.data?.items.map((k) => ({ value: k.code, label: k.label }))} />
                </Form.Item>
                {orgId && <KindAddButton orgId={orgId} onAdded={(code) => form.setFieldValue('kind', code)} />}
              </Space.Compact>
            </Form.Item>
          </Col>
          {!meeting && (
            <Col xs={24} md={8}>
              <Form.Item name="templateCode" label="会议模板" tooltip="选择后自动填入议程">
                <Select allowClear placeholder="不使用模板" onChange={applyTemplate} data-testid="meeting-form-template"
                  options={templates.data?.items.map((t) => ({ value: t.code, label: t.name }))} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}><Form.Item name="title" label="会议名称" rules={[{ required: true, min: 2, max: 200 }]}><Input data-testid="meeting-form-title" /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="heldAt" label="开始时间" rules={[{ required: true }]}><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="meeting-form-held" /></Form.Item></Col>
          <Col xs={12} md={6}><Form.Item name="endedAt" label="结束时间"><DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item name="place" label="地点" rules={[{ max: 200 }]}><Input data-testid="meeting-form-place" /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item name="host" label="主持人" rules={[{ max: 50 }]}><Input data-testid="meeting-form-host" /></Form.Item></Col>
          <Col xs={12} md={4}><Form.Item name="recorder" label="记录人" rules={[{ max: 50 }]}><Input data-testid="meeting-form-recorder" /></Form.Item></Col>
          <Col xs={24} md={8}><Form.Item name="observers" label="列席人员" rules={[{ max: 500 }]}><Input /></Form.Item></Col>
          <Col span={24}><Form.Item name="topics" label="议题" rules={[{ max: 5000 }]}><Input.TextArea autoSize={{ minRows: 3 }} data-testid="meeting-form-topics" /></Form.Item></Col>
          <Col span={24}><Form.Item name="minutes" label="会议内容（记录）" rules={[{ max: 50000 }]}><Input.TextArea autoSize={{ minRows: 5 }} /></Form.Item></Col>
          <Col span={24}><Form.Item name="resolutions" label="决议" rules={[{ max: 10000 }]}><Input.TextArea autoSize={{ minRows: 2 }} /></Form.Item></Col>
        </Row>
        <Form.Item label="参会情况（名单取自党员名册）">
          {!meeting && (!kind || !orgId) ? <Alert type="info" title="选择组织和会议类型后显示应到人员" />
            : <AttendanceTable rows={rows} marks={marks} onChange={setMarks} congress={kind === 'branch_congress'} disabled={meeting?.locked} />}
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending} data-testid="meeting-form-submit">保存</Button>
      </Form>
    </Card>
  );
}
