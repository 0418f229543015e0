import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { VoteResults, VoteRound } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { createMicroRepo } from './micro.repo.ts';
import { audit, isUniqueViolation, managedOrg, participantOf, reaches, STUDY_MANAGE, STUDY_READ } from './study-support.ts';

type RoundRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createMicroRepo>['findRound']>>>;

/**
 * Vote rounds on approved micro-lessons (C3): one vote per member per round, held by the
 * unique constraint study_votes_one_per_round, so two clicks racing still count once.
 * @example await votes.vote(member, roundId, microLessonId);
 */
export function createVotesService(deps: { db: Kysely<DB> }) {
  const toRound = (r: RoundRow, actor: Actor, myVote: string | null): VoteRound => ({
    id: r.id, orgId: r.org_id, orgName: r.org_name, title: r.title, closed: r.closed, myVote,
    manageable: scopeFor(actor, STUDY_MANAGE).some((m) => isUnder(r.org_path, m)),
  });
  async function roundInReach(trx: Kysely<DB>, id: string, scope: readonly string[]) {
    const r = await createMicroRepo(trx).findRound(id);
    if (!r?.org_path || !reaches(r.org_path, scope)) throw new AppError('NOT_FOUND', { details: { entity: 'vote_round', id } });
    return r;
  }

  return {
    async create(actor: Actor, orgId: string, title: string): Promise<VoteRound> {
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const org = await managedOrg(trx, actor, orgId);
        const repo = createMicroRepo(trx);
        const id = await repo.insertRound({ org_id: org.id, title });
        await audit(trx, actor, { action: 'vote_round.create', entityType: 'vote_round', entityId: id, orgId: org.id, after: { orgId: org.id, title } });
        return toRound((await repo.findRound(id))!, actor, null);
      });
    },

    async list(actor: Actor): Promise<{ items: VoteRound[] }> {
      const scope = scopeFor(actor, STUDY_READ);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createMicroRepo(trx);
        const mine = new Map((await repo.myVotes(actor.userId)).map((v) => [v.round_id, v.micro_lesson_id]));
        const rows = (await repo.listRounds()).filter((r) => r.org_path && reaches(r.org_path, scope));
        return { items: rows.map((r) => toRound(r, actor, mine.get(r.id) ?? null)) };
      });
    },

    async vote(actor: Actor, roundId: string, microLessonId: string) {
      const scope = scopeFor(actor, STUDY_READ);
      const who = await participantOf(deps.db, actor);
      return withScope(deps.db, scope, async (trx) => {
        const round = await roundInReach(trx, roundId, scope);
        if (round.closed) throw new AppError('STUDY_ROUND_CLOSED');
        const repo = createMicroRepo(trx);
        const entry = await repo.find(microLessonId);
        if (!entry?.org_path || !isUnder(entry.org_path, round.org_path)) throw new AppError('NOT_FOUND', { details: { entity: 'micro_lesson', id: microLessonId } });
        if (entry.status !== 'approved') throw new AppError('STUDY_NOT_APPROVED');
        const row = { round_id: roundId, micro_lesson_id: microLessonId, org_id: who.orgId, user_id: actor.userId };
        const id = await repo.insertVote(row).catch((e: unknown) => {
          throw isUniqueViolation(e) ? new AppError('STUDY_ALREADY_VOTED') : e;
        });
        await audit(trx, actor, { action: 'vote.cast', entityType: 'vote_round', entityId: roundId, orgId: who.orgId, after: row });
        return { id, ok: true as const };
      });
    },

    async results(actor: Actor, roundId: string): Promise<VoteResults> {
      const scope = scopeFor(actor, STUDY_READ);
      return withScope(deps.db, scope, async (trx) => {
        const round = await roundInReach(trx, roundId, scope);
        const repo = createMicroRepo(trx);
        const mine = (await repo.myVotes(actor.userId)).find((v) => v.round_id === roundId)?.micro_lesson_id ?? null;
        const rows = await repo.tally(roundId, round.org_path);
        const items = rows.map((r) => ({ microLessonId: r.id, title: r.title, submitterName: r.submitter_name, orgName: r.org_name ?? '', votes: Number(r.votes) }));
        return { round: toRound(round, actor, mine), items, totalVotes: items.reduce((s, i) => s + i.votes, 0) };
      });
    },
  };
}
