import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { CommitmentAnswerRequest, CommitmentFeedback, CommitmentFeedbackListQuery, CommitmentFeedbackListResponse } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { createCommitmentsRepo } from './commitments.repo.ts';
import { toFeedback } from './commitments-view.ts';
import { auditCommitment, MANAGE } from './commitments.service.ts';

/**
 * 群众评价: the branch reads residents' feedback on its commitments, answers it (shown publicly
 * under the feedback) and hides abusive content. Managers of the commitment's branch only.
 * @example await feedback.answer(actor, feedbackId, { answer: '感谢监督，已于本周落实' });
 */
export function createCommitmentFeedbackService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  const inScope = async (trx: Kysely<DB>, id: string, scope: string[]) => {
    const f = await createCommitmentsRepo(trx).feedbackInScope(id, scope);
    if (!f) throw new AppError('NOT_FOUND', { details: { entity: 'commitment_feedback', id } });
    return f;
  };
  const one = async (trx: Kysely<DB>, id: string) =>
    toFeedback(await trx.selectFrom('commitment_feedback').select(['id', 'commitment_id', 'nickname', 'content', 'created_at', 'answer', 'answered_at', 'hidden']).where('id', '=', id).executeTakeFirstOrThrow());

  return {
    async list(actor: Actor, q: CommitmentFeedbackListQuery): Promise<CommitmentFeedbackListResponse> {
      const scope = scopeFor(actor, MANAGE);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createCommitmentsRepo(trx);
        const org = await repo.orgInScope(q.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: q.orgId } });
        const list = repo.feedbackUnder(org.path, q.filter, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const [rows, total] = await Promise.all([list.rows(), list.count()]);
        return { items: rows.map((r) => ({ ...toFeedback(r), commitmentContent: r.commitment_content, name: r.name, orgName: r.org_name })), total };
      });
    },

    async answer(actor: Actor, id: string, body: CommitmentAnswerRequest): Promise<CommitmentFeedback> {
      const scope = scopeFor(actor, MANAGE);
      return withScope(deps.db, scope, async (trx) => {
        const f = await inScope(trx, id, scope);
        await trx.updateTable('commitment_feedback').set({ answer: body.answer, answered_by: actor.userId, answered_at: clock() }).where('id', '=', id).execute();
        await auditCommitment(trx, actor, { action: 'commitment.feedback.answer', entityType: 'commitment_feedback', entityId: id, orgId: f.org_id, before: { answer: f.answer }, after: { answer: body.answer } });
        return one(trx, id);
      });
    },

    async hide(actor: Actor, id: string, hidden: boolean): Promise<CommitmentFeedback> {
      const scope = scopeFor(actor, MANAGE);
      return withScope(deps.db, scope, async (trx) => {
        const f = await inScope(trx, id, scope);
        await trx.updateTable('commitment_feedback').set({ hidden, hidden_by: hidden ? actor.userId : null, hidden_at: hidden ? clock() : null }).where('id', '=', id).execute();
        await auditCommitment(trx, actor, { action: hidden ? 'commitment.feedback.hide' : 'commitment.feedback.show', entityType: 'commitment_feedback', entityId: id, orgId: f.org_id, before: { hidden: f.hidden }, after: { hidden } });
        return one(trx, id);
      });
    },
  };
}
