import { sql, type Kysely } from 'kysely';
import type { DB, MembersTable } from '@dangjian/db';

export interface ExportFilter {
  orgPath: string;
  status?: MembersTable['status'];
  q?: string;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The member rows of an export, with the same filter semantics as GET /members (subtree,
 * status, q as ID/phone digits or name / pinyin / initials prefix), in roster order.
 */
export function createExportRepo(db: Kysely<DB>) {
  return {
    listForExport(f: ExportFilter, limit: number) {
      let qb = db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .where(sql<boolean>`o.path <@ ${f.orgPath}::ltree`);
      if (f.status) qb = qb.where('m.status', '=', f.status);
      const q = f.q?.trim();
      if (q && /^\d[\dXx]*$/.test(q)) {
        const digits = q.toUpperCase();
        qb = qb.where((eb) => eb.or([eb('m.id_number', '=', digits), eb('m.phone', '=', digits)]));
      } else if (q) {
        const lower = q.toLowerCase();
        qb = qb.where((eb) => eb.or([
          eb('m.name', 'like', `${escapeLike(q)}%`),
          eb(sql<string>`replace(m.name_pinyin, ' ', '')`, 'like', `${escapeLike(lower.replace(/\s+/g, ''))}%`),
          eb('m.name_initials', 'like', `${escapeLike(lower)}%`),
        ]));
      }
      return qb.select([
        'm.id', 'm.name', 'm.gender', 'm.birth_date', 'm.id_number', 'm.phone', 'm.ethnicity', 'm.education', 'm.occupation',
        'm.status', 'm.joined_on', 'm.full_on', 'm.categories', 'o.name as org_name',
      ]).orderBy('m.name_pinyin').orderBy('m.id').limit(limit).execute();
    },
  };
}
