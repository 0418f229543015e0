import { Result } from 'antd';

/** Shown for an org outside the caller's scope or one that does not exist (the API does not say which). */
export function ForbiddenResult({ status = '403' }: { status?: '403' | '404' }) {
  return (
    <Result
      data-testid="forbidden-result"
      status={status}
      title="无权访问或组织不存在"
      subTitle="该组织不在您的管理范围内，或已被删除。请在左侧选择其他组织。"
    />
  );
}
