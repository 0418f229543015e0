import { Alert, Flex } from 'antd';
import type { OrgWarning } from '@dangjian/contracts';

/** Size and term rules this organization breaks (《支部工作条例》), computed by the server. */
export function OrgWarnings({ warnings }: { warnings: OrgWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <Flex vertical gap={8} data-testid="org-warnings">
      {warnings.map((w) => (
        <Alert key={w.code} type={w.code === 'TEAM_TERM_ENDING' ? 'info' : 'warning'} showIcon title={w.message} data-testid={`warning-${w.code}`} />
      ))}
    </Flex>
  );
}
