import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';

/** SQL of training classes 培训班, their sessions, enrolment and attendance. */
export function createTrainingsRepo(db: Kysely<DB>) {
  const trainings = () => db.selectFrom('trainings as t').selectAll('t')
    .select([sql<string>`study_org_path(t.org_id)`.as('org_path'), sql<string>`study_org_name(t.org_id)`.as('org_name')])
    .where(sql<boolean>`study_org_visible(t.org_id)`);
  return {
    async insert(row: Insertable<DB['trainings']>): Promise<string> {
      return (await db.insertInto('trainings').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    async insertSessions(rows: Insertable<DB['training_sessions']>[]): Promise<void> {
      await db.insertInto('training_sessions').values(rows).execute();
    },
    list: () => trainings().orderBy('t.id', 'desc').limit(500).execute(),
    find: (id: string) => trainings().where('t.id', '=', id).executeTakeFirst(),
    sessions(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('training_sessions').select(['id', 'training_id', 'held_on', 'title', 'hours'])
        .where('training_id', 'in', [...ids]).orderBy('held_on').orderBy('id').execute();
    },
    /** Enrolled members with the sessions each attended (ids), for the given trainings. */
    enrolments(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('training_enrolments as e').innerJoin('members as m', 'm.id', 'e.member_id').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['e.training_id', 'e.member_id', 'm.name', 'o.name as org_name',
          sql<string[]>`coalesce((SELECT array_agg(a.session_id::text) FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
            WHERE s.training_id = e.training_id AND a.member_id = e.member_id), '{}')`.as('attended')])
        .where('e.training_id', 'in', [...ids]).orderBy('m.name_pinyin').execute();
    },
    membersUnder(ids: readonly string[], path: string) {
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select(['m.id', 'm.org_id'])
        .where('m.id', 'in', [...ids]).where(sql<boolean>`o.path <@ ${path}::ltree`).execute();
    },
    async enrol(rows: Insertable<DB['training_enrolments']>[]): Promise<number> {
      const r = await db.insertInto('training_enrolments').values(rows).onConflict((oc) => oc.doNothing()).returning('member_id').execute();
      return r.length;
    },
    enrolled(trainingId: string, memberIds: readonly string[]) {
      return db.selectFrom('training_enrolments').select(['member_id', 'org_id']).where('training_id', '=', trainingId).where('member_id', 'in', [...memberIds]).execute();
    },
    async attend(rows: Insertable<DB['training_attendance']>[]): Promise<number> {
      const r = await db.insertInto('training_attendance').values(rows).onConflict((oc) => oc.doNothing()).returning('member_id').execute();
      return r.length;
    },
    /** The member's enrolments with hours attended. */
    recordOf(memberId: string) {
      return db.selectFrom('training_enrolments as e').innerJoin('trainings as t', 't.id', 'e.training_id')
        .select(['t.id', 't.title', 't.required_hours', sql<string>`study_org_name(t.org_id)`.as('org_name'),
          sql<string>`coalesce((SELECT sum(s.hours) FROM training_attendance a JOIN training_sessions s ON s.id = a.session_id
            WHERE s.training_id = t.id AND a.member_id = e.member_id), 0)`.as('hours')])
        .where('e.member_id', '=', memberId).orderBy('t.id', 'desc').execute();
    },
  };
}
