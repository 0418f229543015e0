import { sql, type Insertable, type Kysely, type SqlBool, type Transaction, type Updateable } from 'kysely';
import type { DB } from '@dangjian/db';
import type { TransferListQuery } from '@dangjian/contracts';
import { pathInScope } from '../orgs/orgs.repo.ts';

type Tx = Kysely<DB> | Transaction<DB>;
type TransfersTable = DB['transfers'];

/** `col <@ ANY(roots)` for a column that may be NULL (an outer-joined end of a transfer). */
function under(col: 'f.path' | 'o.path', scope: readonly string[]) {
  return sql<SqlBool>`${sql.ref(col)} <@ ${`{${scope.map((r) => `"${r}"`).join(',')}}`}::ltree[]`;
}

/**
 * Lets this transaction see members that have left (members.active = false). The members table
 * has a RESTRICTIVE select policy hiding them from every other feature (migration 0014).
 */
export async function includeExited(trx: Tx): Promise<void> {
  await sql`SELECT set_config('app.include_exited', 'on', true)`.execute(trx);
}

/** A transfer with both org names and paths (either end may be hidden by RLS: then null). */
function baseSelect(db: Tx) {
  return db.selectFrom('transfers as t')
    .leftJoin('orgs as f', 'f.id', 't.from_org_id')
    .leftJoin('orgs as o', 'o.id', 't.to_org_id')
    .selectAll('t')
    .select(['f.name as from_org_name', 'f.path as from_path', 'o.name as to_org_name', 'o.path as to_path']);
}
export type TransferRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['executeTakeFirstOrThrow']>>;

/** SQL of transfers and of the member rows they move. Every read filters on the caller's scope. */
export function createTransfersRepo(db: Tx) {
  return {
    /** One transfer where either end lies in the scope. */
    findInScope(id: string, scope: readonly string[]) {
      return baseSelect(db).where('t.id', '=', id)
        .where((eb) => eb.or([under('f.path', scope), under('o.path', scope)]))
        .executeTakeFirst();
    },

    /** Locks the row so two secretaries cannot accept (or receipt) the same transfer twice. */
    async lock(id: string) {
      return db.selectFrom('transfers').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
    },

    async list(scope: readonly string[], q: TransferListQuery, today: string) {
      const soon = sql<string>`(${today}::date + 7)`;
      let query = baseSelect(db).where((eb) => {
        const out = under('f.path', scope);
        const inn = under('o.path', scope);
        if (q.direction === 'out') return out;
        if (q.direction === 'in') return inn;
        return eb.or([out, inn]);
      });
      if (q.queue === 'pending') query = query.where('t.status', '=', 'pending');
      if (q.queue === 'unfinished') query = query.where('t.status', 'in', ['pending', 'issued', 'returned']);
      if (q.queue === 'expiring') query = query.where('t.status', '=', 'issued').where('t.valid_until', '>=', today).where(sql<boolean>`t.valid_until <= ${soon}`);
      if (q.queue === 'expired') query = query.where('t.status', '=', 'issued').where('t.valid_until', '<', today);
      if (q.q) query = query.where((eb) => eb.or([eb('t.member_name', 'like', `%${q.q}%`), eb('t.letter_no', 'like', `%${q.q}%`)]));
      const [rows, total] = await Promise.all([
        query.orderBy('t.created_at', 'desc').orderBy('t.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
        query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    /** An unfinished transfer of the member, if any (one at a time). */
    openFor(memberId: string) {
      return db.selectFrom('transfers').select('id').where('member_id', '=', memberId)
        .where('status', 'in', ['pending']).executeTakeFirst();
    },

    async insert(values: Insertable<TransfersTable>): Promise<string> {
      const r = await db.insertInto('transfers').values(values).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    async update(id: string, set: Updateable<TransfersTable>) {
      await db.updateTable('transfers').set({ ...set, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    },

    /**
     * The next letter number of an issuing organization in a year. An advisory lock keyed on
     * (org, year) serialises issuers, and the unique constraint backs it up.
     */
    async nextLetterSeq(orgId: string, year: number): Promise<number> {
      await sql`SELECT pg_advisory_xact_lock(hashtext('letter'), hashtext(${`${orgId}/${year}`}))`.execute(db);
      const r = await db.selectFrom('transfers').select((eb) => eb.fn.max('letter_seq').as('m'))
        .where('from_org_id', '=', orgId).where('letter_year', '=', year).executeTakeFirst();
      return Number(r?.m ?? 0) + 1;
    },

    /** The member with its org path, in the scope (active members only unless includeExited ran). */
    member(id: string, scope: readonly string[]) {
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .selectAll('m').select(['o.path as org_path', 'o.name as org_name', sql<boolean>`m.active`.as('active')])
        .where('m.id', '=', id).where((eb) => pathInScope(eb.ref('o.path'), scope)).executeTakeFirst();
    },

    /** An org in the scope with its type and region, for placing a member. */
    org(id: string, scope: readonly string[]) {
      return db.selectFrom('orgs as o').select(['o.id', 'o.name', 'o.type', 'o.path', 'o.status', 'o.region_id'])
        .where('o.id', '=', id).where((eb) => pathInScope(eb.ref('o.path'), scope)).executeTakeFirst();
    },

    async moveMember(memberId: string, orgId: string, regionId: string | null) {
      await db.updateTable('members').set({ org_id: orgId, region_id: regionId, updated_at: sql<Date>`now()` })
        .where('id', '=', memberId).execute();
    },

    async deactivateMember(memberId: string) {
      // members.active is not in the shared table type (it belongs to this feature's migration).
      await sql`UPDATE members SET active = false, updated_at = now() WHERE id = ${memberId}`.execute(db);
    },

    async appendHistory(e: { memberId: string; actorUserId: string; actorName: string; fromOrgId: string; toOrgId: string; reason: string }) {
      await db.insertInto('member_history').values({
        member_id: e.memberId, actor_user_id: e.actorUserId, actor_name: e.actorName, action: 'move',
        changes: JSON.stringify({ orgId: [e.fromOrgId, e.toOrgId] }), from_org_id: e.fromOrgId, to_org_id: e.toOrgId, reason: e.reason,
      }).execute();
    },

    /** Yes/no across the whole database (SECURITY DEFINER, migration 0009): RLS hides other subtrees. */
    async idNumberTaken(idNumber: string): Promise<boolean> {
      const r = await sql<{ n: string }>`SELECT member_id_numbers_taken(ARRAY[${idNumber}]::text[]) AS n`.execute(db);
      return r.rows.length > 0;
    },
  };
}
