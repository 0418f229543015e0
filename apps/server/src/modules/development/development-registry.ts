import type { Transaction } from 'kysely';
import type { DB } from '@dangjian/db';
import { AppError } from '../../lib/errors.ts';
import type { Actor } from '../../lib/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createMemberRecordRepo, isDuplicateIdNumber } from '../members/member-record.repo.ts';
import { createMemberHistoryRepo } from '../members/member-history.repo.ts';
import type { DevCaseRow } from './development.repo.ts';
import { lastOf, type StepRecord } from './rules/engine.ts';

/**
 * The registry side of a case, in the step's transaction:
 * - step 17 (上级党委审批) approved → a probationary member, joined_on = the branch meeting (step 15),
 *   since the 预备期 and 党费 run from that date (党章 Art.7);
 * - step 24 (转正审批) approved → a full member, full_on = the end of the 预备期, from which 党龄 counts.
 * Returns the member id when one was created.
 */
export async function onStepRecorded(trx: Transaction<DB>, actor: Actor, c: DevCaseRow, steps: StepRecord[], probationEnd: string | null): Promise<string | null> {
  const step = steps[steps.length - 1]!;
  if (step.decision !== 'pass') return null;
  const members = createMemberRecordRepo(trx);
  const history = createMemberHistoryRepo(trx);
  const audit = (action: string, entityId: string, before: unknown, after: unknown) => appendAudit(trx, {
    actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action, entityType: 'member', entityId, orgId: c.org_id, before, after,
  });
  if (step.stepNo === 17) {
    const joinedOn = lastOf(steps, 15)!.doneOn;
    const full = await trx.selectFrom('dev_cases').select(['name_pinyin', 'name_initials', 'region_id']).where('id', '=', c.id).executeTakeFirstOrThrow();
    let id: string;
    try {
      id = await members.insert({
        org_id: c.org_id, region_id: full.region_id, name: c.name, name_pinyin: full.name_pinyin, name_initials: full.name_initials,
        gender: c.gender, birth_date: c.birth_date, id_number: c.id_number, phone: c.phone, ethnicity: c.ethnicity,
        education: c.education, occupation: c.occupation, status: 'probationary', joined_on: joinedOn, full_on: null,
        categories: [], reporting_org_id: null, posts: [], remarks: `发展档案 ${c.id}`,
      });
    } catch (e) {
      if (isDuplicateIdNumber(e)) throw new AppError('DEV_ALREADY_MEMBER');
      throw e;
    }
    const changes = { status: [null, 'probationary'], joinedOn: [null, joinedOn] } as Record<string, [unknown, unknown]>;
    await history.append({ memberId: id, actorUserId: actor.userId, actorName: actor.displayName, action: 'create', changes, toOrgId: c.org_id, reason: '发展党员：上级党委审批' });
    await audit('member.create', id, null, { orgId: c.org_id, source: 'development', caseId: c.id, status: 'probationary', joinedOn });
    return id;
  }
  if (step.stepNo === 24 && c.member_id && probationEnd) {
    await members.update(c.member_id, { status: 'full', full_on: probationEnd });
    const changes = { status: ['probationary', 'full'], fullOn: [null, probationEnd] } as Record<string, [unknown, unknown]>;
    await history.append({ memberId: c.member_id, actorUserId: actor.userId, actorName: actor.displayName, action: 'update', changes, reason: '预备党员转正' });
    await audit('member.update', c.member_id, { status: 'probationary', fullOn: null }, { status: 'full', fullOn: probationEnd, caseId: c.id });
  }
  return null;
}
