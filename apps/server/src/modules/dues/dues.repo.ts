import { sql, type Insertable, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '@dangjian/db';
import type { DuesCategory, DuesRule } from '@dangjian/contracts';
import { pathUnder } from '../orgs/orgs.repo.ts';
import type { BaseRecord } from './dues-ledger.ts';

export interface DuesMemberRow { id: string; name: string; org_id: string; org_name: string; org_path: string; joined_on: string | null }

const memberCols = ['m.id', 'm.name', 'm.org_id', 'o.name as org_name', 'o.path as org_path', 'm.joined_on'] as const;

/** All SQL of the dues feature. Callers pass the caller's scope roots; RLS applies beneath. */
export function createDuesRepo(db: Kysely<DB>) {
  return {
    async rules(): Promise<DuesRule[]> {
      const rows = await db.selectFrom('dues_rules').selectAll().orderBy('sort_order').orderBy('id').execute();
      return rows.map((r) => ({
        document: r.document, effectiveFrom: r.effective_from, category: r.category as DuesCategory,
        minBaseFen: Number(r.min_base_fen), maxBaseFen: r.max_base_fen === null ? null : Number(r.max_base_fen),
        rateBp: r.rate_bp, fixedFen: r.fixed_fen === null ? null : Number(r.fixed_fen),
        fixedMaxFen: r.fixed_max_fen === null ? null : Number(r.fixed_max_fen),
      }));
    },

    /** An organization inside one of the scope roots. */
    orgInScope(id: string, scope: readonly string[]) {
      if (scope.length === 0) return Promise.resolve(undefined);
      return db.selectFrom('orgs').select(['id', 'name', 'path']).where('id', '=', id)
        .where((eb) => eb.or(scope.map((root) => pathUnder(eb.ref('path'), root)))).executeTakeFirst();
    },

    /** A member whose organization lies inside one of the scope roots. */
    memberInScope(id: string, scope: readonly string[]): Promise<DuesMemberRow | undefined> {
      if (scope.length === 0) return Promise.resolve(undefined);
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select(memberCols)
        .where('m.id', '=', id).where((eb) => eb.or(scope.map((root) => pathUnder(eb.ref('o.path'), root)))).executeTakeFirst();
    },

    /** Members of a subtree in roster order (pinyin), optionally filtered by name. */
    membersUnder(path: string, opts: { q?: string; limit?: number; offset?: number } = {}) {
      let qb = db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').where(pathUnder(sql.ref('o.path'), path));
      const q = opts.q?.trim();
      if (q) qb = qb.where((eb) => eb.or([eb('m.name', 'like', `%${q}%`), eb('m.name_pinyin', 'like', `%${q.toLowerCase()}%`)]));
      const list = qb.select(memberCols).orderBy('m.name_pinyin').orderBy('m.id');
      return {
        rows: (): Promise<DuesMemberRow[]> => (opts.limit ? list.limit(opts.limit).offset(opts.offset ?? 0) : list).execute(),
        count: async () => Number((await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
      };
    },

    /** Base history of the given members, keyed by member id, oldest first. */
    async basesOf(memberIds: readonly string[]) {
      const by = new Map<string, (BaseRecord & { id: string; note: string | null })[]>();
      if (memberIds.length === 0) return by;
      const rows = await db.selectFrom('dues_bases').selectAll()
        .where(sql<SqlBool>`member_id = ANY(${`{${memberIds.join(',')}}`}::bigint[])`).orderBy('effective_month').execute();
      for (const r of rows) {
        const list = by.get(r.member_id) ?? [];
        list.push({ id: r.id, month: r.effective_month.slice(0, 7), category: r.category as DuesCategory, baseFen: Number(r.base_fen), agreedFen: r.agreed_fen === null ? null : Number(r.agreed_fen), note: r.note });
        by.set(r.member_id, list);
      }
      return by;
    },

    /** Payment rows of the given members (optionally within [from, to] months), oldest first. */
    paymentsOf(memberIds: readonly string[], range: { from?: string; to?: string } = {}) {
      if (memberIds.length === 0) return Promise.resolve([]);
      let qb = db.selectFrom('dues_payments').selectAll()
        .where(sql<SqlBool>`member_id = ANY(${`{${memberIds.join(',')}}`}::bigint[])`);
      if (range.from) qb = qb.where('month', '>=', `${range.from}-01`);
      if (range.to) qb = qb.where('month', '<=', `${range.to}-01`);
      return qb.orderBy('month').orderBy('id').execute();
    },

    /** Inserts or replaces the base that applies from a month; returns the row before (if any) and after. */
    async upsertBase(v: { memberId: string; orgId: string; month: string; category: string; baseFen: number; agreedFen: number | null; note: string | null; userId: string }) {
      const before = await db.selectFrom('dues_bases').selectAll().where('member_id', '=', v.memberId).where('effective_month', '=', `${v.month}-01`).executeTakeFirst();
      const values = { category: v.category, base_fen: v.baseFen, agreed_fen: v.agreedFen, note: v.note, org_id: v.orgId, recorded_by: v.userId };
      const after = before
        ? await db.updateTable('dues_bases').set({ ...values, updated_at: sql`now()` }).where('id', '=', before.id).returningAll().executeTakeFirstOrThrow()
        : await db.insertInto('dues_bases').values({ ...values, member_id: v.memberId, effective_month: `${v.month}-01` }).returningAll().executeTakeFirstOrThrow();
      return { before, after };
    },

    insertPayments(rows: Insertable<DB['dues_payments']>[]) {
      return db.insertInto('dues_payments').values(rows).returningAll().execute();
    },

    findPayment(id: string) {
      return db.selectFrom('dues_payments').selectAll().where('id', '=', id).executeTakeFirst();
    },

    deletePayment(id: string) {
      return db.deleteFrom('dues_payments').where('id', '=', id).executeTakeFirst();
    },

    /** The member record linked to a user account (the member's own dues). */
    async memberIdOfUser(userId: string): Promise<string | null> {
      const u = await db.selectFrom('users').select('member_id').where('id', '=', userId).executeTakeFirst();
      return u?.member_id ?? null;
    },
  };
}

export type DuesRepo = ReturnType<typeof createDuesRepo>;
