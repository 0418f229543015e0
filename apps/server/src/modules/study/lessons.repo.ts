import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';

/** SQL of party lessons 党课 and selection rounds. Lists filter on the subtree; RLS filters again. */
export function createLessonsRepo(db: Kysely<DB>) {
  const inSubtree = (path: string) => sql<boolean>`o.path <@ ${path}::ltree`;
  const inYear = (year: number | undefined) => (year ? sql<boolean>`extract(year from l.held_on) = ${year}` : sql<boolean>`true`);
  return {
    async insertLesson(row: Insertable<DB['study_lessons']>): Promise<string> {
      return (await db.insertInto('study_lessons').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    listLessons(path: string, year: number | undefined, limit: number, offset: number) {
      return db.selectFrom('study_lessons as l').innerJoin('orgs as o', 'o.id', 'l.org_id').selectAll('l').select('o.name as org_name')
        .where(inSubtree(path)).where(inYear(year)).orderBy('l.held_on', 'desc').orderBy('l.id', 'desc').limit(limit).offset(offset).execute();
    },

    async countLessons(path: string, year: number | undefined): Promise<number> {
      const r = await db.selectFrom('study_lessons as l').innerJoin('orgs as o', 'o.id', 'l.org_id')
        .select((eb) => eb.fn.countAll<string>().as('n')).where(inSubtree(path)).where(inYear(year)).executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    /** Lessons given per lecturer in a year (a member by id, an outside lecturer by name). */
    lecturerCounts(path: string, year: number) {
      return db.selectFrom('study_lessons as l').innerJoin('orgs as o', 'o.id', 'l.org_id')
        .select(['l.lecturer_member_id', 'l.lecturer_name', sql<boolean>`bool_or(l.lecturer_is_leader)`.as('is_leader'), (eb) => eb.fn.countAll<string>().as('n')])
        .where(inSubtree(path)).where(inYear(year))
        .groupBy(['l.lecturer_member_id', 'l.lecturer_name']).orderBy('n', 'desc').orderBy('l.lecturer_name').execute();
    },

    memberInSubtree(memberId: string, path: string) {
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select(['m.id', 'm.name'])
        .where('m.id', '=', memberId).where(inSubtree(path)).executeTakeFirst();
    },

    async rosterCount(path: string): Promise<number> {
      const r = await db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select((eb) => eb.fn.countAll<string>().as('n')).where(inSubtree(path)).executeTakeFirst();
      return Number(r?.n ?? 0);
    },

    lessonInSubtree(id: string, path: string) {
      return db.selectFrom('study_lessons as l').innerJoin('orgs as o', 'o.id', 'l.org_id').select(['l.id', 'l.org_id', 'l.title'])
        .where('l.id', '=', id).where(inSubtree(path)).executeTakeFirst();
    },

    async insertRound(row: Insertable<DB['study_selection_rounds']>): Promise<string> {
      return (await db.insertInto('study_selection_rounds').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    /** Rounds visible to the caller (in or above its scope). */
    listRounds() {
      return db.selectFrom('study_selection_rounds as r').selectAll('r')
        .select([sql<string>`study_org_path(r.org_id)`.as('org_path'), sql<string>`study_org_name(r.org_id)`.as('org_name')])
        .where(sql<boolean>`study_org_visible(r.org_id)`).orderBy('r.id', 'desc').execute();
    },

    findRound(id: string) {
      return db.selectFrom('study_selection_rounds as r').selectAll('r')
        .select([sql<string>`study_org_path(r.org_id)`.as('org_path'), sql<string>`study_org_name(r.org_id)`.as('org_name')])
        .where('r.id', '=', id).where(sql<boolean>`study_org_visible(r.org_id)`).executeTakeFirst();
    },

    async insertItem(row: Insertable<DB['study_selection_items']>): Promise<string> {
      return (await db.insertInto('study_selection_items').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    findItem(roundId: string, itemId: string) {
      return db.selectFrom('study_selection_items').selectAll().where('round_id', '=', roundId).where('id', '=', itemId).executeTakeFirst();
    },

    async insertScore(row: Insertable<DB['study_selection_scores']>): Promise<string> {
      return (await db.insertInto('study_selection_scores').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    /** Items of a round with their score count, average and the caller's own score. */
    itemsWithScores(roundId: string, userId: string) {
      return db.selectFrom('study_selection_items as i').leftJoin('study_selection_scores as s', 's.item_id', 'i.id')
        .select(['i.id', 'i.nominee', 'i.lesson_id', 'i.note', (eb) => eb.fn.count<string>('s.id').as('n'),
          sql<string | null>`avg(s.score)`.as('avg'), sql<number | null>`max(s.score) FILTER (WHERE s.user_id = ${userId})`.as('mine')])
        .where('i.round_id', '=', roundId).groupBy(['i.id', 'i.nominee', 'i.lesson_id', 'i.note']).orderBy('i.id').execute();
    },
  };
}
