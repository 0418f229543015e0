import { useEffect, useState } from 'react';
import type { PublicWishGridsResponse, PublicWishWallResponse } from '@dangjian/contracts';
import { publicGet } from '../api.ts';
import { useLoad } from '../useLoad.ts';
import { PlacePicker } from '../wishes/PlacePicker.tsx';
import { WishCard } from '../wishes/WishCard.tsx';
import { WALL_TABS, type WallStatus } from '../wishes/labels.ts';
import { loadPlace, savePlace, type Place } from '../wishes/storage.ts';

const PAGE_SIZE = 10;

/**
 * 微心愿墙: the wishes of one grid or one whole village (open, claimed, awaiting confirmation,
 * done), with counts per status and "加载更多". The place comes from ?gridId= / ?villageId= or
 * the one remembered on this phone.
 */
export function WishWall() {
  const grids = useLoad(() => publicGet<PublicWishGridsResponse>('/wish-grids'));
  const [place, setPlace] = useState<Place | undefined>(loadPlace);
  const [status, setStatus] = useState<WallStatus | undefined>();
  const [wall, setWall] = useState<PublicWishWallResponse>();
  const [page, setPage] = useState(1);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();
  const [counts, setCounts] = useState<PublicWishWallResponse['counts']>();

  useEffect(() => {
    if (!place) return;
    let live = true;
    setLoading(true);
    setError(undefined);
    const q = new URLSearchParams({ ...place, page: String(page), pageSize: String(PAGE_SIZE) });
    if (status) q.set('status', status);
    publicGet<PublicWishWallResponse>(`/wishes?${q}`).then(
      (r) => {
        if (!live) return;
        setCounts(r.counts);
        setWall((prev) => (page > 1 && prev ? { ...r, items: [...prev.items, ...r.items.filter((w) => !prev.items.some((p) => p.id === w.id))] } : r));
        setLoading(false);
      },
      (e: unknown) => {
        if (!live) return;
        setError(e instanceof Error ? e.message : String(e));
        setLoading(false);
      },
    );
    return () => {
      live = false;
    };
  }, [place, status, page]);

  const choose = (p: Place) => {
    savePlace(p);
    setPlace(p);
    setPage(1);
    setWall(undefined);
    setCounts(undefined);
  };
  const tab = (s: WallStatus | undefined) => {
    setStatus(s);
    setPage(1);
    setWall(undefined);
  };
  const all = counts ? counts.open + counts.claimed + counts.fulfilled + counts.confirmed : undefined;
  const postHref = place && 'gridId' in place ? `/public/wishes/new?gridId=${place.gridId}` : '/public/wishes/new';

  return (
    <section data-testid="wish-wall">
      <div className="card">
        {grids.error && <p className="error">网格加载失败：{grids.error}</p>}
        {grids.loading ? <p className="muted">正在加载网格……</p> : <PlacePicker grids={grids.data?.items ?? []} value={place} onChange={choose} allowVillage />}
        <p className="actions">
          <a className="btn" href={postHref} data-testid="wish-post-link">我要许愿</a>
          <a className="btn ghost" href="/public/wishes/mine">我的心愿</a>
        </p>
      </div>
      {!place && <p className="empty">请先选择村/社区和网格，查看身边的微心愿</p>}
      {place && (
        <>
          {wall && <h2 className="wall-title" data-testid="wish-wall-title">{wall.title}</h2>}
          <div className="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={!status} className={!status ? 'on' : ''} onClick={() => tab(undefined)}>全部{all !== undefined ? ` ${all}` : ''}</button>
            {WALL_TABS.map(([s, label]) => (
              <button key={s} type="button" role="tab" aria-selected={status === s} className={status === s ? 'on' : ''} onClick={() => tab(s)} data-testid={`wish-tab-${s}`}>
                {label}{counts ? ` ${counts[s]}` : ''}
              </button>
            ))}
          </div>
          {error && <p className="error">心愿加载失败：{error}</p>}
          {wall && wall.items.length === 0 && !loading && <p className="empty">这里还没有{status ? WALL_TABS.find((t) => t[0] === status)![1] : ''}的心愿</p>}
          {wall?.items.map((w) => <WishCard key={w.id} w={w} />)}
          {loading && <p className="empty">正在加载……</p>}
          {wall && !loading && wall.items.length < wall.total && (
            <button type="button" className="btn ghost block" onClick={() => setPage((p) => p + 1)} data-testid="wish-more">加载更多（还有 {wall.total - wall.items.length} 条）</button>
          )}
        </>
      )}
    </section>
  );
}
