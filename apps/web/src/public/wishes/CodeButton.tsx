import { useEffect, useState } from 'react';
import type { WishCodeResponse } from '@dangjian/contracts';
import { publicPost } from '../api.ts';

export const PHONE_RE = /^1[3-9]\d{9}$/;

/**
 * 获取验证码 with a countdown (the server's resendAfterSeconds, 60 s by default). Reports the
 * server's message (e.g. too many requests) through `onError`.
 */
export function CodeButton(props: { phone: string; onError: (message: string) => void; onSent?: () => void }) {
  const [left, setLeft] = useState(0);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(t);
  }, [left]);
  const ask = async () => {
    if (!PHONE_RE.test(props.phone)) {
      props.onError('请输入 11 位手机号码');
      return;
    }
    setBusy(true);
    try {
      const r = await publicPost<WishCodeResponse>('/wishes/code', { phone: props.phone });
      setLeft(r.resendAfterSeconds || 60);
      props.onSent?.();
    } catch (e) {
      props.onError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="btn ghost" disabled={busy || left > 0} onClick={() => void ask()} data-testid="wish-code-send">
      {left > 0 ? `${left} 秒后重发` : busy ? '发送中…' : '获取验证码'}
    </button>
  );
}
