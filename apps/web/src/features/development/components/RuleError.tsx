import { Alert } from 'antd';
import { isApiError } from '../../../lib/api.ts';

/** A refused step or case: the rule's Chinese name and what broke it, or the plain error. */
export function RuleError({ error }: { error: unknown }) {
  if (!error) return null;
  if (isApiError(error, 'DEV_RULE_VIOLATION')) {
    const d = error.details as { ruleName: string; message: string; rule: string; violations?: { ruleName: string; message: string }[] };
    return (
      <Alert type="error" showIcon data-testid="dev-rule-error" style={{ marginBottom: 12 }}
        title={`不符合规定：${d.ruleName}`}
        description={<>{(d.violations ?? [d]).map((v, i) => <div key={i}>{v.ruleName}：{v.message}</div>)}</>} />
    );
  }
  return <Alert type="error" showIcon data-testid="dev-rule-error" style={{ marginBottom: 12 }} title={error instanceof Error ? error.message : String(error)} />;
}
