import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  TEAM_EXPIRY_NOTICE_DAYS, type CreateTeamRequest, type ExpiringTeamsResponse, type OrgPageQuery, type OrgType,
  type Team, type TeamListResponse, type TeamMemberInput, type TeamPost, type UpdateTeamRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createOrgsRepo } from './orgs.repo.ts';
import { createTeamsRepo, type TeamSeat, type TeamsRepo } from './teams.repo.ts';
import { chinaToday, daysBetween } from './size-rules.ts';

export interface TeamsDeps {
  db: Kysely<DB>;
  clock?: Clock;
}

type TeamRow = NonNullable<Awaited<ReturnType<TeamsRepo['find']>>>;

async function loadTeams(repo: TeamsRepo, rows: TeamRow[]): Promise<Team[]> {
  const seats = await repo.seats(rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id, orgId: r.org_id, sessionNo: r.session_no, termStart: r.term_start, termEnd: r.term_end, note: r.note,
    members: seats.filter((s) => s.team_id === r.id).map((s) => ({ id: s.id, memberId: s.member_id, name: s.name, post: s.post as TeamPost, note: s.note })),
  }));
}

/**
 * Seats from the request: a linked member must belong to the organization's subtree (the
 * name is copied from the record); an outsider needs a name. One 书记 per team.
 */
async function resolveSeats(repo: TeamsRepo, orgPath: string, input: readonly TeamMemberInput[]): Promise<TeamSeat[]> {
  if (input.filter((m) => m.post === 'secretary').length > 1) throw new AppError('TEAM_DUPLICATE_SECRETARY', { details: { field: 'members' } });
  const ids = [...new Set(input.flatMap((m) => (m.memberId ? [m.memberId] : [])))];
  const found = new Map((await repo.membersUnder(orgPath, ids)).map((m) => [m.id, m.name]));
  return input.map((m, i) => {
    if (m.memberId) {
      const name = found.get(m.memberId);
      if (!name) throw new AppError('TEAM_MEMBER_NOT_IN_ORG', { details: { field: `members.${i}.memberId` } });
      return { memberId: m.memberId, name, post: m.post, note: m.note ?? null };
    }
    if (!m.name) throw new AppError('TEAM_MEMBER_NAME_REQUIRED', { details: { field: `members.${i}.name` } });
    return { memberId: null, name: m.name, post: m.post, note: m.note ?? null };
  });
}

/**
 * Leadership teams 领导班子 of an organization (term, seats) and the 换届提醒 list. Reads need
 * orgs:read on the organization, writes orgs:write; each write is audited in its transaction.
 * @example await teams.create(actor, branchId, { termStart: '2024-01-10', termEnd: '2029-01-09', members: [{ memberId, post: 'secretary' }] });
 */
export function createTeamsService(deps: TeamsDeps) {
  const clock = deps.clock ?? systemClock;

  async function orgIn(trx: Kysely<DB>, scope: string[], id: string) {
    const org = await createOrgsRepo(trx).findInScope(id, scope);
    if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id } });
    return org;
  }

  async function teamIn(trx: Kysely<DB>, orgId: string, teamId: string) {
    const team = await createTeamsRepo(trx).find(orgId, teamId);
    if (!team) throw new AppError('NOT_FOUND', { details: { entity: 'team', id: teamId } });
    return team;
  }

  const audit = (trx: Kysely<DB>, actor: Actor, action: string, orgId: string, teamId: string, before: unknown, after: unknown) =>
    appendAudit(trx, { actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action, entityType: 'org_team', entityId: teamId, orgId, before, after });

  return {
    async list(actor: Actor, orgId: string): Promise<TeamListResponse> {
      const scope = scopeFor(actor, 'orgs:read');
      return withScope(deps.db, scope, async (trx) => {
        await orgIn(trx, scope, orgId);
        const repo = createTeamsRepo(trx);
        return { items: await loadTeams(repo, await repo.listForOrg(orgId)) };
      });
    },

    /** One team with its seats (the members of the team). */
    async get(actor: Actor, orgId: string, teamId: string): Promise<Team> {
      const scope = scopeFor(actor, 'orgs:read');
      return withScope(deps.db, scope, async (trx) => {
        await orgIn(trx, scope, orgId);
        const [team] = await loadTeams(createTeamsRepo(trx), [await teamIn(trx, orgId, teamId)]);
        return team!;
      });
    },

    async create(actor: Actor, orgId: string, req: CreateTeamRequest): Promise<Team> {
      const scope = scopeFor(actor, 'orgs:write');
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgIn(trx, scope, orgId);
        if (org.status !== 'active') throw new AppError('ORG_NOT_ACTIVE');
        if (req.termEnd <= req.termStart) throw new AppError('TEAM_TERM_INVALID', { details: { field: 'termEnd' } });
        const repo = createTeamsRepo(trx);
        const seats = await resolveSeats(repo, org.path, req.members ?? []);
        const row = await repo.insert({ org_id: orgId, session_no: req.sessionNo ?? null, term_start: req.termStart, term_end: req.termEnd, note: req.note ?? null });
        await repo.replaceSeats(row.id, seats);
        const [team] = await loadTeams(repo, [row]);
        await audit(trx, actor, 'org_team.create', orgId, row.id, null, team);
        return team!;
      });
    },

    async update(actor: Actor, orgId: string, teamId: string, req: UpdateTeamRequest): Promise<Team> {
      const scope = scopeFor(actor, 'orgs:write');
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgIn(trx, scope, orgId);
        const repo = createTeamsRepo(trx);
        const current = await teamIn(trx, orgId, teamId);
        const [before] = await loadTeams(repo, [current]);
        const start = req.termStart ?? current.term_start;
        const end = req.termEnd ?? current.term_end;
        if (end <= start) throw new AppError('TEAM_TERM_INVALID', { details: { field: 'termEnd' } });
        const seats = req.members ? await resolveSeats(repo, org.path, req.members) : null;
        const row = await repo.update(teamId, {
          term_start: start, term_end: end,
          ...(req.sessionNo !== undefined ? { session_no: req.sessionNo } : {}),
          ...(req.note !== undefined ? { note: req.note } : {}),
        });
        if (seats) await repo.replaceSeats(teamId, seats);
        const [after] = await loadTeams(repo, [row]);
        await audit(trx, actor, 'org_team.update', orgId, teamId, before, after);
        return after!;
      });
    },

    async remove(actor: Actor, orgId: string, teamId: string): Promise<{ id: string }> {
      const scope = scopeFor(actor, 'orgs:write');
      return withScope(deps.db, scope, async (trx) => {
        await orgIn(trx, scope, orgId);
        const repo = createTeamsRepo(trx);
        const [before] = await loadTeams(repo, [await teamIn(trx, orgId, teamId)]);
        await repo.remove(teamId);
        await audit(trx, actor, 'org_team.delete', orgId, teamId, before, null);
        return { id: teamId };
      });
    },

    /**
     * 换届提醒: the latest team of each organization in the caller's scope (or under `orgId`)
     * whose term ends within TEAM_EXPIRY_NOTICE_DAYS days or has ended, soonest first.
     */
    async expiring(actor: Actor, q: OrgPageQuery & { orgId?: string }): Promise<ExpiringTeamsResponse> {
      const scope = scopeFor(actor, 'orgs:read');
      return withScope(deps.db, scope, async (trx) => {
        const roots = q.orgId ? [(await orgIn(trx, scope, q.orgId)).path] : scope;
        const today = chinaToday(clock());
        const until = new Date(Date.parse(`${today}T00:00:00Z`) + TEAM_EXPIRY_NOTICE_DAYS * 86_400_000).toISOString().slice(0, 10);
        const repo = createTeamsRepo(trx);
        const [rows, total] = await Promise.all([
          repo.expiring(roots, until, (q.page - 1) * q.pageSize, q.pageSize), repo.countExpiring(roots, until),
        ]);
        return {
          total,
          items: rows.map((r) => {
            const daysLeft = daysBetween(today, r.term_end);
            return {
              teamId: r.id, orgId: r.org_id, orgName: r.org_name, orgType: r.org_type as OrgType, sessionNo: r.session_no,
              termStart: r.term_start, termEnd: r.term_end, daysLeft, expired: daysLeft < 0,
            };
          }),
        };
      });
    },
  };
}

export type TeamsService = ReturnType<typeof createTeamsService>;
