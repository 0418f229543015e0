import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { nameKeys } from '@dangjian/db';
import type { ImportRowError } from '@dangjian/contracts';
import type { IndexedOrg } from './org-index.ts';
import type { NewMember } from './member-rows.ts';

/** Rows per multi-row INSERT: 17 parameters a member stays well under PostgreSQL's 65,535. */
const CHUNK = 2000;

export interface JobUpdate {
  status?: 'validating' | 'writing' | 'done' | 'failed';
  totalRows?: number;
  processedRows?: number;
  errorCount?: number;
  createdCount?: number;
  errors?: ImportRowError[];
  errorWorkbook?: Buffer | null;
  failureCode?: string | null;
  message?: string | null;
}

/** SQL of imports: the job rows, the org index of a subtree, the ID check and bulk inserts. */
export function createImportsRepo(db: Kysely<DB>) {
  return {
    async createJob(j: { kind: 'members' | 'orgs'; orgId: string; fileName: string | null; createdBy: string }): Promise<string> {
      const r = await db.insertInto('import_jobs')
        .values({ kind: j.kind, org_id: j.orgId, file_name: j.fileName, created_by: j.createdBy })
        .returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    updateJob(id: string, u: JobUpdate) {
      const done = u.status === 'done' || u.status === 'failed';
      return db.updateTable('import_jobs').set({
        ...(u.status ? { status: u.status } : {}),
        ...(u.totalRows !== undefined ? { total_rows: u.totalRows } : {}),
        ...(u.processedRows !== undefined ? { processed_rows: u.processedRows } : {}),
        ...(u.errorCount !== undefined ? { error_count: u.errorCount } : {}),
        ...(u.createdCount !== undefined ? { created_count: u.createdCount } : {}),
        ...(u.errors ? { errors: JSON.stringify(u.errors) } : {}),
        ...(u.errorWorkbook !== undefined ? { error_workbook: u.errorWorkbook } : {}),
        ...(u.failureCode !== undefined ? { failure_code: u.failureCode } : {}),
        ...(u.message !== undefined ? { message: u.message } : {}),
        ...(done ? { finished_at: sql<Date>`now()` } : {}),
        updated_at: sql<Date>`now()`,
      }).where('id', '=', id).execute();
    },

    /** A job of the caller's scope with its organization's name; the workbook is not loaded. */
    findJob(id: string, scope: readonly string[]) {
      return db.selectFrom('import_jobs as j').innerJoin('orgs as o', 'o.id', 'j.org_id')
        .select([
          'j.id', 'j.kind', 'j.org_id', 'o.name as org_name', 'j.status', 'j.file_name', 'j.total_rows', 'j.processed_rows',
          'j.error_count', 'j.created_count', 'j.errors', 'j.failure_code', 'j.message', 'j.created_at', 'j.finished_at',
          sql<boolean>`j.error_workbook IS NOT NULL`.as('has_report'),
        ])
        .where('j.id', '=', id)
        .where(sql<boolean>`o.path <@ ${`{${scope.map((p) => `"${p}"`).join(',')}}`}::ltree[]`)
        .executeTakeFirst();
    },

    findErrorWorkbook(id: string, scope: readonly string[]) {
      return db.selectFrom('import_jobs as j').innerJoin('orgs as o', 'o.id', 'j.org_id')
        .select(['j.id', 'j.kind', 'j.error_workbook'])
        .where('j.id', '=', id)
        .where(sql<boolean>`o.path <@ ${`{${scope.map((p) => `"${p}"`).join(',')}}`}::ltree[]`)
        .executeTakeFirst();
    },

    /** Every active organization at or below `path`: the names an import may refer to. */
    async subtreeOrgs(path: string): Promise<IndexedOrg[]> {
      const rows = await db.selectFrom('orgs')
        .select(['id', 'parent_id', 'path', 'name', 'short_name', 'code', 'type', 'region_id'])
        .where(sql<boolean>`path <@ ${path}::ltree`).where('status', '=', 'active').orderBy('path').execute();
      return rows.map((o) => ({
        id: o.id, parentId: o.parent_id, path: o.path, name: o.name, shortName: o.short_name, code: o.code, type: o.type, regionId: o.region_id,
      }));
    },

    /**
     * Which of these ID numbers are registered anywhere, in one query. Row-level security
     * hides other subtrees, so this asks the SECURITY DEFINER function, which answers with the
     * numbers only.
     */
    async takenIdNumbers(ids: readonly string[]): Promise<Set<string>> {
      if (ids.length === 0) return new Set();
      const r = await sql<{ id: string }>`SELECT member_id_numbers_taken AS id FROM member_id_numbers_taken(${[...ids]}::text[])`.execute(db);
      return new Set(r.rows.map((x) => x.id));
    },

    /** Inserts members with multi-row INSERTs; pinyin sort and search keys computed here. */
    async insertMembers(members: readonly NewMember[]): Promise<number> {
      let n = 0;
      for (let i = 0; i < members.length; i += CHUNK) {
        const rows = members.slice(i, i + CHUNK).map((m) => {
          const keys = nameKeys(m.name);
          return {
            org_id: m.orgId, region_id: m.regionId, name: m.name, name_pinyin: keys.pinyin, name_initials: keys.initials,
            gender: m.gender, birth_date: m.birthDate, id_number: m.idNumber, phone: m.phone, ethnicity: m.ethnicity,
            education: m.education, occupation: m.occupation, status: m.status, joined_on: m.joinedOn, full_on: m.fullOn,
            categories: m.categories,
          };
        });
        const r = await db.insertInto('members').values(rows).executeTakeFirst();
        n += Number(r.numInsertedOrUpdatedRows ?? 0);
      }
      return n;
    },

    /** Draws `n` org ids from the sequence in one round trip, so paths are known before inserting. */
    async allocateOrgIds(n: number): Promise<string[]> {
      const r = await sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('orgs', 'id'))::text AS id FROM generate_series(1, ${n}::int)`.execute(db);
      return r.rows.map((x) => x.id);
    },

    async insertOrgs(rows: { id: string; parentId: string; path: string; regionId: string | null; type: string; name: string; shortName: string | null; code: string | null; sortOrder: number }[]) {
      for (let i = 0; i < rows.length; i += CHUNK) {
        await db.insertInto('orgs').values(rows.slice(i, i + CHUNK).map((o) => ({
          id: o.id, parent_id: o.parentId, path: o.path, region_id: o.regionId, type: o.type, name: o.name,
          short_name: o.shortName, code: o.code, sort_order: o.sortOrder,
        }))).execute();
      }
    },
  };
}

export type ImportsRepo = ReturnType<typeof createImportsRepo>;
