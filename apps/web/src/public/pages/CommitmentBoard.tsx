import { useEffect, useState } from 'react';
import type { PublicCommitment, PublicCommitmentBoardsResponse, PublicCommitmentCard, PublicCommitmentsResponse } from '@dangjian/contracts';
import { publicGet, publicPost, PublicError } from '../api.ts';
import { useLoad } from '../useLoad.ts';

const KEY = 'dj-commitment-village';
const day = (s: string) => s.slice(0, 10);
const photo = (id: string) => `/api/v1/public/commitment-photos/${id}`;

/** The village from ?villageId=, else the last one chosen on this phone. */
function initialVillage(): string {
  return new URLSearchParams(window.location.search).get('villageId') ?? localStorage.getItem(KEY) ?? '';
}

/** 我要评价: nickname optional, 5–200 characters; the server rate-limits per address. */
function FeedbackForm({ c, onDone }: { c: PublicCommitment; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [nickname, setNickname] = useState('');
  const [content, setContent] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (!open) return <button type="button" className="btn ghost" onClick={() => setOpen(true)} data-testid={`cm-feedback-open-${c.id}`}>我要评价</button>;
  const send = async () => {
    if (content.trim().length < 5) return setError('评价内容至少 5 个字');
    setBusy(true);
    setError(undefined);
    try {
      await publicPost(`/commitments/${c.id}/feedback`, { content: content.trim(), ...(nickname.trim() ? { nickname: nickname.trim() } : {}) });
      setOpen(false);
      setContent('');
      onDone();
    } catch (e) {
      setError(e instanceof PublicError ? e.message : '提交失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="form cm-form">
      <label><span>称呼（可不填）</span><input value={nickname} maxLength={20} onChange={(e) => setNickname(e.target.value)} placeholder="如：王大爷" /></label>
      <label><span>评价内容</span>
        <textarea rows={3} maxLength={200} value={content} onChange={(e) => setContent(e.target.value)} aria-invalid={!!error} data-testid={`cm-feedback-text-${c.id}`} />
        <span className="count muted">{content.length}/200</span>
        {error && <span className="field-error">{error}</span>}
      </label>
      <p className="muted">请勿填写电话、身份证号等个人信息。</p>
      <div className="actions">
        <button type="button" className="btn" disabled={busy} onClick={() => void send()} data-testid={`cm-feedback-send-${c.id}`}>提交评价</button>
        <button type="button" className="btn ghost" onClick={() => setOpen(false)}>取消</button>
      </div>
    </div>
  );
}

function Commitment({ c, onChanged }: { c: PublicCommitment; onChanged: () => void }) {
  const [thanks, setThanks] = useState(false);
  return (
    <li className="cm-item" data-testid="cm-item">
      <p className="cm-content">{c.content} {c.completedAt ? <span className="tag cm-done">已践诺{c.rating ? ` · ${c.rating}` : ''}</span> : <span className="tag">践诺中</span>}</p>
      {c.progress.length > 0 && (
        <ul className="cm-progress">
          {c.progress.map((p, i) => (
            <li key={i}><span className="muted">{p.onDate}</span> {p.note}{p.photoId && <img src={photo(p.photoId)} alt="践诺照片" loading="lazy" />}</li>
          ))}
        </ul>
      )}
      {c.completedAt && c.completionNote && <p className="muted">完成情况：{c.completionNote}（{day(c.completedAt)}）</p>}
      {c.feedback.length > 0 && (
        <ul className="cm-feedback">
          {c.feedback.map((f) => (
            <li key={f.id}>
              <b>{f.nickname}</b>：{f.content} <span className="muted">{day(f.createdAt)}</span>
              {f.answer && <div className="cm-answer">支部回复：{f.answer}</div>}
            </li>
          ))}
        </ul>
      )}
      {thanks && <p className="notice">感谢您的评价！</p>}
      <FeedbackForm c={c} onDone={() => { setThanks(true); onChanged(); }} />
    </li>
  );
}

function Card({ p, onChanged }: { p: PublicCommitmentCard; onChanged: () => void }) {
  return (
    <article className="card cm-card" data-testid="cm-card">
      <div className="cm-head">
        {p.photoId ? <img className="cm-avatar" src={photo(p.photoId)} alt={p.name} loading="lazy" /> : <span className={`cm-avatar cm-default${p.kind === 'branch' ? ' cm-team' : ''}`} aria-hidden>{p.kind === 'branch' ? '党' : p.name.slice(-2)}</span>}
        <div>
          <h2>{p.name}</h2>
          <p className="muted">{p.post}{p.kind === 'member' ? ` · ${p.orgName}` : ''}</p>
        </div>
      </div>
      <ul className="cm-list">{p.commitments.map((c) => <Commitment key={c.id} c={c} onChanged={onChanged} />)}</ul>
    </article>
  );
}

/**
 * 党员承诺公开栏: pick a village or community (remembered on this phone and kept in ?villageId=),
 * then a card per member (photo or a default avatar, name, post, branch) and per branch team, with
 * commitments, progress, completion and residents' feedback with the branch's answers.
 */
export function CommitmentBoard() {
  const boards = useLoad(() => publicGet<PublicCommitmentBoardsResponse>('/commitment-boards'));
  const [villageId, setVillageId] = useState(initialVillage);
  const [board, setBoard] = useState<{ data?: PublicCommitmentsResponse; error?: string; loading: boolean }>({ loading: false });
  const [tick, setTick] = useState(0);
  const items = boards.data?.items ?? [];
  const chosen = items.some((b) => b.id === villageId) ? villageId : (items[0]?.id ?? '');

  useEffect(() => {
    if (!chosen) return;
    localStorage.setItem(KEY, chosen);
    const url = new URL(window.location.href);
    url.searchParams.set('villageId', chosen);
    window.history.replaceState(null, '', url);
    let live = true;
    setBoard((b) => ({ ...b, loading: true }));
    publicGet<PublicCommitmentsResponse>(`/commitments?villageId=${chosen}`).then(
      (data) => live && setBoard({ data, loading: false }),
      (e: unknown) => live && setBoard({ error: e instanceof Error ? e.message : String(e), loading: false }),
    );
    return () => { live = false; };
  }, [chosen, tick]);

  if (boards.loading) return <p className="empty">正在加载……</p>;
  if (boards.error) return <p className="error">加载失败：{boards.error}</p>;
  if (items.length === 0) return <p className="empty">暂无公开承诺</p>;
  const cards = board.data?.cards ?? [];
  return (
    <section data-testid="commitment-board">
      <label className="cm-pick"><span>选择村（社区）</span>
        <select value={chosen} onChange={(e) => setVillageId(e.target.value)} data-testid="cm-village">
          {items.map((b) => <option key={b.id} value={b.id}>{b.name}（{b.count} 条）</option>)}
        </select>
      </label>
      {board.data && <h2 className="wall-title">{board.data.village.name} {board.data.year} 年党员公开承诺</h2>}
      {board.loading && !board.data && <p className="empty">正在加载……</p>}
      {board.error && <p className="error">加载失败：{board.error}</p>}
      {board.data && cards.length === 0 && <p className="empty">该村（社区）暂无公开承诺</p>}
      {cards.map((p) => <Card key={p.key} p={p} onChanged={() => setTick((t) => t + 1)} />)}
      <p className="muted">亮身份、作承诺、践承诺，欢迎群众监督评价。</p>
    </section>
  );
}
