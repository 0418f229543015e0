import { useState } from 'react';
import { publicPost } from '../api.ts';

/**
 * 满意 / 有异议 on a fulfilled wish, each behind a second step: confirming is final (the member
 * earns points), and a dispute needs a reason.
 */
export function ConfirmBox(props: { id: string; token: string; onDone: (message: string) => void }) {
  const [mode, setMode] = useState<'ask' | 'yes' | 'no'>('ask');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const send = async (satisfied: boolean) => {
    if (!satisfied && comment.trim().length < 2) {
      setError('有异议时请说明原因');
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await publicPost(`/wishes/${props.id}/confirm`, { token: props.token, satisfied, ...(comment.trim() ? { comment: comment.trim() } : {}) });
      props.onDone(satisfied ? '感谢您的确认！' : '已提交异议，党支部会尽快联系您');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="confirm-box" data-testid={`wish-confirm-box-${props.id}`}>
      {mode === 'ask' && (
        <>
          <p><b>心愿已完成，请您确认：</b></p>
          <p className="actions">
            <button type="button" className="btn" onClick={() => setMode('yes')} data-testid="wish-satisfied">满意</button>
            <button type="button" className="btn ghost" onClick={() => setMode('no')} data-testid="wish-dispute">有异议</button>
          </p>
        </>
      )}
      {mode === 'yes' && (
        <>
          <p>确认对这次服务满意吗？确认后不能更改。</p>
          <p className="actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void send(true)} data-testid="wish-satisfied-ok">确认满意</button>
            <button type="button" className="btn ghost" disabled={busy} onClick={() => setMode('ask')}>返回</button>
          </p>
        </>
      )}
      {mode === 'no' && (
        <>
          <label>
            <span>请说明哪里不满意</span>
            <textarea rows={3} maxLength={200} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="wish-dispute-comment" />
          </label>
          <p className="actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void send(false)} data-testid="wish-dispute-ok">提交异议</button>
            <button type="button" className="btn ghost" disabled={busy} onClick={() => setMode('ask')}>返回</button>
          </p>
        </>
      )}
      {error && <p className="field-error" role="alert">{error}</p>}
    </div>
  );
}
