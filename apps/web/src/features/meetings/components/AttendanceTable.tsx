import { Alert, Button, Input, Radio, Space, Table, Tag, Typography } from 'antd';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@dangjian/contracts';

export interface RosterRow { memberId: string; name: string; orgName: string; memberStatus: 'full' | 'probationary' }
export type Marks = Record<string, { status: AttendanceStatus; reason: string }>;

/** 签到表: one row per member on the roster, a radio for 出席/缺席/请假 and a reason. */
export function AttendanceTable(props: { rows: RosterRow[]; marks: Marks; onChange: (m: Marks) => void; congress: boolean; disabled?: boolean }) {
  const { rows, marks, onChange } = props;
  const get = (id: string) => marks[id] ?? { status: 'present' as const, reason: '' };
  const set = (id: string, v: Partial<{ status: AttendanceStatus; reason: string }>) => onChange({ ...marks, [id]: { ...get(id), ...v } });
  const count = (s: AttendanceStatus) => rows.filter((r) => get(r.memberId).status === s).length;
  const full = rows.filter((r) => r.memberStatus === 'full');
  const fullPresent = full.filter((r) => get(r.memberId).status === 'present').length;
  const short = props.congress && full.length > 0 && fullPresent * 2 < full.length;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text data-testid="attendance-summary">应到 {rows.length} 人，实到 {count('present')} 人，缺席 {count('absent')} 人，请假 {count('leave')} 人</Typography.Text>
        {!props.disabled && <Button size="small" onClick={() => onChange({})}>全部设为出席</Button>}
      </Space>
      {short && (
        <Alert type="warning" showIcon data-testid="attendance-quorum-warning"
          title={`支部党员大会须有半数以上有表决权的正式党员到会：正式党员 ${full.length} 人，实到 ${fullPresent} 人`} />
      )}
      <Table<RosterRow>
        rowKey="memberId" size="small" dataSource={rows} pagination={false} data-testid="attendance-table" scroll={{ y: 420 }}
        locale={{ emptyText: '该组织名册中没有党员' }}
        columns={[
          { title: '姓名', dataIndex: 'name', width: 110 },
          { title: '类别', dataIndex: 'memberStatus', width: 90, render: (s: string) => (s === 'full' ? '正式党员' : <Tag>预备党员</Tag>) },
          { title: '所在组织', dataIndex: 'orgName', ellipsis: true },
          {
            title: '出勤', key: 'status', width: 220,
            render: (_, r) => (
              <Radio.Group disabled={props.disabled} value={get(r.memberId).status} onChange={(e) => set(r.memberId, { status: e.target.value as AttendanceStatus })}
                data-testid={`attendance-${r.memberId}`}
                options={(Object.keys(ATTENDANCE_STATUSES) as AttendanceStatus[]).map((s) => ({ value: s, label: ATTENDANCE_STATUSES[s] }))} />
            ),
          },
          {
            title: '缺席/请假原因', key: 'reason', width: 200,
            render: (_, r) => get(r.memberId).status === 'present' ? null : (
              <Input size="small" maxLength={200} disabled={props.disabled} value={get(r.memberId).reason} placeholder="必填：如 外出务工"
                status={get(r.memberId).status === 'absent' && !get(r.memberId).reason.trim() ? 'error' : undefined}
                onChange={(e) => set(r.memberId, { reason: e.target.value })} data-testid={`attendance-reason-${r.memberId}`} />
            ),
          },
        ]}
      />
    </Space>
  );
}
