import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { MemberStatus } from '@dangjian/contracts';
import { downloadFile } from '../api.ts';

/**
 * 导出 Excel for the member list: the same filters as the list; the server builds the file
 * (masked ID numbers and phones, title row with org and time) and audits the export.
 * Mount beside the list filters: <ExportMembersButton orgId={orgId} status={status} q={q} />
 */
export function ExportMembersButton({ orgId, status, q }: { orgId: string; status?: MemberStatus; q?: string }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      await downloadFile('/members/export', { orgId, status, q: q || undefined });
    } catch (e) {
      message.error(e instanceof Error ? e.message : '导出失败');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={busy} onClick={() => void run()} data-testid="member-export">
      导出 Excel
    </Button>
  );
}
