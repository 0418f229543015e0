import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '@dangjian/db';

const META = ['m.id', 'm.org_id', 'm.member_id', 'm.submitted_by', 'm.submitter_name', 'm.title', 'm.description', 'm.link', 'm.file_name',
  'm.file_type', 'm.file_size', 'm.status', 'm.reject_reason', 'm.created_at'] as const;

/** SQL of micro-lessons 微党课 and vote rounds. The file bytes are read only by `file()`. */
export function createMicroRepo(db: Kysely<DB>) {
  const rows = () => db.selectFrom('study_micro_lessons as m').select(META)
    .select([sql<string>`study_org_path(m.org_id)`.as('org_path'), sql<string>`study_org_name(m.org_id)`.as('org_name')])
    .where(sql<boolean>`study_org_visible(m.org_id)`);
  const rounds = () => db.selectFrom('study_vote_rounds as r').selectAll('r')
    .select([sql<string>`study_org_path(r.org_id)`.as('org_path'), sql<string>`study_org_name(r.org_id)`.as('org_name')])
    .where(sql<boolean>`study_org_visible(r.org_id)`);
  return {
    async insert(row: Insertable<DB['study_micro_lessons']>): Promise<string> {
      return (await db.insertInto('study_micro_lessons').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    list: (status: string | undefined) => (status ? rows().where('m.status', '=', status) : rows()).orderBy('m.id', 'desc').limit(500).execute(),
    find: (id: string) => rows().where('m.id', '=', id).executeTakeFirst(),
    file: (id: string) => db.selectFrom('study_micro_lessons').select(['file_data', 'file_type', 'file_name']).where('id', '=', id).executeTakeFirst(),
    async update(id: string, patch: Updateable<DB['study_micro_lessons']>): Promise<void> {
      await db.updateTable('study_micro_lessons').set(patch).where('id', '=', id).execute();
    },

    async insertRound(row: Insertable<DB['study_vote_rounds']>): Promise<string> {
      return (await db.insertInto('study_vote_rounds').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    listRounds: () => rounds().orderBy('r.id', 'desc').execute(),
    findRound: (id: string) => rounds().where('r.id', '=', id).executeTakeFirst(),
    myVotes(userId: string) {
      return db.selectFrom('study_votes').select(['round_id', 'micro_lesson_id']).where('user_id', '=', userId).execute();
    },
    async insertVote(row: Insertable<DB['study_votes']>): Promise<string> {
      return (await db.insertInto('study_votes').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },
    /** Approved micro-lessons of the round's subtree with their votes in the round, most first. */
    tally(roundId: string, path: string) {
      return db.selectFrom('study_micro_lessons as m')
        .leftJoin('study_votes as v', (j) => j.onRef('v.micro_lesson_id', '=', 'm.id').on('v.round_id', '=', roundId))
        .select(['m.id', 'm.title', 'm.submitter_name', sql<string>`study_org_name(m.org_id)`.as('org_name'), (eb) => eb.fn.count<string>('v.id').as('votes')])
        .where('m.status', '=', 'approved').where(sql<boolean>`study_org_path(m.org_id)::ltree <@ ${path}::ltree`)
        .groupBy(['m.id', 'm.title', 'm.submitter_name', 'm.org_id']).orderBy('votes', 'desc').orderBy('m.id').execute();
    },
  };
}
