import { useCallback, useEffect, useState, type FormEvent } from 'react';
import type { ResidentWishesResponse } from '@dangjian/contracts';
import { publicPost } from '../api.ts';
import { CodeButton, PHONE_RE } from '../wishes/CodeButton.tsx';
import { ConfirmBox } from '../wishes/ConfirmBox.tsx';
import { WishCard } from '../wishes/WishCard.tsx';
import { loadTickets, saveTickets, type WishTicket } from '../wishes/storage.ts';

/** Finds the wishes of a phone number with a fresh SMS code (new phone, or storage cleared). */
function Lookup({ onFound }: { onFound: (r: ResidentWishesResponse) => void }) {
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!PHONE_RE.test(phone)) return setError('请输入 11 位手机号码');
    if (!/^\d{6}$/.test(code)) return setError('请输入 6 位验证码');
    setBusy(true);
    setError(undefined);
    try {
      onFound(await publicPost<ResidentWishesResponse>('/wishes/lookup', { phone, code }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate data-testid="wish-lookup">
      <p>用提交心愿时的手机号码查找：</p>
      <label>
        <span>手机号码</span>
        <input value={phone} inputMode="numeric" autoComplete="tel" maxLength={11} onChange={(e) => setPhone(e.target.value.replace(/\D/g, ''))} data-testid="wish-phone" />
      </label>
      <div className="field">
        <span>验证码</span>
        <div className="code-row">
          <input value={code} inputMode="numeric" autoComplete="one-time-code" maxLength={6} onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))} data-testid="wish-code" aria-label="验证码" />
          <CodeButton phone={phone} onError={setError} onSent={() => setError(undefined)} />
        </div>
      </div>
      {error && <p className="field-error" role="alert">{error}</p>}
      <button type="submit" className="btn block" disabled={busy} data-testid="wish-lookup-submit">{busy ? '正在查找…' : '查找我的心愿'}</button>
    </form>
  );
}

/**
 * 我的心愿: the wishes whose tokens this phone keeps (no sign-in), their review outcome, and
 * 满意 / 有异议 on fulfilled ones. A phone number with a code brings them back on a new phone.
 */
export function MyWishes() {
  const [tickets, setTickets] = useState<WishTicket[]>(loadTickets);
  const [data, setData] = useState<ResidentWishesResponse>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(tickets.length > 0);
  const [lookup, setLookup] = useState(false);
  const [flash, setFlash] = useState<string>();

  const load = useCallback(async (ts: WishTicket[]) => {
    if (ts.length === 0) return;
    setLoading(true);
    try {
      const r = await publicPost<ResidentWishesResponse>('/wishes/mine', { tokens: ts });
      if (r.tokens.length > 0) setTickets(saveTickets(r.tokens));
      setData(r);
      setError(undefined);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void load(loadTickets());
  }, [load]);

  const found = (r: ResidentWishesResponse) => {
    setTickets(saveTickets(r.tokens));
    setData(r);
    setLookup(false);
  };
  const tokenOf = (id: string) => tickets.find((t) => t.id === id)?.token;
  const items = data?.items ?? [];

  return (
    <section data-testid="my-wishes">
      <p className="actions">
        <a className="btn" href="/public/wishes/new">我要许愿</a>
        <a className="btn ghost" href="/public/wishes">心愿墙</a>
      </p>
      {flash && <p className="notice" role="status">{flash}</p>}
      {error && <p className="error">加载失败：{error}</p>}
      {(tickets.length === 0 || lookup) && <Lookup onFound={found} />}
      {loading && <p className="empty">正在加载……</p>}
      {!loading && data && items.length === 0 && <p className="empty">没有找到您提交的心愿</p>}
      {items.map((w) => {
        const token = tokenOf(w.id);
        return (
          <WishCard key={w.id} w={w}>
            {w.status === 'pending' && <p className="muted">党支部正在审核，请耐心等待。</p>}
            {w.rejectReason && <p className="field-error">未通过原因：{w.rejectReason}</p>}
            {w.disputeComment && <p className="muted">您的异议：{w.disputeComment}</p>}
            {w.status === 'fulfilled' && token && (
              <ConfirmBox id={w.id} token={token} onDone={(m) => { setFlash(m); void load(tickets); }} />
            )}
          </WishCard>
        );
      })}
      {tickets.length > 0 && !lookup && (
        <p className="center"><button type="button" className="link" onClick={() => setLookup(true)} data-testid="wish-lookup-open">换个手机号查找</button></p>
      )}
    </section>
  );
}
