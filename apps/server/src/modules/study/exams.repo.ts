import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';

/** `study_org_path(org_id)` as an ltree, for subtree tests on content above the caller's scope. */
const orgPathOf = (col: string) => sql<string>`study_org_path(${sql.ref(col)})::ltree`;

/** SQL of the question bank, exams and sittings. RLS (study_org_visible) filters beneath each query. */
export function createExamsRepo(db: Kysely<DB>) {
  return {
    async insertQuestion(row: Insertable<DB['exam_questions']>): Promise<string> {
      return (await db.insertInto('exam_questions').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    /** Questions of the subtree at `orgPath`, newest first. */
    listQuestions(orgPath: string, type: string | undefined, limit: number, offset: number) {
      let qb = db.selectFrom('exam_questions as q').innerJoin('orgs as o', 'o.id', 'q.org_id')
        .select(['q.id', 'q.org_id', 'o.name as org_name', 'q.type', 'q.stem', 'q.options', 'q.answer', 'q.explanation', 'q.tags'])
        .where(sql<boolean>`o.path <@ ${orgPath}::ltree`);
      if (type) qb = qb.where('q.type', '=', type);
      return qb.orderBy('q.id', 'desc').limit(limit).offset(offset).execute();
    },

    async countQuestions(orgPath: string, type: string | undefined): Promise<number> {
      let qb = db.selectFrom('exam_questions as q').innerJoin('orgs as o', 'o.id', 'q.org_id')
        .select((eb) => eb.fn.countAll<string>().as('n')).where(sql<boolean>`o.path <@ ${orgPath}::ltree`);
      if (type) qb = qb.where('q.type', '=', type);
      return Number((await qb.executeTakeFirst())?.n ?? 0);
    },

    /** Ids of the bank an exam at `examPath` draws from: questions of that organization or of its ancestors. */
    bankIds(examPath: string, type: string) {
      return db.selectFrom('exam_questions as q').select('q.id').where('q.type', '=', type)
        .where(sql<boolean>`${orgPathOf('q.org_id')} @> ${examPath}::ltree`).execute();
    },

    questionsByIds(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('exam_questions').select(['id', 'type', 'stem', 'options', 'answer', 'explanation'])
        .where('id', 'in', [...ids]).execute();
    },

    async insertExam(row: Insertable<DB['exams']>): Promise<string> {
      return (await db.insertInto('exams').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    /** Exams whose organization lies in or above the caller's scope (RLS and the explicit test agree). */
    listExams(limit: number, offset: number) {
      return db.selectFrom('exams as e')
        .selectAll('e').select([sql<string>`study_org_path(e.org_id)`.as('org_path'), sql<string>`study_org_name(e.org_id)`.as('org_name')])
        .where(sql<boolean>`study_org_visible(e.org_id)`)
        .orderBy('e.created_at', 'desc').orderBy('e.id', 'desc').limit(limit).offset(offset).execute();
    },

    findExam(id: string) {
      return db.selectFrom('exams as e')
        .selectAll('e').select([sql<string>`study_org_path(e.org_id)`.as('org_path'), sql<string>`study_org_name(e.org_id)`.as('org_name')])
        .where('e.id', '=', id).where(sql<boolean>`study_org_visible(e.org_id)`).executeTakeFirst();
    },

    sittingOf(examId: string, userId: string) {
      return db.selectFrom('exam_sittings').selectAll().where('exam_id', '=', examId).where('user_id', '=', userId).executeTakeFirst();
    },

    sittingsOfUser(userId: string, examIds: readonly string[]) {
      if (examIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('exam_sittings').select(['exam_id', 'submitted_at', 'score'])
        .where('user_id', '=', userId).where('exam_id', 'in', [...examIds]).execute();
    },

    async insertSitting(row: Insertable<DB['exam_sittings']>): Promise<string> {
      return (await db.insertInto('exam_sittings').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    async submitSitting(id: string, v: { answers: string; score: number; correctCount: number; at: Date }): Promise<void> {
      await db.updateTable('exam_sittings')
        .set({ answers: v.answers, score: v.score, correct_count: v.correctCount, submitted_at: v.at })
        .where('id', '=', id).where('submitted_at', 'is', null).execute();
    },

    /** Every sitting of an exam with the taker's organization name. */
    sittingsOfExam(examId: string) {
      return db.selectFrom('exam_sittings as s')
        .select(['s.org_id', 's.taker_name', 's.started_at', 's.submitted_at', 's.score', sql<string>`study_org_name(s.org_id)`.as('org_name')])
        .where('s.exam_id', '=', examId).orderBy('s.score', 'desc').orderBy('s.id').execute();
    },

    /** Members per organization in the subtree at `path` (for participation rates). */
    memberCountsUnder(path: string) {
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['o.id', 'o.name', 'o.path', (eb) => eb.fn.countAll<string>().as('n')])
        .where(sql<boolean>`o.path <@ ${path}::ltree`).groupBy(['o.id', 'o.name', 'o.path']).orderBy('o.path').execute();
    },
  };
}
