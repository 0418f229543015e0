import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB, MembersTable } from '@dangjian/db';
import type { MemberSort } from '@dangjian/contracts';
import { pathUnder } from '../orgs/orgs.repo.ts';

export interface MemberListFilter {
  /**
   * Ids of every organization in the listed subtree, passed as a literal array: the planner then
   * knows how much of the table the subtree holds, and scans the sort index in order for a
   * whole district (stopping after one page) but starts from the organizations for a branch.
   * Joining on `path <@` instead hides that from it (ltree estimates one org), so it always
   * started from the organizations and sorted a district's every member for each page.
   */
  orgIds: readonly string[] | 'all';
  status?: MembersTable['status'];
  gender?: MembersTable['gender'];
  ethnicity?: string;
  education?: string;
  category?: string;
  /** Born on or before this date (a minimum age). */
  bornOnOrBefore?: string;
  /** Born after this date (a maximum age). */
  bornAfter?: string;
  joinedFrom?: string;
  joinedTo?: string;
  hasPhone?: boolean;
  post?: string;
  q?: string;
}

export interface MemberOrder {
  sort: MemberSort;
  order: 'asc' | 'desc';
}

/** A keyset position: the sort key and id of the last row of the previous page. */
export interface MemberKeyset {
  key: string;
  id: string;
}

/**
 * The sort key of each order. Join dates may be missing on legacy rows, so that key is
 * coalesced to a fixed early date: the same expression is indexed (migration 0008).
 */
const SORT_KEYS: Record<MemberSort, { expr: Expression<string>; cast: string }> = {
  name: { expr: sql<string>`m.name_pinyin`, cast: 'text' },
  joinedOn: { expr: sql<string>`coalesce(m.joined_on, DATE '0001-01-01')`, cast: 'date' },
  birthDate: { expr: sql<string>`m.birth_date`, cast: 'date' },
};

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL of the roster: one subtree, filters on every field, three keyset orders. */
export function createMembersRepo(db: Kysely<DB>) {
  function filtered(f: MemberListFilter) {
    // No join to orgs here: a join lets the planner start from orgs (which it thinks are few).
    let qb = db.selectFrom('members as m');
    // 'all': the subtree is every organization there is (subtreeOrgIds); no list to test against.
    if (f.orgIds !== 'all') qb = qb.where(sql<SqlBool>`m.org_id = ANY(${`{${f.orgIds.join(',')}}`}::bigint[])`);
    if (f.status) qb = qb.where('m.status', '=', f.status);
    if (f.gender) qb = qb.where('m.gender', '=', f.gender);
    if (f.ethnicity) qb = qb.where('m.ethnicity', '=', f.ethnicity);
    if (f.education) qb = qb.where('m.education', '=', f.education);
    if (f.category) qb = qb.where(sql<SqlBool>`m.categories @> ARRAY[${f.category}]::text[]`);
    if (f.bornOnOrBefore) qb = qb.where('m.birth_date', '<=', f.bornOnOrBefore);
    if (f.bornAfter) qb = qb.where('m.birth_date', '>', f.bornAfter);
    if (f.joinedFrom) qb = qb.where('m.joined_on', '>=', f.joinedFrom);
    if (f.joinedTo) qb = qb.where('m.joined_on', '<=', f.joinedTo);
    if (f.hasPhone !== undefined) qb = qb.where('m.phone', f.hasPhone ? 'is not' : 'is', null);
    if (f.post) qb = qb.where(sql<SqlBool>`EXISTS (SELECT 1 FROM unnest(m.posts) p WHERE p LIKE ${`%${escapeLike(f.post)}%`})`);
    const q = f.q?.trim();
    if (q) {
      if (/^\d[\dXx]*$/.test(q)) {
        const digits = q.toUpperCase();
        qb = qb.where((eb) => eb.or([eb('m.id_number', '=', digits), eb('m.phone', '=', digits)]));
      } else {
        const lower = q.toLowerCase();
        qb = qb.where((eb) =>
          eb.or([
            eb('m.name', 'like', `${escapeLike(q)}%`),
            // Full pinyin typed without spaces ('zhangsan') against the spaced sort key.
            eb(sql<string>`replace(m.name_pinyin, ' ', '')`, 'like', `${escapeLike(lower.replace(/\s+/g, ''))}%`),
            eb('m.name_initials', 'like', `${escapeLike(lower)}%`),
          ]),
        );
      }
    }
    return qb;
  }

  return {
    /**
     * Ids of the organization at `path` and all below it (the gist index on path), or 'all' when
     * that organization is the only root the caller can see: its subtree is then every
     * organization in scope, and a list of them (400,000 ids for a province) would cost more
     * than the page it filters. Row-level security still limits the rows to the scope.
     */
    async subtreeOrgIds(path: string): Promise<string[] | 'all'> {
      if (!path.includes('.')) {
        const otherRoot = await db.selectFrom('orgs').select('id').where('parent_id', 'is', null).where('id', '<>', path).limit(1).executeTakeFirst();
        if (!otherRoot) return 'all';
      }
      const rows = await db.selectFrom('orgs as o').select('o.id').where((eb) => pathUnder(eb.ref('o.path'), path)).execute();
      return rows.map((r) => r.id);
    },

    /**
     * One page in the given order (then id), rows after `after`: a row-value comparison on the
     * indexed sort key, so page 50 costs what page 1 does. Fetches limit + 1 to know if more follow.
     */
    listPage(f: MemberListFilter, o: MemberOrder, limit: number, after: MemberKeyset | null) {
      const { expr, cast } = SORT_KEYS[o.sort];
      let qb = filtered(f).select([
        'm.id', 'm.name', 'm.gender', 'm.birth_date', 'm.id_number', 'm.phone', 'm.status', 'm.org_id',
        'm.joined_on', 'm.education', 'm.ethnicity', 'm.categories', 'm.posts',
        sql<string>`${expr}::text`.as('sort_key'), sql<string>`${expr}`.as('sk'),
      ]);
      if (after) {
        const op = sql.raw(o.order === 'asc' ? '>' : '<');
        qb = qb.where(sql<SqlBool>`(${expr}, m.id) ${op} (${after.key}::${sql.raw(cast)}, ${after.id}::bigint)`);
      }
      const dir = o.order === 'asc' ? sql.raw('ASC') : sql.raw('DESC');
      // A search is answered from its matches (the name and pinyin prefix indexes), then sorted:
      // OFFSET 0 keeps the planner from walking the sort index from 'a' instead, which over a
      // province's members took 27 s for "zhang" (its names sit near the end of that index).
      const matches = f.q?.trim() ? qb.offset(0) : qb.orderBy(sql`${expr} ${dir}`).orderBy(sql`m.id ${dir}`).limit(limit + 1);
      return db.selectFrom(matches.as('p'))
        .selectAll('p')
        .select(sql<string>`(SELECT o.name FROM orgs o WHERE o.id = p.org_id)`.as('org_name'))
        .orderBy(sql`p.sk ${dir}`).orderBy(sql`p.id ${dir}`)
        .limit(limit + 1)
        .execute();
    },

    async count(f: MemberListFilter): Promise<number> {
      const r = await filtered(f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /**
     * The roster total of the subtree of `orgId` (whose ids `f.orgIds` holds): read from the
     * pre-aggregated figures (migration 0021) when the filter asks for nothing but a status,
     * which is what a roster opened from the tree asks; counted otherwise.
     */
    async total(f: MemberListFilter, orgId: string): Promise<number> {
      const { orgIds: _ids, status, ...rest } = f;
      if (Object.values(rest).some((v) => v !== undefined && v !== '')) return this.count(f);
      const r = await db.selectFrom('org_rollups').select((eb) => eb.fn.sum<string>('n').as('n'))
        .where('org_id', '=', orgId)
        .where('measure', status ? '=' : 'like', status ? `members:${status}` : 'members:%')
        .executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}
