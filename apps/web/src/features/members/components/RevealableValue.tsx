import { useState } from 'react';
import { Button, Space, Typography, message } from 'antd';
import { useRevealMember } from '../api.ts';

/** A masked value with a 查看 button: the full value comes from the audited reveal endpoint. */
export function RevealableValue(props: { memberId: string; field: 'idNumber' | 'phone'; masked: string | null; allowed: boolean }) {
  const reveal = useRevealMember(props.memberId);
  const [full, setFull] = useState<string | null>(null);
  if (!props.masked) return <Typography.Text type="secondary">未登记</Typography.Text>;
  return (
    <Space size={4}>
      <code data-testid={`member-${props.field}`}>{full ?? props.masked}</code>
      {props.allowed && full === null && (
        <Button
          size="small"
          type="link"
          loading={reveal.isPending}
          data-testid={`reveal-${props.field}`}
          onClick={() => reveal.mutate(props.field, { onSuccess: (r) => setFull(r.value), onError: (e) => void message.error(e.message) })}
        >
          查看
        </Button>
      )}
    </Space>
  );
}
