import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import type { OrgHistoryAction } from '@dangjian/contracts';
import type { Actor } from '../../lib/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';

export interface OrgChange {
  orgId: string;
  action: OrgHistoryAction;
  reason: string | null;
  before: unknown;
  after: unknown;
}

/**
 * Records one change of an organization twice, in the caller's transaction: in org_history
 * (the readable who/when/why shown on the org page) and in the hash-chained audit log (the
 * tamper-evident record). Both commit or neither does.
 * @example await recordOrgChange(trx, actor, { orgId, action: 'rename', reason: '村改社区', before: { name: a }, after: { name: b } });
 */
export async function recordOrgChange(trx: Kysely<DB>, actor: Actor, c: OrgChange): Promise<void> {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  await trx.insertInto('org_history').values({
    org_id: c.orgId, actor_user_id: actor.userId, actor_name: actor.displayName.slice(0, 50),
    action: c.action, reason: c.reason, before: json(c.before), after: json(c.after),
  }).execute();
  await appendAudit(trx, {
    actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: `org.${c.action}`,
    entityType: 'org', entityId: c.orgId, orgId: c.orgId,
    before: c.before, after: c.reason ? { ...(c.after as object), reason: c.reason } : c.after,
  });
}
