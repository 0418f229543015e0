import { withScope } from '@dangjian/db';
import type { MeetingAmendmentRequest, MeetingDetail } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock } from '../../lib/clock.ts';
import { audit } from '../grids/grid-support.ts';
import { createMeetingExtrasRepo } from './meeting-extras.repo.ts';
import { isLocked } from './meeting-rules.ts';
import { MEETINGS_PERM, applyChanges, canAmend, meetingInScope } from './meeting-support.ts';
import { createMeetingsService, type MeetingsDeps } from './meetings.service.ts';

/**
 * Corrections of a locked record (更正). Only the secretary above (a 书记 or org-department
 * admin whose role covers the parent of the meeting's org) may make one, with a reason; the
 * change is applied and kept as an amendment row with before/after, so a past meeting cannot
 * be quietly rewritten by the branch that held it.
 * @example await amendments.amend(townSecretary, meetingId, { changes: { place: '村委会议室' }, reason: '记录笔误' });
 */
export function createMeetingAmendService(deps: MeetingsDeps) {
  const clock = deps.clock ?? systemClock;
  const meetings = createMeetingsService(deps);
  return {
    async amend(actor: Actor, id: string, b: MeetingAmendmentRequest): Promise<MeetingDetail> {
      const scope = scopeFor(actor, MEETINGS_PERM);
      await withScope(deps.db, scope, async (trx) => {
        const m = await meetingInScope(trx, id, scope);
        if (!canAmend(actor, m.org_path)) throw new AppError('MEETING_AMEND_FORBIDDEN', { details: { id } });
        const now = clock();
        if (!isLocked(m.locked_at, now)) throw new AppError('MEETING_NOT_LOCKED', { details: { id } });
        const changes = await applyChanges(trx, m, b.changes, now);
        if (Object.keys(changes).length === 0) throw new AppError('VALIDATION_FAILED', { details: { field: 'changes', reason: '没有实际变化' } });
        const amendmentId = await createMeetingExtrasRepo(trx).insertAmendment({
          meeting_id: id, changes: JSON.stringify(changes), reason: b.reason, actor_user_id: actor.userId, actor_name: actor.displayName, at: now,
        });
        await audit(trx, actor, {
          action: 'meeting.amend', entityType: 'meeting', entityId: id, orgId: m.org_id,
          before: Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.before])),
          after: { ...Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.after])), amendmentId, reason: b.reason },
        });
      });
      return meetings.get(actor, id);
    },
  };
}
