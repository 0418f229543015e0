import type { ReactNode } from 'react';
import type { PublicWish } from '@dangjian/contracts';
import { CATEGORY_LABELS, fmtDate, photoSrc, STATUS_LABELS } from './labels.ts';

function Photos({ ids, label }: { ids: string[]; label: string }) {
  if (ids.length === 0) return null;
  return (
    <div className="photos">
      {ids.map((id, i) => (
        <a key={id} href={photoSrc(id)} target="_blank" rel="noreferrer">
          <img src={photoSrc(id)} loading="lazy" decoding="async" alt={`${label}${i + 1}`} width={96} height={96} />
        </a>
      ))}
    </div>
  );
}

/** One wish as the wall shows it: never a phone, never a real name of the resident. */
export function WishCard({ w, children }: { w: PublicWish; children?: ReactNode }) {
  return (
    <article className="card wish" data-testid={`wish-card-${w.id}`}>
      <p className="wish-head">
        <span className="tag">{CATEGORY_LABELS[w.category]}</span>
        <span className={`status s-${w.status}`} data-testid="wish-status">{STATUS_LABELS[w.status]}</span>
      </p>
      <h2>{w.title}</h2>
      <p className="wish-content">{w.content}</p>
      <Photos ids={w.photoIds} label="心愿照片" />
      <p className="muted">{w.nickname || '居民'} · {w.villageName}{w.gridName} · {fmtDate(w.createdAt)}</p>
      {w.claimantName && (
        <p className="claimant">认领党员：<b>{w.claimantName}</b>{w.claimantOrgName ? `（${w.claimantOrgName}）` : ''}{w.claimedAt ? ` · ${fmtDate(w.claimedAt)}` : ''}</p>
      )}
      {w.fulfilNote && (
        <div className="fulfil">
          <p><b>完成情况</b>{w.fulfilledAt ? `（${fmtDate(w.fulfilledAt)}）` : ''}：{w.fulfilNote}</p>
          <Photos ids={w.fulfilPhotoIds} label="完成照片" />
        </div>
      )}
      {w.confirmedAt && <p className="muted">群众已确认满意 · {fmtDate(w.confirmedAt)}</p>}
      {children}
    </article>
  );
}
