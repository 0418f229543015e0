import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type {
  PointsGoodsPatch, PointsGoodsRequest, PointsGoodsResponse, PointsOrder, RedemptionListQuery, RedemptionListResponse, RedemptionRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { postEntry } from './points-ledger.ts';
import { createPointsRepo } from './points.repo.ts';
import { createShopRepo } from './points-shop.repo.ts';
import { auditPoints, POINTS_PERM, requireEnabled } from './points.service.ts';
import { toGoods, toOrder } from './points-view.ts';

/**
 * The redemption shop 积分兑换: goods with stock, members' orders, the branch's hand-over.
 * An order takes stock by a conditional UPDATE and spends points through the ledger (balance row
 * locked), in one transaction: either both happen or neither, and neither can go below 0.
 * @example await shop.order(memberActor, { goodsId: '12', qty: 1 });
 */
export function createShopService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  const goodsOr404 = async (trx: Kysely<DB>, id: string, scope: string[]) => {
    const g = await createShopRepo(trx).goodsInScope(id, scope);
    if (!g) throw new AppError('NOT_FOUND', { details: { entity: 'goods', id } });
    return g;
  };
  /** An order of a member inside the caller's explicit scope (RLS alone is not enough). */
  const orderOr404 = async (trx: Kysely<DB>, id: string, scope: string[]) => {
    const o = await createShopRepo(trx).findOrder(id);
    const m = o && await createPointsRepo(trx).memberInScope(o.member_id, scope);
    const org = o && await createPointsRepo(trx).orgInScope(o.org_id, scope);
    if (!o || !m || !org) throw new AppError('NOT_FOUND', { details: { entity: 'order', id } });
    return o;
  };

  return {
    async goods(actor: Actor, orgId: string): Promise<PointsGoodsResponse> {
      const scope = scopeFor(actor, POINTS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await createPointsRepo(trx).orgInScope(orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
        return { items: (await createShopRepo(trx).goodsUnder(org.path)).map(toGoods) };
      });
    },

    async addGoods(actor: Actor, body: PointsGoodsRequest) {
      const scope = scopeFor(actor, POINTS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await createPointsRepo(trx).orgInScope(body.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: body.orgId } });
        await requireEnabled(trx, org.path);
        const v = { org_id: org.id, name: body.name, description: body.description || null, price: body.price, stock: body.stock, active: body.active };
        const { id } = await createShopRepo(trx).insertGoods(v);
        await auditPoints(trx, actor, { action: 'points.goods.create', entityType: 'points_goods', entityId: id, orgId: org.id, before: null, after: v });
        return toGoods((await createShopRepo(trx).findGoods(id))!);
      });
    },

    async updateGoods(actor: Actor, id: string, body: PointsGoodsPatch) {
      const scope = scopeFor(actor, POINTS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const before = await goodsOr404(trx, id, scope);
        const repo = createShopRepo(trx);
        await repo.updateGoods(id, { ...body, description: body.description === undefined ? undefined : body.description || null });
        const after = (await repo.findGoods(id))!;
        await auditPoints(trx, actor, { action: 'points.goods.update', entityType: 'points_goods', entityId: id, orgId: before.org_id, before: toGoods(before), after: toGoods(after) });
        return toGoods(after);
      });
    },

    /** Goods the signed-in member can order (own organization's and its ancestors'). */
    async shop(actor: Actor): Promise<PointsGoodsResponse> {
      const scope = scopeFor(actor, 'members:read');
      // The user's own row, read before the scoped transaction (one connection on PGlite).
      const memberId = await createPointsRepo(deps.db).memberIdOfUser(actor.userId);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createPointsRepo(trx);
        const m = memberId ? await repo.memberInScope(memberId, scope) : undefined;
        if (!m) throw new AppError('POINTS_NOT_A_MEMBER');
        await requireEnabled(trx, m.org_path);
        return { items: (await createShopRepo(trx).goodsForMember(m.org_path)).map(toGoods) };
      });
    },

    /** A member orders goods for themself: stock and balance are taken together or not at all. */
    async order(actor: Actor, body: RedemptionRequest): Promise<PointsOrder> {
      const scope = scopeFor(actor, 'members:read');
      // The user's own row, read before the scoped transaction (one connection on PGlite).
      const memberId = await createPointsRepo(deps.db).memberIdOfUser(actor.userId);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createPointsRepo(trx);
        const shop = createShopRepo(trx);
        const m = memberId ? await repo.memberInScope(memberId, scope) : undefined;
        if (!m) throw new AppError('POINTS_NOT_A_MEMBER');
        await requireEnabled(trx, m.org_path);
        const g = (await shop.goodsForMember(m.org_path)).find((x) => x.id === body.goodsId) ?? await shop.findGoods(body.goodsId);
        if (!g || !m.org_path.split('.').includes(g.org_id)) throw new AppError('NOT_FOUND', { details: { entity: 'goods', id: body.goodsId } });
        if (!g.active) throw new AppError('POINTS_GOODS_INACTIVE');
        if (!(await shop.takeStock(g.id, body.qty))) throw new AppError('POINTS_OUT_OF_STOCK', { details: { goodsId: g.id } });
        const points = g.price * body.qty;
        // Throws POINTS_INSUFFICIENT before anything commits, which also undoes the stock taken above.
        const entry = await postEntry(trx, {
          memberId: m.id, orgId: m.org_id, regionId: m.region_id, delta: -points, kind: 'redemption', sourceType: 'points_goods',
          sourceId: g.id, actor: actor.userId, note: `兑换 ${g.name} × ${body.qty}`, at: clock(), floor: 'refuse',
        });
        const { id } = await shop.insertOrder({ member_id: m.id, org_id: m.org_id, goods_id: g.id, qty: body.qty, points, entry_id: entry!.id });
        await auditPoints(trx, actor, { action: 'points.order.place', entityType: 'points_order', entityId: id, orgId: m.org_id, before: null, after: { goodsId: g.id, qty: body.qty, points } });
        return toOrder((await shop.findOrder(id))!);
      });
    },

    async orders(actor: Actor, q: RedemptionListQuery): Promise<RedemptionListResponse> {
      const scope = scopeFor(actor, POINTS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await createPointsRepo(trx).orgInScope(q.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: q.orgId } });
        const list = createShopRepo(trx).ordersUnder(org.path, { status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const [rows, total] = await Promise.all([list.rows(), list.count()]);
        return { items: rows.map(toOrder), total };
      });
    },

    /** The branch records that the member received the goods. */
    async handOver(actor: Actor, id: string): Promise<PointsOrder> {
      const scope = scopeFor(actor, POINTS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const o = await orderOr404(trx, id, scope);
        const shop = createShopRepo(trx);
        if ((await shop.lockOrder(id))?.status !== 'placed') throw new AppError('POINTS_ORDER_STATE', { details: { status: o.status } });
        await shop.setOrderStatus(id, { status: 'handed_over', handed_over_by: actor.userId, handed_over_at: clock() });
        await auditPoints(trx, actor, { action: 'points.order.hand_over', entityType: 'points_order', entityId: id, orgId: o.org_id, before: { status: o.status }, after: { status: 'handed_over' } });
        return toOrder((await shop.findOrder(id))!);
      });
    },

    /** Cancels a placed order (by the branch, or by the member who placed it): stock and points go back. */
    async cancel(actor: Actor, id: string, reason: string): Promise<PointsOrder> {
      const mgmt = scopeFor(actor, POINTS_PERM);
      const own = scopeFor(actor, 'members:read');
      // The user's own row, read before the scoped transaction (one connection on PGlite).
      const ownId = await createPointsRepo(deps.db).memberIdOfUser(actor.userId);
      return withScope(deps.db, [...new Set([...mgmt, ...own])], async (trx) => {
        const o = await orderOr404(trx, id, mgmt).catch(async (e: unknown) => {
          const mine = await createShopRepo(trx).findOrder(id);
          if (mine && mine.member_id === ownId) return orderOr404(trx, id, own);
          throw e;
        });
        const shop = createShopRepo(trx);
        if ((await shop.lockOrder(id))?.status !== 'placed') throw new AppError('POINTS_ORDER_STATE', { details: { status: o.status } });
        await shop.setOrderStatus(id, { status: 'cancelled', cancel_reason: reason });
        await shop.returnStock(o.goods_id, o.qty);
        const member = await createPointsRepo(trx).memberRow(o.member_id);
        await postEntry(trx, {
          memberId: o.member_id, orgId: o.org_id, regionId: member?.region_id ?? null, delta: o.points, kind: 'redemption_refund', sourceType: 'points_order',
          sourceId: o.id, actor: actor.userId, note: reason, at: clock(), floor: 'refuse',
        });
        await auditPoints(trx, actor, { action: 'points.order.cancel', entityType: 'points_order', entityId: id, orgId: o.org_id, before: { status: o.status }, after: { status: 'cancelled', reason } });
        return toOrder((await shop.findOrder(id))!);
      });
    },
  };
}
