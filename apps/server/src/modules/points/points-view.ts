import type { Selectable } from 'kysely';
import type { DB } from '@dangjian/db';
import type { PointsEntry, PointsGoods, PointsOrder } from '@dangjian/contracts';

export type OrderRow = Selectable<DB['points_orders']> & { member_name: string; org_name: string; goods_name: string };
export type GoodsRow = Selectable<DB['points_goods']> & { org_name: string | null };

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** The API shape of a ledger entry. */
export function toEntry(r: Selectable<DB['points_entries']>): PointsEntry {
  return { id: r.id, delta: r.delta, kind: r.kind, ruleCode: r.rule_code, sourceType: r.source_type, sourceId: r.source_id, note: r.note, createdAt: iso(r.created_at) };
}

export function toOrder(r: OrderRow): PointsOrder {
  return {
    id: r.id, memberId: r.member_id, memberName: r.member_name, orgName: r.org_name, goodsId: r.goods_id, goodsName: r.goods_name,
    qty: r.qty, points: r.points, status: r.status, createdAt: iso(r.created_at), handedOverAt: r.handed_over_at ? iso(r.handed_over_at) : null,
    cancelReason: r.cancel_reason,
  };
}

export function toGoods(r: GoodsRow): PointsGoods {
  // An ancestor's shop (a town's, seen from a village) is hidden by the orgs policy: name it generically.
  return { id: r.id, orgId: r.org_id, orgName: r.org_name ?? '上级党组织', name: r.name, description: r.description, price: r.price, stock: r.stock, active: r.active };
}
