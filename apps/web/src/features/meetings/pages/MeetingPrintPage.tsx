import { useNavigate, useParams } from 'react-router';
import { Alert, Button, Space, Spin } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useMeetingPrint } from '../api.ts';
import { fmtTime } from '../components/MeetingTags.tsx';

// The paper 会议记录 on A4: only the sheet prints, everything else on the page is hidden.
const PRINT_CSS = `
.meeting-sheet { font-family: "SimSun", "Songti SC", serif; color: #000; background: #fff; max-width: 210mm; margin: 0 auto; padding: 12mm; }
.meeting-sheet h2 { text-align: center; letter-spacing: 6px; margin: 0 0 4px; font-size: 22px; }
.meeting-sheet .sub { text-align: center; margin-bottom: 12px; }
.meeting-sheet table { width: 100%; border-collapse: collapse; }
.meeting-sheet td, .meeting-sheet th { border: 1px solid #000; padding: 6px 8px; font-size: 14px; text-align: left; vertical-align: top; }
.meeting-sheet th { width: 16%; font-weight: normal; white-space: nowrap; }
.meeting-sheet .body { height: 120px; white-space: pre-wrap; }
.meeting-sheet .sign { display: flex; justify-content: space-between; margin-top: 24px; }
@media print {
  body * { visibility: hidden !important; }
  .meeting-sheet, .meeting-sheet * { visibility: visible !important; }
  .meeting-sheet { position: absolute; left: 0; top: 0; width: 100%; padding: 0; }
  @page { size: A4 portrait; margin: 15mm; }
}`;

/** 会议记录 (A4), in the form branches keep on paper: 时间、地点、主持人、记录人、出勤、议题、内容、决议. */
export function MeetingPrintPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const q = useMeetingPrint(id);
  if (q.isError) return <Alert type="error" showIcon title={q.error.message} />;
  const m = q.data;
  if (!m) return <Spin />;
  const names = (s: 'present' | 'absent' | 'leave') => m.attendance.filter((a) => a.status === s);
  const absentees = [...names('absent'), ...names('leave')].map((a) => `${a.name}（${a.status === 'leave' ? '请假' : '缺席'}${a.reason ? `：${a.reason}` : ''}）`);
  return (
    <div>
      <style>{PRINT_CSS}</style>
      <Space style={{ marginBottom: 12 }}>
        <Button onClick={() => void navigate(-1)}>返回</Button>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="meeting-print-go">打印</Button>
      </Space>
      <div className="meeting-sheet" data-testid="meeting-print-sheet">
        <h2>会 议 记 录</h2>
        <div className="sub">{m.orgFullName} · {m.kindLabel}</div>
        <table>
          <tbody>
            <tr><th>会议名称</th><td colSpan={3}>{m.title}</td></tr>
            <tr><th>时间</th><td>{fmtTime(m.heldAt)}{m.endedAt ? ` 至 ${fmtTime(m.endedAt).slice(11)}` : ''}</td><th>地点</th><td>{m.place ?? ''}</td></tr>
            <tr><th>主持人</th><td>{m.host ?? ''}</td><th>记录人</th><td>{m.recorder ?? ''}</td></tr>
            <tr><th>应到人数</th><td>{m.counts.due} 人</td><th>实到人数</th><td>{m.counts.present} 人</td></tr>
            <tr><th>出席人员</th><td colSpan={3}>{names('present').map((a) => a.name).join('、') || '—'}</td></tr>
            <tr><th>缺席人员及原因</th><td colSpan={3}>{absentees.join('；') || '无'}</td></tr>
            <tr><th>列席人员</th><td colSpan={3}>{m.observers ?? '无'}</td></tr>
            <tr><th>议题</th><td colSpan={3} className="body" style={{ height: 60 }}>{m.topics ?? ''}</td></tr>
            <tr><th>会议内容</th><td colSpan={3} className="body">{m.minutes ?? ''}</td></tr>
            <tr><th>决议</th><td colSpan={3} className="body" style={{ height: 60 }}>{m.resolutions ?? ''}</td></tr>
            {m.amendments.length > 0 && (
              <tr><th>更正记录</th><td colSpan={3}>{m.amendments.map((a) => <div key={a.id}>{fmtTime(a.at)} {a.actorName}：{a.reason}</div>)}</td></tr>
            )}
          </tbody>
        </table>
        {m.quorum && !m.quorum.met && <p>注：到会正式党员 {m.quorum.fullPresent} 人，未达有表决权党员半数（{m.quorum.required} 人）。</p>}
        <div className="sign"><span>主持人（签字）：</span><span>记录人（签字）：</span><span>打印日期：{fmtTime(m.printedAt).slice(0, 10)}</span></div>
      </div>
    </div>
  );
}
