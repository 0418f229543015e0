import type { PublicNoticesResponse } from '@dangjian/contracts';
import { publicGet } from '../api.ts';
import { useLoad } from '../useLoad.ts';

/**
 * 发展党员公示栏: notices in their period. The API publishes only names, organization, stage
 * and period — never an ID number or a phone.
 */
export function NoticesBoard() {
  const s = useLoad(() => publicGet<PublicNoticesResponse>('/notices'));
  if (s.loading) return <p className="empty">正在加载……</p>;
  if (s.error) return <p className="error">公示加载失败：{s.error}</p>;
  const items = s.data?.items ?? [];
  return (
    <section data-testid="public-notices">
      {items.length === 0 && <p className="empty">当前没有公示</p>}
      {items.map((n) => (
        <article className="card" key={`${n.orgName}-${n.personName}-${n.startOn}-${n.title}`}>
          <h2>{n.title}</h2>
          <p>{n.orgName}：<b>{n.personName}</b> 同志（{n.stageName}），现予公示。</p>
          <p><span className="tag">公示期 {n.startOn} 至 {n.endOn}</span></p>
          <p className="muted">{n.contact ? `如有意见请向 ${n.contact} 反映。` : '如有意见请向所在党组织反映。'}</p>
        </article>
      ))}
      <p className="muted">公示期间，党员和群众可通过来信、来电、来访等方式反映情况。</p>
    </section>
  );
}
