import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, List, Row, Select, Space, Spin, Tag, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { DEV_CASE_STATUSES, DEV_NOTICE_KINDS, DEV_STAGES, DEV_STEPS, type DevCaseDetail, type DevNoticeKind } from '@dangjian/contracts';
import { documentUrl, uploadDocument, usePublishNotice, useDevCase } from '../api.ts';
import { StepTimeline } from '../components/StepTimeline.tsx';
import { StepForm } from '../components/StepForm.tsx';
import { RuleError } from '../components/RuleError.tsx';
import { useQueryClient } from '@tanstack/react-query';

function NoticeCard({ c }: { c: DevCaseDetail }) {
  const publish = usePublishNotice(c.id);
  const [kind, setKind] = useState<DevNoticeKind>();
  const [startOn, setStartOn] = useState('');
  const open = (Object.entries(DEV_NOTICE_KINDS) as [DevNoticeKind, (typeof DEV_NOTICE_KINDS)[DevNoticeKind]][])
    .filter(([, k]) => c.currentStep >= k.afterStep && c.currentStep < k.beforeStep);
  return (
    <Card size="small" title={`公示（${c.rules.publicityKinds.length ? `本地要求 ${c.rules.publicityWorkingDays} 个工作日` : '本规则集不强制'}）`} style={{ marginBottom: 12 }}>
      <List size="small" dataSource={c.notices} locale={{ emptyText: '暂无公示' }} renderItem={(n) => (
        <List.Item>{n.title}<Tag style={{ marginLeft: 8 }}>{n.startOn} 至 {n.endOn}（{n.workingDays} 个工作日）</Tag></List.Item>
      )} />
      {c.canEdit && open.length > 0 && (
        <Space wrap style={{ marginTop: 8 }}>
          <Select placeholder="公示类型" style={{ width: 180 }} value={kind} onChange={setKind} options={open.map(([k, v]) => ({ value: k, label: v.name }))} />
          <Input type="date" value={startOn} onChange={(e) => setStartOn(e.target.value)} style={{ width: 170 }} />
          <Button disabled={!kind || !startOn} loading={publish.isPending} onClick={() => kind && publish.mutate({ kind, startOn })}>发布公示</Button>
        </Space>
      )}
      <RuleError error={publish.error} />
    </Card>
  );
}

function DocumentsCard({ c }: { c: DevCaseDetail }) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [stepNo, setStepNo] = useState(c.currentStep);
  return (
    <Card size="small" title="材料" style={{ marginBottom: 12 }}>
      <List size="small" dataSource={c.documents} locale={{ emptyText: '暂无材料' }} renderItem={(d) => (
        <List.Item><a href={documentUrl(c.id, d.id)} target="_blank" rel="noreferrer">{d.fileName}</a><span style={{ color: '#888' }}>第 {d.stepNo} 步 · {(d.size / 1024).toFixed(0)} KB</span></List.Item>
      )} />
      {c.canEdit && (
        <Space style={{ marginTop: 8 }}>
          <Select value={stepNo} onChange={setStepNo} style={{ width: 200 }} options={DEV_STEPS.filter((s) => s.no <= c.currentStep + 1).map((s) => ({ value: s.no, label: `${s.no}. ${s.name}` }))} />
          <Upload accept=".pdf,.jpg,.jpeg,.png" showUploadList={false} customRequest={async ({ file, onSuccess, onError }) => {
            try {
              await uploadDocument(c.id, stepNo, file as File);
              message.success('已上传');
              onSuccess?.(null);
              await qc.invalidateQueries({ queryKey: ['development'] });
            } catch (e) {
              message.error(e instanceof Error ? e.message : '上传失败');
              onError?.(e as Error);
            }
          }}><Button icon={<UploadOutlined />}>上传 PDF/图片</Button></Upload>
        </Space>
      )}
    </Card>
  );
}

/** One development case: the applicant, deadlines, the 25-step timeline, the next step's form, 公示, materials. */
export default function CasePage() {
  const { id } = useParams();
  const q = useDevCase(id);
  if (q.isPending) return <Spin />;
  if (q.isError) return <Alert type="error" showIcon title="档案加载失败" description={q.error.message} />;
  const c = q.data;
  const next = c.status === 'active' ? (c.steps.at(-1)?.decision === 'extend' ? 23 : c.currentStep + 1) : null;
  return (
    <Row gutter={16}>
      <Col xs={24} lg={15}>
        <Card title={<Space>{c.name}<Tag color={c.status === 'active' ? 'processing' : c.status === 'completed' ? 'success' : 'default'} data-testid="dev-status">{DEV_CASE_STATUSES[c.status]}</Tag></Space>}
          extra={<Space><Link to={`/development/${c.id}/print/filing`}>打印备案登记表</Link><Link to={`/development/${c.id}/print/record`}>打印发展纪实表</Link><Link to="/development">返回</Link></Space>}>
          {c.deadlines.map((d) => (
            <Alert key={d.code} style={{ marginBottom: 8 }} showIcon type={d.state === 'overdue' ? 'error' : d.state === 'due_soon' ? 'warning' : 'info'}
              title={`${d.name}：${d.dueOn} 前${d.state === 'overdue' ? '（已逾期）' : d.state === 'due_soon' ? '（即将到期）' : ''}`} data-testid="dev-deadline" />
          ))}
          {c.memberId && <Alert type="success" showIcon style={{ marginBottom: 8 }} title={`已登记入党员名册（${c.status === 'completed' || c.currentStep >= 24 ? '正式党员' : '预备党员'}）`} />}
          <Descriptions size="small" column={2} style={{ marginBottom: 12 }} items={[
            { label: '所在支部', children: c.orgName }, { label: '阶段', children: DEV_STAGES[c.stage - 1]?.name },
            { label: '身份证号', children: c.idNumberMasked }, { label: '出生日期', children: c.birthDate },
            { label: '递交申请', children: c.appliedOn }, { label: '预备期满', children: c.probationEnd ?? '—' },
            { label: '适用规则', children: c.ruleSets.map((s) => <Tag key={s.code}>{s.document}</Tag>), span: 2 },
          ]} />
          {next && c.canEdit && (
            <Card size="small" type="inner" title={`办理下一步：第 ${next} 步 ${DEV_STEPS[next - 1]!.name}`} style={{ marginBottom: 16 }}>
              <StepForm key={`${next}-${c.steps.length}`} c={c} stepNo={next} />
            </Card>
          )}
          <StepTimeline c={c} />
        </Card>
      </Col>
      <Col xs={24} lg={9}>
        <NoticeCard c={c} />
        <DocumentsCard c={c} />
        {c.steps.length === 0 && <Empty />}
      </Col>
    </Row>
  );
}
