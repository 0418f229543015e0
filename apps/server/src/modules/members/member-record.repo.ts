import { sql, type Kysely } from 'kysely';
import type { DB, MembersTable } from '@dangjian/db';
import { pathInScope } from '../orgs/orgs.repo.ts';

/** The columns a create or patch sets (keys and timestamps aside; grid_id belongs to grids). */
export interface MemberWritable {
  org_id: string;
  region_id: string | null;
  name: string;
  name_pinyin: string;
  name_initials: string;
  gender: MembersTable['gender'];
  birth_date: string;
  id_number: string;
  phone: string | null;
  ethnicity: string | null;
  education: string | null;
  occupation: string | null;
  status: MembersTable['status'];
  joined_on: string;
  full_on: string | null;
  categories: string[];
  reporting_org_id: string | null;
  posts: string[];
  remarks: string | null;
}

/** SQL of one member: find within a scope, insert, update, re-home. */
export function createMemberRecordRepo(db: Kysely<DB>) {
  return {
    /** The member with its organization, only when that organization lies in `scope`. */
    findInScope(id: string, scope: readonly string[]) {
      return db
        .selectFrom('members as m')
        .innerJoin('orgs as o', 'o.id', 'm.org_id')
        .leftJoin('orgs as r', 'r.id', 'm.reporting_org_id')
        .select([
          'm.id', 'm.org_id', 'm.region_id', 'm.name', 'm.name_pinyin', 'm.name_initials', 'm.gender', 'm.birth_date',
          'm.id_number', 'm.phone', 'm.ethnicity', 'm.education', 'm.occupation', 'm.status', 'm.joined_on', 'm.full_on',
          'm.categories', 'm.reporting_org_id', 'm.posts', 'm.remarks', 'm.updated_at',
          'o.name as org_name', 'o.path as org_path', 'r.name as reporting_org_name',
        ])
        .where('m.id', '=', id)
        .where((eb) => pathInScope(eb.ref('o.path'), scope))
        .executeTakeFirst();
    },

    async insert(row: MemberWritable): Promise<string> {
      const r = await db.insertInto('members').values(row).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    async update(id: string, set: Partial<MemberWritable>): Promise<void> {
      await db.updateTable('members').set({ ...set, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    },

    /** Re-homes a member; region_id follows the new organization's district. */
    async moveTo(id: string, orgId: string, regionId: string | null): Promise<void> {
      await db.updateTable('members').set({ org_id: orgId, region_id: regionId, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    },
  };
}

export type MemberRecord = NonNullable<Awaited<ReturnType<ReturnType<typeof createMemberRecordRepo>['findInScope']>>>;

/** True for PostgreSQL's unique violation on the ID number (both engines report code 23505). */
export function isDuplicateIdNumber(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; message?: string } | null;
  if (err?.code !== '23505') return false;
  return err.constraint === 'members_id_number_unique' || (err.message ?? '').includes('members_id_number_unique');
}
