import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { SelectionCreateRequest, SelectionNominateRequest, SelectionResults, SelectionRound } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { createLessonsRepo } from './lessons.repo.ts';
import { audit, isUniqueViolation, managedOrg, reaches, STUDY_MANAGE, STUDY_READ } from './study-support.ts';

type RoundRow = NonNullable<Awaited<ReturnType<ReturnType<typeof createLessonsRepo>['findRound']>>>;

const toRound = (r: RoundRow, actor: Actor): SelectionRound => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, kind: r.kind as SelectionRound['kind'], title: r.title,
  committee: r.committee.map(String), isCommittee: r.committee.map(String).includes(actor.userId), closed: r.closed,
});

/**
 * 示范党课 / 党课名师 selection (C3): a round for a subtree, nominees, a committee whose members
 * score each nominee 0–100 once (a unique constraint holds it), ranked by the average score.
 * @example await selections.score(judge, roundId, itemId, 92);
 */
export function createSelectionsService(deps: { db: Kysely<DB> }) {
  async function roundInReach(trx: Kysely<DB>, id: string, scope: readonly string[]): Promise<RoundRow> {
    const r = await createLessonsRepo(trx).findRound(id);
    if (!r?.org_path || !reaches(r.org_path, scope)) throw new AppError('NOT_FOUND', { details: { entity: 'selection', id } });
    return r;
  }
  /** Readers: the committee, and whoever manages the round's organization. */
  const readScope = (actor: Actor) => [...new Set([...scopeFor(actor, STUDY_READ), ...scopeFor(actor, STUDY_MANAGE)])];

  return {
    async create(actor: Actor, body: SelectionCreateRequest): Promise<SelectionRound> {
      const committee = [...new Set(body.committee)];
      const known = await deps.db.selectFrom('users').select('id').where('id', 'in', committee).execute();
      if (known.length !== committee.length) throw new AppError('VALIDATION_FAILED', { details: { field: 'committee' } });
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const org = await managedOrg(trx, actor, body.orgId);
        const repo = createLessonsRepo(trx);
        const row = { org_id: org.id, kind: body.kind, title: body.title, committee };
        const id = await repo.insertRound(row);
        await audit(trx, actor, { action: 'selection.create', entityType: 'study_selection', entityId: id, orgId: org.id, after: row });
        return toRound((await repo.findRound(id))!, actor);
      });
    },

    async list(actor: Actor): Promise<{ items: SelectionRound[] }> {
      const scope = readScope(actor);
      return withScope(deps.db, scope, async (trx) => {
        const rows = await createLessonsRepo(trx).listRounds();
        const manage = scopeFor(actor, STUDY_MANAGE);
        return { items: rows.filter((r) => r.org_path && (manage.some((m) => isUnder(r.org_path, m)) || r.committee.map(String).includes(actor.userId)) && reaches(r.org_path, scope)).map((r) => toRound(r, actor)) };
      });
    },

    async nominate(actor: Actor, roundId: string, body: SelectionNominateRequest) {
      return withScope(deps.db, scopeFor(actor, STUDY_MANAGE), async (trx) => {
        const round = await roundInReach(trx, roundId, scopeFor(actor, STUDY_MANAGE));
        await managedOrg(trx, actor, round.org_id);
        if (round.closed) throw new AppError('STUDY_ROUND_CLOSED');
        const repo = createLessonsRepo(trx);
        if (body.lessonId && !(await repo.lessonInSubtree(body.lessonId, round.org_path))) throw new AppError('NOT_FOUND', { details: { field: 'lessonId' } });
        const row = { round_id: roundId, org_id: round.org_id, lesson_id: body.lessonId ?? null, nominee: body.nominee, note: body.note || null };
        const id = await repo.insertItem(row);
        await audit(trx, actor, { action: 'selection.nominate', entityType: 'study_selection_item', entityId: id, orgId: round.org_id, after: row });
        return { id, ok: true as const };
      });
    },

    /** One committee member scores one nominee once. */
    async score(actor: Actor, roundId: string, itemId: string, score: number) {
      const scope = readScope(actor);
      return withScope(deps.db, scope, async (trx) => {
        const round = await roundInReach(trx, roundId, scope);
        if (!round.committee.map(String).includes(actor.userId)) throw new AppError('STUDY_NOT_COMMITTEE');
        if (round.closed) throw new AppError('STUDY_ROUND_CLOSED');
        const repo = createLessonsRepo(trx);
        if (!(await repo.findItem(roundId, itemId))) throw new AppError('NOT_FOUND', { details: { entity: 'selection_item', id: itemId } });
        const row = { item_id: itemId, org_id: round.org_id, user_id: actor.userId, score };
        const id = await repo.insertScore(row).catch((e: unknown) => {
          throw isUniqueViolation(e) ? new AppError('STUDY_ALREADY_SCORED') : e;
        });
        await audit(trx, actor, { action: 'selection.score', entityType: 'study_selection_item', entityId: itemId, orgId: round.org_id, before: null, after: row });
        return { id, ok: true as const };
      });
    },

    /** Nominees ranked by average score (ties share a rank); unscored ones last. */
    async results(actor: Actor, roundId: string): Promise<SelectionResults> {
      const scope = readScope(actor);
      return withScope(deps.db, scope, async (trx) => {
        const round = await roundInReach(trx, roundId, scope);
        const manages = scopeFor(actor, STUDY_MANAGE).some((m) => isUnder(round.org_path, m));
        if (!manages && !round.committee.map(String).includes(actor.userId)) throw new AppError('FORBIDDEN');
        const rows = await createLessonsRepo(trx).itemsWithScores(roundId, actor.userId);
        const items = rows.map((r) => ({
          id: r.id, nominee: r.nominee, lessonId: r.lesson_id, note: r.note, scoreCount: Number(r.n),
          average: r.avg === null ? null : Math.round(Number(r.avg) * 100) / 100, rank: null as number | null,
          myScore: r.mine === null ? null : Number(r.mine),
        })).sort((a, b) => (b.average ?? -1) - (a.average ?? -1));
        items.forEach((it, i) => {
          if (it.average === null) return;
          const prev = items[i - 1];
          it.rank = prev && prev.average === it.average ? prev.rank : i + 1;
        });
        return { round: toRound(round, actor), items };
      });
    },
  };
}
