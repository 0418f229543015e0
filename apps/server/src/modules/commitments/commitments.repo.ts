import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '@dangjian/db';
import { pathUnder } from '../orgs/orgs.repo.ts';

/** Inside any of the scope roots (callers return early on an empty scope). */
export const inAny = (ref: Expression<string>, scope: readonly string[]) =>
  sql<SqlBool>`(${sql.join(scope.map((root) => pathUnder(ref, root)), sql` OR `)})`;

/** Organization types that hang under a branch and never own commitments themselves. */
const GROUP_TYPES = new Set(['group', 'building_group', 'center_household', 'building_lead']);
/** Organization types that can stand for a village or a community (read from the name: the tree has no flag). */
const VILLAGE_TYPES = new Set(['party_committee', 'general_branch', 'branch']);

export interface Placement { orgId: string; regionId: string | null; villageId: string }

/**
 * Where a commitment of an organization or member lives: the branch (the nearest ancestor-or-self
 * that is not a 党小组/楼栋 unit) and the board (the outermost ancestor-or-self of a village or
 * community type whose name says 村 or 社区, else the branch itself).
 * Reads ancestors as the owner: call it before the scoped transaction (scoped roles cannot see them).
 * @example placementOf(db, '1.5.12.40') // { orgId: '12', villageId: '12', regionId: '1' }
 */
export async function placementOf(db: Kysely<DB>, orgPath: string): Promise<Placement> {
  const ids = orgPath.split('.');
  const rows = await db.selectFrom('orgs').select(['id', 'type', 'name', 'region_id']).where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const chain = ids.map((id) => byId.get(id)!).filter(Boolean);
  const branch = [...chain].reverse().find((o) => !GROUP_TYPES.has(o.type)) ?? chain[chain.length - 1]!;
  const village = chain.slice(0, chain.indexOf(branch) + 1).find((o) => VILLAGE_TYPES.has(o.type) && /村|社区/.test(o.name)) ?? branch;
  return { orgId: branch.id, regionId: branch.region_id, villageId: village.id };
}

const itemCols = [
  'c.id', 'c.org_id', 'c.region_id', 'c.village_id', 'c.member_id', 'c.year', 'c.content', 'c.status', 'c.return_reason', 'c.submitted_at',
  'c.vetted_at', 'c.completed_at', 'c.completion_note', 'c.rating', 'c.created_at', 'o.name as org_name', 'o.path as org_path',
] as const;

export interface ListFilter { year?: number; status?: 'draft' | 'submitted' | 'approved' | 'returned'; kind?: 'member' | 'branch'; completed?: 'yes' | 'no'; q?: string }

/** SQL of commitments, progress, feedback and photos. Callers pass scope roots; RLS applies beneath. */
export function createCommitmentsRepo(db: Kysely<DB>) {
  const base = () => db.selectFrom('commitments as c').innerJoin('orgs as o', 'o.id', 'c.org_id').leftJoin('members as m', 'm.id', 'c.member_id');
  const withCounts = <Q extends ReturnType<typeof base>>(qb: Q) => qb.select([
    ...itemCols,
    sql<string>`coalesce(m.name, o.name)`.as('name'),
    sql<string>`(SELECT v.name FROM orgs v WHERE v.id = c.village_id)`.as('village_name'),
    sql<number>`(SELECT count(*)::int FROM commitment_progress p WHERE p.commitment_id = c.id)`.as('progress_count'),
    sql<number>`(SELECT count(*)::int FROM commitment_feedback f WHERE f.commitment_id = c.id AND NOT f.hidden)`.as('feedback_count'),
    sql<number>`(SELECT count(*)::int FROM commitment_feedback f WHERE f.commitment_id = c.id AND NOT f.hidden AND f.answer IS NULL)`.as('unanswered_count'),
  ]);
  return {
    async memberIdOfUser(userId: string): Promise<string | null> {
      return (await db.selectFrom('users').select('member_id').where('id', '=', userId).executeTakeFirst())?.member_id ?? null;
    },
    memberInScope(id: string, scope: readonly string[]) {
      if (scope.length === 0) return Promise.resolve(undefined);
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['m.id', 'm.name', 'm.posts', 'm.status', 'm.org_id', 'o.name as org_name', 'o.path as org_path'])
        .where('m.id', '=', id).where(inAny(sql.ref('o.path'), scope)).executeTakeFirst();
    },
    orgInScope(id: string, scope: readonly string[]) {
      if (scope.length === 0) return Promise.resolve(undefined);
      return db.selectFrom('orgs as o').select(['o.id', 'o.name', 'o.path', 'o.type']).where('o.id', '=', id).where(inAny(sql.ref('o.path'), scope)).executeTakeFirst();
    },
    /** Member's path for placement (owner connection, before the scoped transaction). */
    memberPath(id: string) {
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select(['o.path']).where('m.id', '=', id).executeTakeFirst();
    },
    orgPath(id: string) {
      return db.selectFrom('orgs').select('path').where('id', '=', id).executeTakeFirst();
    },

    /** One commitment with its counts, only inside the scope. */
    item(id: string, scope: readonly string[]) {
      if (scope.length === 0) return Promise.resolve(undefined);
      return withCounts(base()).where('c.id', '=', id).where(inAny(sql.ref('o.path'), scope)).executeTakeFirst();
    },
    /** Commitments of a subtree, newest years first, then pending first. */
    list(path: string, f: ListFilter, page?: { limit: number; offset: number }) {
      let qb = base().where(pathUnder(sql.ref('o.path'), path));
      if (f.year) qb = qb.where('c.year', '=', f.year);
      if (f.status) qb = qb.where('c.status', '=', f.status);
      if (f.kind === 'member') qb = qb.where('c.member_id', 'is not', null);
      if (f.kind === 'branch') qb = qb.where('c.member_id', 'is', null);
      if (f.completed === 'yes') qb = qb.where('c.completed_at', 'is not', null);
      if (f.completed === 'no') qb = qb.where('c.completed_at', 'is', null);
      const q = f.q?.trim();
      if (q) qb = qb.where((eb) => eb.or([eb('m.name', 'like', `%${q}%`), eb('m.name_pinyin', 'like', `%${q.toLowerCase()}%`), eb('c.content', 'like', `%${q}%`), eb('o.name', 'like', `%${q}%`)]));
      return {
        rows: () => {
          let r = withCounts(qb).orderBy('c.year', 'desc')
            .orderBy(sql`CASE c.status WHEN 'submitted' THEN 0 WHEN 'returned' THEN 1 WHEN 'draft' THEN 2 ELSE 3 END`)
            .orderBy('o.path').orderBy(sql`c.member_id IS NOT NULL`).orderBy('m.name_pinyin').orderBy('c.id');
          if (page) r = r.limit(page.limit).offset(page.offset);
          return r.execute();
        },
        count: async () => Number((await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
      };
    },
    countFor(memberId: string | null, orgId: string, year: number) {
      let qb = db.selectFrom('commitments').select((eb) => eb.fn.countAll<string>().as('n')).where('year', '=', year);
      qb = memberId ? qb.where('member_id', '=', memberId) : qb.where('member_id', 'is', null).where('org_id', '=', orgId);
      return qb.executeTakeFirstOrThrow().then((r) => Number(r.n));
    },
    mineRows(memberId: string, year: number) {
      return withCounts(base()).where('c.member_id', '=', memberId).where('c.year', '=', year).orderBy('c.id').execute();
    },

    progressOf(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('commitment_progress').select(['id', 'commitment_id', 'on_date', 'note', 'photo_id', 'created_at'])
        .where('commitment_id', 'in', ids).orderBy('on_date').orderBy('id').execute();
    },
    feedbackOf(ids: readonly string[], includeHidden: boolean) {
      if (ids.length === 0) return Promise.resolve([]);
      let qb = db.selectFrom('commitment_feedback').select(['id', 'commitment_id', 'nickname', 'content', 'created_at', 'answer', 'answered_at', 'hidden'])
        .where('commitment_id', 'in', ids);
      if (!includeHidden) qb = qb.where('hidden', '=', false);
      return qb.orderBy('id').execute();
    },
    progressRow(commitmentId: string, progressId: string) {
      return db.selectFrom('commitment_progress').selectAll().where('id', '=', progressId).where('commitment_id', '=', commitmentId).executeTakeFirst();
    },

    /** Feedback of a subtree for answering and moderation. */
    feedbackUnder(path: string, filter: 'unanswered' | 'answered' | 'hidden' | 'all', page: { limit: number; offset: number }) {
      let qb = db.selectFrom('commitment_feedback as f').innerJoin('commitments as c', 'c.id', 'f.commitment_id')
        .innerJoin('orgs as o', 'o.id', 'c.org_id').leftJoin('members as m', 'm.id', 'c.member_id')
        .where(pathUnder(sql.ref('o.path'), path));
      if (filter === 'unanswered') qb = qb.where('f.hidden', '=', false).where('f.answer', 'is', null);
      if (filter === 'answered') qb = qb.where('f.hidden', '=', false).where('f.answer', 'is not', null);
      if (filter === 'hidden') qb = qb.where('f.hidden', '=', true);
      return {
        rows: () => qb.select(['f.id', 'f.commitment_id', 'f.nickname', 'f.content', 'f.created_at', 'f.answer', 'f.answered_at', 'f.hidden',
          'c.content as commitment_content', 'o.name as org_name', sql<string>`coalesce(m.name, o.name)`.as('name')])
          .orderBy('f.id', 'desc').limit(page.limit).offset(page.offset).execute(),
        count: async () => Number((await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
      };
    },
    feedbackInScope(id: string, scope: readonly string[]) {
      if (scope.length === 0) return Promise.resolve(undefined);
      return db.selectFrom('commitment_feedback as f').innerJoin('orgs as o', 'o.id', 'f.org_id').selectAll('f').select('o.path as org_path')
        .where('f.id', '=', id).where(inAny(sql.ref('o.path'), scope)).executeTakeFirst();
    },

    memberPhotoId(memberId: string) {
      return db.selectFrom('commitment_photos').select('id').where('kind', '=', 'member').where('member_id', '=', memberId).executeTakeFirst().then((r) => r?.id ?? null);
    },
    photoInScope(id: string, scope: readonly string[]) {
      if (scope.length === 0) return Promise.resolve(undefined);
      return db.selectFrom('commitment_photos as p').innerJoin('orgs as o', 'o.id', 'p.org_id').select(['p.id', 'p.mime', 'p.data'])
        .where('p.id', '=', id).where(inAny(sql.ref('o.path'), scope)).executeTakeFirst();
    },
  };
}

export type CommitmentRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createCommitmentsRepo>['item']>>>;
