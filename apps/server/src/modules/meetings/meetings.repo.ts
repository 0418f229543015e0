import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB } from '@dangjian/db';
import { pathInScope, pathUnder } from '../orgs/orgs.repo.ts';

export interface MeetingFilter {
  orgPath: string;
  kind?: string;
  /** Inclusive bounds as instants (the service turns China dates into them). */
  from?: Date;
  to?: Date;
}

const meetingColumns = [
  'm.id', 'm.org_id', 'o.name as org_name', 'o.path as org_path', 'm.kind', 'm.title', 'm.held_at', 'm.ended_at',
  'm.place', 'm.host', 'm.recorder', 'm.observers', 'm.topics', 'm.minutes', 'm.resolutions', 'm.status',
  'm.locked_at', 'm.template_code', 'm.created_at',
] as const;

/** SQL of meetings and their attendance. Every read filters on the subtree; RLS filters again. */
export function createMeetingsRepo(db: Kysely<DB>) {
  const kindLabel = sql<string | null>`(SELECT k.label FROM meeting_kinds k WHERE k.code = m.kind)`.as('kind_label');
  const amendmentCount = sql<string>`(SELECT count(*) FROM meeting_amendments x WHERE x.meeting_id = m.id)`.as('amendment_count');
  function filtered(f: MeetingFilter) {
    let qb = db.selectFrom('meetings as m').innerJoin('orgs as o', 'o.id', 'm.org_id').where((eb) => pathUnder(eb.ref('o.path'), f.orgPath));
    if (f.kind) qb = qb.where('m.kind', '=', f.kind);
    if (f.from) qb = qb.where('m.held_at', '>=', f.from);
    if (f.to) qb = qb.where('m.held_at', '<', f.to);
    return qb;
  }

  return {
    /** One page, newest first. */
    list(f: MeetingFilter, limit: number, offset: number) {
      return filtered(f).select([...meetingColumns, kindLabel, amendmentCount])
        .orderBy('m.held_at', 'desc').orderBy('m.id', 'desc').limit(limit).offset(offset).execute();
    },

    async count(f: MeetingFilter): Promise<number> {
      const r = await filtered(f).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    findInScope(id: string, scope: readonly string[]) {
      return db.selectFrom('meetings as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select([...meetingColumns, kindLabel, amendmentCount])
        .where('m.id', '=', id).where((eb) => pathInScope(eb.ref('o.path'), scope)).executeTakeFirst();
    },

    /** Attendance tallies by mark and member status, for the given meetings. */
    tallies(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('meeting_attendance as a').innerJoin('members as mb', 'mb.id', 'a.member_id')
        .select(['a.meeting_id', 'a.status', 'mb.status as member_status', (eb) => eb.fn.countAll<string>().as('n')])
        .where('a.meeting_id', 'in', ids).groupBy(['a.meeting_id', 'a.status', 'mb.status']).execute();
    },

    attendance(meetingId: string) {
      return db.selectFrom('meeting_attendance as a').innerJoin('members as mb', 'mb.id', 'a.member_id')
        .innerJoin('orgs as o', 'o.id', 'mb.org_id')
        .select(['a.member_id', 'a.status', 'a.reason', 'mb.name', 'mb.status as member_status', 'o.name as org_name'])
        .where('a.meeting_id', '=', meetingId).orderBy('o.path').orderBy('mb.name_pinyin').orderBy('mb.id').execute();
    },

    /**
     * Who is expected at a meeting of the org at `orgPath`: its members and those of the orgs
     * below it (a 党小组会 the group's, a 支部党员大会 the branch's including its groups). For a
     * 支部委员会, the committee of the team in office on that day when one is recorded.
     */
    async roster(orgId: string, orgPath: string, kind: string, day: string): Promise<string[]> {
      if (kind === 'branch_committee') {
        const committee = await db.selectFrom('org_team_members as tm').innerJoin('org_teams as t', 't.id', 'tm.team_id')
          .innerJoin('members as mb', 'mb.id', 'tm.member_id')
          .select('tm.member_id').distinct()
          .where('t.org_id', '=', orgId).where('t.term_start', '<=', day).where('t.term_end', '>=', day)
          .where('tm.member_id', 'is not', null).execute();
        if (committee.length > 0) return committee.map((r) => r.member_id!);
      }
      const rows = await db.selectFrom('members as mb').innerJoin('orgs as o', 'o.id', 'mb.org_id')
        .select('mb.id').where((eb) => pathUnder(eb.ref('o.path'), orgPath)).orderBy('mb.id').execute();
      return rows.map((r) => r.id);
    },

    /** Names of roster members, in tree then pinyin order. */
    rosterMembers(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('members as mb').innerJoin('orgs as o', 'o.id', 'mb.org_id')
        .select(['mb.id', 'mb.name', 'mb.status', 'o.name as org_name'])
        .where('mb.id', 'in', ids).orderBy('o.path').orderBy('mb.name_pinyin').orderBy('mb.id').execute();
    },

    async insert(row: Insertable<DB['meetings']>): Promise<string> {
      return (await db.insertInto('meetings').values(row).returning('id').executeTakeFirstOrThrow()).id;
    },

    async update(id: string, row: Updateable<DB['meetings']>): Promise<void> {
      await db.updateTable('meetings').set(row).where('id', '=', id).execute();
    },

    async remove(id: string): Promise<void> {
      await db.deleteFrom('meetings').where('id', '=', id).execute();
    },

    async insertAttendance(rows: Insertable<DB['meeting_attendance']>[]): Promise<void> {
      // Chunked so a large 党员大会 stays under the bind-parameter limit.
      for (let i = 0; i < rows.length; i += 1000) await db.insertInto('meeting_attendance').values(rows.slice(i, i + 1000)).execute();
    },

    async setAttendance(meetingId: string, memberId: string, status: 'present' | 'absent' | 'leave', reason: string | null): Promise<void> {
      await db.updateTable('meeting_attendance').set({ status, reason })
        .where('meeting_id', '=', meetingId).where('member_id', '=', memberId).execute();
    },
  };
}

export type MeetingsRepo = ReturnType<typeof createMeetingsRepo>;
export type MeetingRow = NonNullable<Awaited<ReturnType<MeetingsRepo['findInScope']>>>;
