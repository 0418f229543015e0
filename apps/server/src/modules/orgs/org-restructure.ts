import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { ORG_PARENT_RULES, type DissolveOrgResponse, type MergeOrgResponse, type OrgType } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { createOrgsRepo } from './orgs.repo.ts';
import { createOrgAdminRepo } from './org-admin.repo.ts';
import { recordOrgChange } from './org-history.ts';
import { presentOrg } from './org-presenter.ts';

type ScopedOrg = NonNullable<Awaited<ReturnType<ReturnType<typeof createOrgsRepo>['findInScope']>>>;

/** What the restructuring commands need from the service (the scope-checked loader). */
export interface Restructure {
  activeInScope(trx: Kysely<DB>, scope: string[], id: string, field?: string): Promise<ScopedOrg>;
}

/** Source and target of a merge or member transfer: both active, in scope, target outside the source. */
async function sourceAndTarget(trx: Kysely<DB>, r: Restructure, actor: Actor, id: string, targetId: string, field: string) {
  const scope = scopeFor(actor, 'orgs:write');
  await createOrgAdminRepo(trx).lock([id, targetId], 'update');
  const source = await r.activeInScope(trx, scope, id);
  // Merging or dissolving the root of one's own scope is the higher committee's decision.
  if (scope.includes(source.path)) throw new AppError('ORG_ROOT_LOCKED');
  const target = await r.activeInScope(trx, scope, targetId, field);
  if (isUnder(target.path, source.path)) throw new AppError('ORG_MERGE_INTO_SELF', { details: { field } });
  return { source, target };
}

/**
 * Merges organization `id` into `intoId` (one transaction, inside the caller's scope): its
 * sub-organizations move under the target with their subtrees, its members and role grants
 * follow, and the source stays as a row marked 'merged' with a pointer to the target, so its
 * history and old records keep their owner. Recorded on both organizations.
 * @example await withScope(db, scope, (trx) => mergeOrg(trx, restructure, actor, '41', '40', '两村合并'));
 */
export async function mergeOrg(trx: Kysely<DB>, r: Restructure, actor: Actor, id: string, intoId: string, reason: string): Promise<MergeOrgResponse> {
  const { source, target } = await sourceAndTarget(trx, r, actor, id, intoId, 'intoId');
  const repo = createOrgAdminRepo(trx);
  const orgsRepo = createOrgsRepo(trx);
  const children = await repo.children(source.id);
  const misfit = children.find((c) => c.status === 'active' && !ORG_PARENT_RULES[c.type as OrgType].includes(target.type as OrgType));
  if (misfit) {
    throw new AppError('ORG_PARENT_TYPE_INVALID', { details: { field: 'intoId', childId: misfit.id, childType: misfit.type, parentType: target.type } });
  }
  const sourceBefore = presentOrg((await repo.findRecord(source.id))!);
  const targetBefore = presentOrg((await repo.findRecord(target.id))!);
  for (const c of children) await orgsRepo.moveSubtree(c.id, c.path, target.id, target.path);
  const movedMembers = await repo.moveMembers(source.id, target.id, { actorUserId: actor.userId, actorName: actor.username, reason });
  const movedRecords = await repo.moveRecords(source.id, target.id);
  const movedRoles = await repo.moveRoleGrants(source.id, target.id);
  const sourceAfter = presentOrg(await repo.updateOrg(source.id, { status: 'merged', merged_into_id: target.id, ended_at: new Date() }));
  const counts = { movedMembers, movedChildren: children.length, movedRoles };
  const recordCounts = { movedGrids: movedRecords.grids, movedSites: movedRecords.sites };
  await recordOrgChange(trx, actor, {
    orgId: source.id, action: 'merge', reason, before: sourceBefore,
    after: { ...sourceAfter, mergedInto: { id: target.id, name: target.name }, ...counts, ...recordCounts },
  });
  await recordOrgChange(trx, actor, {
    orgId: target.id, action: 'merge_in', reason, before: targetBefore,
    after: { ...targetBefore, mergedFrom: { id: source.id, name: source.name }, ...counts },
  });
  return { source: sourceAfter, target: presentOrg((await repo.findRecord(target.id))!), ...counts };
}

/**
 * Dissolves (撤销) an organization: refused while it has active sub-organizations, and while it
 * has members unless `transferMembersTo` names where they go. The row stays, marked 'dissolved'.
 * @example await withScope(db, scope, (trx) => dissolveOrg(trx, restructure, actor, '41', '项目结束', '40'));
 */
export async function dissolveOrg(
  trx: Kysely<DB>, r: Restructure, actor: Actor, id: string, reason: string, transferMembersTo?: string,
): Promise<DissolveOrgResponse> {
  const scope = scopeFor(actor, 'orgs:write');
  const repo = createOrgAdminRepo(trx);
  let org: ScopedOrg;
  let target: ScopedOrg | null = null;
  if (transferMembersTo) {
    const st = await sourceAndTarget(trx, r, actor, id, transferMembersTo, 'transferMembersTo');
    org = st.source;
    target = st.target;
  } else {
    await repo.lock([id], 'update');
    org = await r.activeInScope(trx, scope, id);
    if (scope.includes(org.path)) throw new AppError('ORG_ROOT_LOCKED');
  }
  const activeChildren = (await repo.children(org.id)).filter((c) => c.status === 'active');
  if (activeChildren.length > 0) throw new AppError('ORG_HAS_CHILDREN', { details: { childCount: activeChildren.length } });
  const memberCount = await repo.countDirectMembers(org.id);
  if (memberCount > 0 && !target) throw new AppError('ORG_NOT_EMPTY', { details: { field: 'transferMembersTo', memberCount } });
  const before = presentOrg((await repo.findRecord(org.id))!);
  const movedMembers = target ? await repo.moveMembers(org.id, target.id, { actorUserId: actor.userId, actorName: actor.username, reason }) : 0;
  const after = presentOrg(await repo.updateOrg(org.id, { status: 'dissolved', ended_at: new Date() }));
  await recordOrgChange(trx, actor, {
    orgId: org.id, action: 'dissolve', reason, before,
    after: { ...after, movedMembers, ...(target ? { membersTo: { id: target.id, name: target.name } } : {}) },
  });
  if (target && movedMembers > 0) {
    await recordOrgChange(trx, actor, {
      orgId: target.id, action: 'receive_members', reason, before: null,
      after: { from: { id: org.id, name: org.name }, movedMembers },
    });
  }
  return { org: after, movedMembers };
}
