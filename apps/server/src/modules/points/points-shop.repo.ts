import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '@dangjian/db';
import { pathUnder } from '../orgs/orgs.repo.ts';
import { idsOnPath } from './points.repo.ts';
import type { GoodsRow, OrderRow } from './points-view.ts';

/** SQL of the redemption shop. Callers pass paths from the caller's scope; RLS applies beneath. */
export function createShopRepo(db: Kysely<DB>) {
  const goods = () => db.selectFrom('points_goods as g').leftJoin('orgs as o', 'o.id', 'g.org_id').selectAll('g').select('o.name as org_name');
  const orders = () => db.selectFrom('points_orders as r').innerJoin('members as m', 'm.id', 'r.member_id').innerJoin('orgs as o', 'o.id', 'r.org_id')
    .innerJoin('points_goods as g', 'g.id', 'r.goods_id').selectAll('r').select(['m.name as member_name', 'o.name as org_name', 'g.name as goods_name']);
  return {
    /** Goods kept by organizations inside a subtree (management). */
    goodsUnder(path: string): Promise<GoodsRow[]> {
      return goods().where(pathUnder(sql.ref('o.path'), path)).orderBy('g.active', 'desc').orderBy('g.id', 'desc').execute();
    },
    /** Goods a member can order: active, kept by the member's organization or one of its ancestors. */
    goodsForMember(orgPath: string): Promise<GoodsRow[]> {
      return goods().where('g.org_id', 'in', idsOnPath(orgPath)).where('g.active', '=', true).orderBy('g.price').orderBy('g.id').execute();
    },
    findGoods(id: string): Promise<GoodsRow | undefined> {
      return goods().where('g.id', '=', id).executeTakeFirst();
    },
    /** The path of a goods' organization, when it lies in the given scope roots. */
    async goodsInScope(id: string, scope: readonly string[]): Promise<GoodsRow | undefined> {
      if (scope.length === 0) return undefined;
      return goods().where('g.id', '=', id).where(sql<SqlBool>`(${sql.join(scope.map((r) => pathUnder(sql.ref('o.path'), r)), sql` OR `)})`).executeTakeFirst();
    },
    insertGoods(v: { org_id: string; name: string; description: string | null; price: number; stock: number; active: boolean }) {
      return db.insertInto('points_goods').values(v).returning('id').executeTakeFirstOrThrow();
    },
    updateGoods(id: string, v: Partial<{ name: string; description: string | null; price: number; stock: number; active: boolean }>) {
      return db.updateTable('points_goods').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
    },
    /**
     * Takes `qty` from stock only if that much is there: the conditional UPDATE takes the row lock,
     * and a concurrent order waits for it and re-checks `stock >= qty` on the new row, so stock never
     * goes below 0 and never sells one item twice.
     */
    async takeStock(id: string, qty: number): Promise<boolean> {
      const r = await db.updateTable('points_goods').set({ stock: sql`stock - ${qty}`, updated_at: new Date() })
        .where('id', '=', id).where('stock', '>=', qty).where('active', '=', true).returning('stock').executeTakeFirst();
      return r !== undefined;
    },
    returnStock(id: string, qty: number) {
      return db.updateTable('points_goods').set({ stock: sql`stock + ${qty}`, updated_at: new Date() }).where('id', '=', id).execute();
    },

    insertOrder(v: { member_id: string; org_id: string; goods_id: string; qty: number; points: number; entry_id: string }) {
      return db.insertInto('points_orders').values(v).returning('id').executeTakeFirstOrThrow();
    },
    findOrder(id: string): Promise<OrderRow | undefined> {
      return orders().where('r.id', '=', id).executeTakeFirst();
    },
    /** Locks the order row so a hand-over and a cancel cannot both succeed. */
    lockOrder(id: string) {
      return db.selectFrom('points_orders').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
    },
    setOrderStatus(id: string, v: { status: 'handed_over' | 'cancelled'; handed_over_by?: string; handed_over_at?: Date; cancel_reason?: string }) {
      return db.updateTable('points_orders').set(v).where('id', '=', id).execute();
    },
    ordersOfMember(memberId: string): Promise<OrderRow[]> {
      return orders().where('r.member_id', '=', memberId).orderBy('r.id', 'desc').limit(100).execute();
    },
    ordersUnder(path: string, opts: { status?: string; limit: number; offset: number }) {
      let qb = orders().where(pathUnder(sql.ref('o.path'), path));
      if (opts.status) qb = qb.where('r.status', '=', opts.status as 'placed');
      return {
        rows: (): Promise<OrderRow[]> => qb.orderBy('r.id', 'desc').limit(opts.limit).offset(opts.offset).execute(),
        count: async () => {
          let c = db.selectFrom('points_orders as r').innerJoin('orgs as o', 'o.id', 'r.org_id').where(pathUnder(sql.ref('o.path'), path));
          if (opts.status) c = c.where('r.status', '=', opts.status as 'placed');
          return Number((await c.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
        },
      };
    },
  };
}
