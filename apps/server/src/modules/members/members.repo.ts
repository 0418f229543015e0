import { sql, type Kysely } from 'kysely';
import type { DB, MembersTable } from '@dangjian/db';
import { pathUnder } from '../orgs/orgs.repo.ts';

export interface MemberListFilter {
  orgPath: string;
  status?: MembersTable['status'];
  q?: string;
}

/** SQL of the member registry. */
export function createMembersRepo(db: Kysely<DB>) {
  function filtered(f: MemberListFilter) {
    let qb = db
      .selectFrom('members as m')
      .innerJoin('orgs as o', 'o.id', 'm.org_id')
      .where((eb) => pathUnder(eb.ref('o.path'), f.orgPath));
    if (f.status) qb = qb.where('m.status', '=', f.status);
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
     * One page of members in the subtree, sorted by pinyin then id (keyset: rows after
     * `after`), so page N costs the same as page 1.
     */
    listPage(f: MemberListFilter, limit: number, after: { pinyin: string; id: string } | null) {
      let qb = filtered(f).select([
        'm.id', 'm.name', 'm.name_pinyin', 'm.gender', 'm.birth_date', 'm.id_number', 'm.phone', 'm.status',
        'm.org_id', 'o.name as org_name', 'm.joined_on', 'm.education',
      ]);
      if (after) {
        qb = qb.where((eb) =>
          eb.or([
            eb('m.name_pinyin', '>', after.pinyin),
            eb.and([eb('m.name_pinyin', '=', after.pinyin), eb('m.id', '>', after.id)]),
          ]),
        );
      }
      return qb.orderBy('m.name_pinyin').orderBy('m.id').limit(limit + 1).execute();
    },

    async count(f: MemberListFilter): Promise<number> {
      const r = await filtered(f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
      return Number(r?.n ?? 0);
    },
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}
