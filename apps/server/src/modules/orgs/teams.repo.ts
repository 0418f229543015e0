import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { pathInScope, pathUnder } from './orgs.repo.ts';

export interface TeamSeat { memberId: string | null; name: string; post: string; note: string | null }

/** SQL of leadership teams 领导班子 and their seats. Run inside withScope(). */
export function createTeamsRepo(db: Kysely<DB>) {
  return {
    listForOrg(orgId: string) {
      return db.selectFrom('org_teams').selectAll().where('org_id', '=', orgId)
        .orderBy('term_end', 'desc').orderBy('id', 'desc').execute();
    },

    find(orgId: string, teamId: string) {
      return db.selectFrom('org_teams').selectAll().where('org_id', '=', orgId).where('id', '=', teamId).executeTakeFirst();
    },

    seats(teamIds: readonly string[]) {
      if (teamIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('org_team_members').selectAll().where('team_id', 'in', [...teamIds])
        .orderBy('team_id').orderBy('sort_order').orderBy('id').execute();
    },

    insert(row: { org_id: string; session_no: number | null; term_start: string; term_end: string; note: string | null }) {
      return db.insertInto('org_teams').values(row).returningAll().executeTakeFirstOrThrow();
    },

    update(teamId: string, set: { session_no?: number | null; term_start?: string; term_end?: string; note?: string | null }) {
      return db.updateTable('org_teams').set({ ...set, updated_at: sql`now()` }).where('id', '=', teamId).returningAll().executeTakeFirstOrThrow();
    },

    async remove(teamId: string): Promise<void> {
      await db.deleteFrom('org_teams').where('id', '=', teamId).execute();
    },

    /** Replaces the seats of a team, keeping the given order. */
    async replaceSeats(teamId: string, seats: readonly TeamSeat[]): Promise<void> {
      await db.deleteFrom('org_team_members').where('team_id', '=', teamId).execute();
      if (seats.length === 0) return;
      await db.insertInto('org_team_members').values(seats.map((s, i) => ({
        team_id: teamId, member_id: s.memberId, name: s.name, post: s.post, note: s.note, sort_order: i,
      }))).execute();
    },

    /** Members among `ids` who belong to the organization at `path` or below it. */
    membersUnder(path: string, ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select(['m.id', 'm.name'])
        .where('m.id', 'in', [...ids]).where((eb) => pathUnder(eb.ref('o.path'), path)).execute();
    },

    /** End of the latest term of an organization's teams, or null. */
    async latestTermEnd(orgId: string): Promise<string | null> {
      const r = await db.selectFrom('org_teams').select((eb) => eb.fn.max('term_end').as('end')).where('org_id', '=', orgId).executeTakeFirst();
      return r?.end ?? null;
    },

    /**
     * The latest team of every active organization in the scope roots whose term ends on or
     * before `until` (already ended included), soonest first. Older teams of an organization
     * that has since re-elected are not listed: DISTINCT ON keeps only the latest per org.
     */
    expiring(roots: readonly string[], until: string, offset: number, limit: number) {
      return latestTeams(db, roots).where('lt.term_end', '<=', until)
        .orderBy('lt.term_end').orderBy('lt.id').offset(offset).limit(limit).selectAll().execute();
    },

    async countExpiring(roots: readonly string[], until: string): Promise<number> {
      const r = await latestTeams(db, roots).where('lt.term_end', '<=', until)
        .select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

function latestTeams(db: Kysely<DB>, roots: readonly string[]) {
  const latest = db.selectFrom('org_teams as t').innerJoin('orgs as o', 'o.id', 't.org_id')
    .distinctOn('t.org_id')
    .select(['t.id', 't.org_id', 't.session_no', 't.term_start', 't.term_end', 'o.name as org_name', 'o.type as org_type'])
    .where((eb) => pathInScope(eb.ref('o.path'), roots))
    .where('o.status', '=', 'active')
    .orderBy('t.org_id').orderBy('t.term_end', 'desc').orderBy('t.id', 'desc');
  return db.selectFrom(latest.as('lt'));
}

export type TeamsRepo = ReturnType<typeof createTeamsRepo>;
