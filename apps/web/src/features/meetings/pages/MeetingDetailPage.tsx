import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Spin, Tag, Tooltip, Typography } from 'antd';
import { EditOutlined, PrinterOutlined } from '@ant-design/icons';
import { useDeleteMeeting, useMeeting } from '../api.ts';
import { MeetingTags, fmtTime } from '../components/MeetingTags.tsx';
import { AttendanceTable } from '../components/AttendanceTable.tsx';
import { MeetingFiles } from '../components/MeetingFiles.tsx';
import { AmendmentsCard, AmendModal } from '../components/Amendments.tsx';

const text = (v: string | null) => (v ? <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{v}</Typography.Paragraph> : '—');

/** One meeting record with attendance, files and amendments; edit only before the lock. */
export function MeetingDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = useMeeting(id);
  const remove = useDeleteMeeting();
  const [amending, setAmending] = useState(false);
  if (q.isError) return <Alert type="error" showIcon title="会议记录不存在或不在您的管理范围内" description={q.error.message} />;
  const m = q.data;
  if (!m) return <Spin />;
  const marks = Object.fromEntries(m.attendance.map((a) => [a.memberId, { status: a.status, reason: a.reason ?? '' }]));

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={16}>
      <Card
        title={<Space wrap><span data-testid="meeting-title">{m.title}</span><Tag color="red">{m.kindLabel}</Tag><MeetingTags m={m} /></Space>}
        extra={
          <Space wrap>
            <Button onClick={() => void navigate(`/meetings?orgId=${m.orgId}`)}>返回列表</Button>
            <Link to="print"><Button icon={<PrinterOutlined />} data-testid="meeting-print">打印</Button></Link>
            <Tooltip title={m.locked ? `会议召开 ${m.lockDays} 天后记录锁定，如需更正请联系上级党组织书记` : undefined}>
              <Button icon={<EditOutlined />} disabled={!m.canEdit} onClick={() => void navigate('edit')} data-testid="meeting-edit">修改</Button>
            </Tooltip>
            {m.canEdit && (
              <Popconfirm title="删除这条会议记录？" description="参会情况和附件将一并删除，且不可恢复。" okText="删除" okButtonProps={{ danger: true }}
                onConfirm={() => remove.mutateAsync(m.id).then(() => { message.success('已删除'); void navigate('/meetings'); }, (e: Error) => message.error(e.message))}>
                <Button danger>删除</Button>
              </Popconfirm>
            )}
            {m.canAmend && <Button type="primary" onClick={() => setAmending(true)} data-testid="meeting-amend">更正记录</Button>}
          </Space>
        }
      >
        {m.locked && (
          <Alert type="info" showIcon style={{ marginBottom: 12 }} data-testid="meeting-locked-alert"
            title={`本记录已于 ${fmtTime(m.lockedAt!)} 锁定（会议召开 ${m.lockDays} 天后），不能直接修改；更正须由上级党组织书记提出并留痕。`} />
        )}
        {m.quorum && !m.quorum.met && (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }}
            title={`到会人数不足：支部党员大会须有半数以上有表决权的正式党员到会（正式党员 ${m.quorum.fullDue} 人，实到 ${m.quorum.fullPresent} 人，至少 ${m.quorum.required} 人）。`} />
        )}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label="组织">{m.orgName}</Descriptions.Item>
          <Descriptions.Item label="时间">{fmtTime(m.heldAt)}{m.endedAt ? ` 至 ${fmtTime(m.endedAt).slice(11)}` : ''}</Descriptions.Item>
          <Descriptions.Item label="地点">{m.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="主持人 / 记录人">{m.host ?? '—'} / {m.recorder ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="出勤" span={2}>
            <span data-testid="meeting-counts">应到 {m.counts.due} 人，实到 {m.counts.present} 人，缺席 {m.counts.absent} 人，请假 {m.counts.leave} 人</span>
          </Descriptions.Item>
          <Descriptions.Item label="列席人员" span={2}>{m.observers ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="议题" span={2}>{text(m.topics)}</Descriptions.Item>
          <Descriptions.Item label="会议内容" span={2}>{text(m.minutes)}</Descriptions.Item>
          <Descriptions.Item label="决议" span={2}>{text(m.resolutions)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title="参会情况" size="small">
        <AttendanceTable rows={m.attendance} marks={marks} onChange={() => undefined} congress={m.kind === 'branch_congress'} disabled />
      </Card>
      <MeetingFiles meeting={m} />
      <AmendmentsCard meeting={m} />
      {amending && <AmendModal meeting={m} onClose={() => setAmending(false)} />}
    </Space>
  );
}
