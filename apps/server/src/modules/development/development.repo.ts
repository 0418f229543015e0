import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { pathInScope, pathUnder } from '../orgs/orgs.repo.ts';

const CASE_COLUMNS = [
  'c.id', 'c.org_id', 'c.name', 'c.gender', 'c.birth_date', 'c.id_number', 'c.phone', 'c.ethnicity', 'c.education',
  'c.occupation', 'c.note', 'c.applied_on', 'c.current_step', 'c.status', 'c.probation_end', 'c.member_id',
  'c.next_due_on', 'c.next_due_code', 'o.name as org_name', 'o.path as org_path',
] as const;

/** SQL of development cases, their steps, documents and notices. Scope filters are explicit. */
export function createDevelopmentRepo(db: Kysely<DB>) {
  const cases = () => db.selectFrom('dev_cases as c').innerJoin('orgs as o', 'o.id', 'c.org_id');
  return {
    findInScope(id: string, scope: readonly string[]) {
      return cases().select(CASE_COLUMNS).where('c.id', '=', id).where((eb) => pathInScope(eb.ref('o.path'), scope)).executeTakeFirst();
    },

    /** A page of the cases under an organization; overdue first, then by the nearest deadline. */
    list(f: { orgPath: string; status?: string; stage?: number; q?: string; today: string }, limit: number, offset: number) {
      let q = cases().select(CASE_COLUMNS).where((eb) => pathUnder(eb.ref('o.path'), f.orgPath));
      if (f.status) q = q.where('c.status', '=', f.status as 'active');
      if (f.stage) q = q.where(stageRange(f.stage));
      const text = f.q;
      if (text) q = q.where((eb) => eb.or([eb('c.name', 'like', `${text}%`), eb('c.name_initials', 'like', `${text.toLowerCase()}%`)]));
      return {
        rows: q.orderBy(sql`(c.status = 'active' AND c.next_due_on < ${f.today}::date)`, 'desc')
          .orderBy(sql`c.next_due_on asc nulls last`).orderBy('c.id').limit(limit).offset(offset).execute(),
        count: q.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      };
    },

    /** Active cases in the scope whose nearest deadline is on or before `until` (the to-do list). */
    due(scope: readonly string[], until: string) {
      return cases().select(CASE_COLUMNS).where((eb) => pathInScope(eb.ref('o.path'), scope))
        .where('c.status', '=', 'active').where('c.next_due_on', '<=', until)
        .orderBy('c.next_due_on').orderBy('c.id').limit(500).execute();
    },

    /** Active cases of a subtree by stage, with overdue counts. */
    stageCounts(orgPath: string, today: string) {
      return cases().where((eb) => pathUnder(eb.ref('o.path'), orgPath)).where('c.status', '=', 'active')
        .select([
          sql<number>`CASE WHEN c.current_step <= 2 THEN 1 WHEN c.current_step <= 6 THEN 2 WHEN c.current_step <= 11 THEN 3 WHEN c.current_step <= 18 THEN 4 ELSE 5 END`.as('stage'),
          (eb) => eb.fn.countAll<string>().as('n'),
          sql<string>`count(*) FILTER (WHERE c.next_due_on < ${today}::date)`.as('overdue'),
        ])
        .groupBy(sql`1`).execute();
    },

    insertCase(row: Insertable<DB['dev_cases']>) {
      return db.insertInto('dev_cases').values(row).returning('id').executeTakeFirstOrThrow();
    },

    updateCase(id: string, set: { current_step?: number; status?: 'active' | 'completed' | 'closed'; probation_end?: string | null; member_id?: string | null; next_due_on: string | null; next_due_code: string | null }) {
      return db.updateTable('dev_cases').set({ ...set, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
    },

    steps(caseId: string) {
      return db.selectFrom('dev_steps').select(['id', 'step_no', 'done_on', 'decision', 'facts', 'note', 'recorded_by'])
        .where('case_id', '=', caseId).orderBy('id').execute();
    },

    insertStep(row: { case_id: string; step_no: number; done_on: string; decision: 'pass' | 'fail' | 'extend'; facts: object; note: string | null; recorded_by: string }) {
      return db.insertInto('dev_steps').values({ ...row, facts: JSON.stringify(row.facts) }).returning('id').executeTakeFirstOrThrow();
    },

    documents(caseId: string) {
      return db.selectFrom('dev_documents').select(['id', 'step_no', 'file_name', 'mime', 'size', 'created_at'])
        .where('case_id', '=', caseId).orderBy('id').execute();
    },

    notices(caseId: string) {
      return db.selectFrom('dev_notices').select(['id', 'kind', 'title', 'start_on', 'end_on', 'working_days', 'contact'])
        .where('case_id', '=', caseId).orderBy('id').execute();
    },

    /** Full members of one organization (and its groups) who may act as 联系人 or 介绍人. */
    eligibleMembers(orgPath: string) {
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['m.id', 'm.name', 'm.full_on']).where((eb) => pathUnder(eb.ref('o.path'), orgPath))
        .where('m.status', '=', 'full').orderBy('m.name_pinyin').orderBy('m.id').limit(500).execute();
    },
  };
}

/** The stage of the last step done: 1–2 申请, 3–6 积极分子, 7–11 发展对象, 12–18 接收, 19–25 预备期. */
function stageRange(stage: number) {
  const [lo, hi] = ([[1, 2], [3, 6], [7, 11], [12, 18], [19, 25]] as const)[stage - 1]!;
  return sql<boolean>`c.current_step BETWEEN ${lo} AND ${hi}`;
}

export type DevCaseRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createDevelopmentRepo>['findInScope']>>>;
