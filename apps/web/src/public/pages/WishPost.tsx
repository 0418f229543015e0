import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { PublicWishCreated, PublicWishGridsResponse, WishCategory } from '@dangjian/contracts';
import { PublicError, publicGet, publicPost } from '../api.ts';
import { useLoad } from '../useLoad.ts';
import { PlacePicker } from '../wishes/PlacePicker.tsx';
import { CodeButton, PHONE_RE } from '../wishes/CodeButton.tsx';
import { CATEGORY_LABELS } from '../wishes/labels.ts';
import { compressPhoto } from '../wishes/photo.ts';
import { loadPlace, saveTickets, type Place } from '../wishes/storage.ts';
import { uploadWishPhoto } from '../wishes/upload.ts';

const PHOTOS_MAX = 3;
type Field = 'gridId' | 'category' | 'title' | 'content' | 'nickname' | 'phone' | 'code' | 'photos';
interface Photo { blob: Blob; url: string }

function check(v: { place: Place | undefined; category: string; title: string; content: string; phone: string; code: string }) {
  const e: Partial<Record<Field, string>> = {};
  if (!v.place || !('gridId' in v.place)) e.gridId = '请选择所在网格';
  if (!v.category) e.category = '请选择心愿类别';
  if (v.title.trim().length < 2) e.title = '请填写心愿标题（至少 2 个字）';
  if (v.content.trim().length < 5) e.content = '请说明心愿内容（至少 5 个字）';
  if (!PHONE_RE.test(v.phone.trim())) e.phone = '请输入 11 位手机号码';
  if (!/^\d{6}$/.test(v.code.trim())) e.code = '请输入 6 位验证码';
  return e;
}

/**
 * 我要许愿: a resident posts a wish with a phone and an SMS code. Photos are shrunk on the phone
 * and sent after the wish; the {id, token} pair is kept on the phone for 我的心愿.
 */
export function WishPost() {
  const grids = useLoad(() => publicGet<PublicWishGridsResponse>('/wish-grids'));
  const [place, setPlace] = useState<Place | undefined>(loadPlace);
  const [category, setCategory] = useState<WishCategory | ''>('');
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [nickname, setNickname] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [note, setNote] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<{ id: string; photoError?: string }>();

  const edit = (f: Field, set: (v: string) => void) => (v: string) => { set(v); if (errors[f]) setErrors((e) => ({ ...e, [f]: undefined })); };
  const urls = useRef(new Set<string>());
  useEffect(() => () => urls.current.forEach((u) => URL.revokeObjectURL(u)), []);

  const addPhotos = async (files: FileList | null) => {
    if (!files) return;
    const room = PHOTOS_MAX - photos.length;
    const picked = [...files].slice(0, room);
    const next: Photo[] = [];
    for (const f of picked) {
      if (!f.type.startsWith('image/')) continue;
      const blob = await compressPhoto(f);
      const url = URL.createObjectURL(blob);
      urls.current.add(url);
      next.push({ blob, url });
    }
    setPhotos((p) => [...p, ...next].slice(0, PHOTOS_MAX));
    setErrors((e) => ({ ...e, photos: files.length > room ? `最多 ${PHOTOS_MAX} 张照片` : undefined }));
  };

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setNote(undefined);
    const e = check({ place, category, title, content, phone, code });
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      const body = {
        gridId: (place as { gridId: string }).gridId, category, title: title.trim(), content: content.trim(),
        ...(nickname.trim() ? { nickname: nickname.trim() } : {}), phone: phone.trim(), code: code.trim(),
      };
      const created = await publicPost<PublicWishCreated>('/wishes', body);
      saveTickets([{ id: created.id, token: created.token }]);
      let photoError: string | undefined;
      for (const p of photos) {
        try {
          await uploadWishPhoto(created.id, created.token, p.blob);
        } catch (err) {
          photoError = err instanceof Error ? err.message : String(err);
        }
      }
      setDone({ id: created.id, photoError });
      window.scrollTo(0, 0);
    } catch (err) {
      if (err instanceof PublicError && err.field) setErrors({ [err.field as Field]: err.message });
      else setNote(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <section className="card done" data-testid="wish-post-done">
        <h2>提交成功，等待审核</h2>
        <p>网格所在党支部审核通过后，心愿会出现在心愿墙上，由党员认领。</p>
        {done.photoError && <p className="error">照片上传失败：{done.photoError}</p>}
        <p className="actions">
          <a className="btn" href="/public/wishes/mine" data-testid="wish-mine-link">查看我的心愿</a>
          <a className="btn ghost" href="/public/wishes">返回心愿墙</a>
        </p>
      </section>
    );
  }

  const err = (f: Field) => errors[f] && <span className="field-error" data-testid={`wish-error-${f}`}>{errors[f]}</span>;
  return (
    <form className="card form" onSubmit={(e) => void submit(e)} noValidate data-testid="wish-post-form">
      <p className="muted">请如实填写。心愿经党支部审核后公开，公开时不显示您的手机号码。</p>
      <fieldset>
        <legend>所在网格</legend>
        {grids.error && <p className="error">网格加载失败：{grids.error}</p>}
        <PlacePicker grids={grids.data?.items ?? []} value={place} onChange={(p) => { setPlace(p); setErrors((e) => ({ ...e, gridId: undefined })); }} invalid={!!errors.gridId} />
        {err('gridId')}
      </fieldset>
      <fieldset>
        <legend>心愿类别</legend>
        <div className="chips" role="radiogroup">
          {(Object.entries(CATEGORY_LABELS) as [WishCategory, string][]).map(([c, label]) => (
            <button key={c} type="button" role="radio" aria-checked={category === c} className={category === c ? 'chip on' : 'chip'}
              onClick={() => edit('category', (v) => setCategory(v as WishCategory))(c)} data-testid={`wish-category-${c}`}>{label}</button>
          ))}
        </div>
        {err('category')}
      </fieldset>
      <label>
        <span>心愿标题</span>
        <input value={title} maxLength={40} onChange={(e) => edit('title', setTitle)(e.target.value)} placeholder="例如：帮忙修理楼道灯" data-testid="wish-title" aria-invalid={!!errors.title} />
        {err('title')}
      </label>
      <label>
        <span>心愿内容</span>
        <textarea value={content} maxLength={500} rows={4} onChange={(e) => edit('content', setContent)(e.target.value)} placeholder="说明需要什么帮助、什么时间方便" data-testid="wish-content" aria-invalid={!!errors.content} />
        <span className="muted count">{content.length}/500</span>
        {err('content')}
      </label>
      <div className="field">
        <span>照片（可选，最多 {PHOTOS_MAX} 张）</span>
        <div className="photos">
          {photos.map((p, i) => (
            <span key={p.url} className="thumb">
              <img src={p.url} alt={`照片${i + 1}`} width={96} height={96} />
              <button type="button" aria-label="删除照片" onClick={() => setPhotos((ps) => ps.filter((x) => x !== p))}>×</button>
            </span>
          ))}
          {photos.length < PHOTOS_MAX && (
            <label className="add-photo">
              <input type="file" accept="image/*" multiple onChange={(e) => { void addPhotos(e.target.files); e.target.value = ''; }} data-testid="wish-photo-input" />
              <span>＋ 添加照片</span>
            </label>
          )}
        </div>
        {err('photos')}
      </div>
      <label>
        <span>怎么称呼您（可选）</span>
        <input value={nickname} maxLength={10} onChange={(e) => setNickname(e.target.value)} placeholder="例如：王阿姨，不填显示“居民”" data-testid="wish-nickname" />
        {err('nickname')}
      </label>
      <label>
        <span>手机号码</span>
        <input value={phone} inputMode="numeric" autoComplete="tel" maxLength={11} onChange={(e) => edit('phone', setPhone)(e.target.value.replace(/\D/g, ''))} data-testid="wish-phone" aria-invalid={!!errors.phone} />
        {err('phone')}
      </label>
      <div className="field">
        <span>验证码</span>
        <div className="code-row">
          <input value={code} inputMode="numeric" autoComplete="one-time-code" maxLength={6} onChange={(e) => edit('code', setCode)(e.target.value.replace(/\D/g, ''))} data-testid="wish-code" aria-invalid={!!errors.code} aria-label="验证码" />
          <CodeButton phone={phone.trim()} onError={(m) => setErrors((e) => ({ ...e, phone: m }))} onSent={() => setErrors((e) => ({ ...e, phone: undefined }))} />
        </div>
        {err('code')}
      </div>
      {note && <p className="error" role="alert">{note}</p>}
      <button type="submit" className="btn block" disabled={busy} data-testid="wish-submit">{busy ? '正在提交…' : '提交心愿'}</button>
      <p className="muted center"><a href="/public/wishes/mine">我的心愿</a> · <a href="/public/wishes">心愿墙</a></p>
    </form>
  );
}
