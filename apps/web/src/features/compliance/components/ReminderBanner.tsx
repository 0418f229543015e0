import { Alert, Typography } from 'antd';
import { Link } from 'react-router';
import { useReminders } from '../api.ts';

/**
 * The secretary's reminder banner: meetings still missing in a period that closes within 10
 * days, and those the previous period closed without. Renders nothing when there are none (or
 * for users who convene no meetings). Mount it once above the page content in the layout.
 */
export function ReminderBanner() {
  const r = useReminders();
  const items = r.data?.items ?? [];
  if (items.length === 0) return null;
  const due = items.filter((i) => i.level === 'due').length;
  const shown = items.slice(0, 5);
  return (
    <Alert
      type={due > 0 ? 'warning' : 'error'} showIcon closable style={{ marginBottom: 12 }} data-testid="compliance-reminders"
      title={`组织生活提醒：${due > 0 ? `${due} 项会议在本期结束前尚未召开` : ''}${due > 0 && items.length > due ? '，' : ''}${items.length > due ? `${items.length - due} 项上期未落实` : ''}`}
      description={(
        <>
          {shown.map((i) => <div key={`${i.orgId}-${i.kind}-${i.level}-${i.periodLabel}`}>{i.message}</div>)}
          {items.length > shown.length && <Typography.Text type="secondary">…… 另有 {items.length - shown.length} 项，</Typography.Text>}
          <Link to="/compliance">查看落实情况</Link>
        </>
      )}
    />
  );
}
