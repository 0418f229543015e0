import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { MemberStatus, OrgDetail, OrgTreeResponse, OrgType } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createOrgsRepo } from './orgs.repo.ts';

export interface OrgsDeps {
  db: Kysely<DB>;
}

/**
 * Reading the organization tree within the caller's scope, and moving a subtree. Each call
 * runs in withScope(), so row-level security applies beneath the explicit scope filter.
 */
export function createOrgsService(deps: OrgsDeps) {
  return {
    async tree(actor: Actor): Promise<OrgTreeResponse> {
      const scope = scopeFor(actor, 'orgs:read');
      const rows = await withScope(deps.db, scope, (trx) => createOrgsRepo(trx).listTree(scope));
      const ids = new Set(rows.map((r) => r.id));
      return {
        roots: rows.filter((r) => !r.parent_id || !ids.has(r.parent_id)).map((r) => r.id),
        nodes: rows.map((r) => ({
          id: r.id, parentId: r.parent_id, name: r.name, type: r.type as OrgType, path: r.path,
          depth: r.depth, childCount: Number(r.child_count ?? 0),
        })),
      };
    },

    async detail(actor: Actor, id: string): Promise<OrgDetail> {
      const scope = scopeFor(actor, 'orgs:read');
      return withScope(deps.db, scope, async (trx) => {
        const repo = createOrgsRepo(trx);
        const org = await repo.findInScope(id, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id } });
        const ancestorIds = org.path.split('.').slice(0, -1);
        const [ancestors, byType, byStatus] = await Promise.all([
          repo.ancestors(ancestorIds),
          repo.countDescendantsByType(org.path),
          repo.countMembersByStatus(org.path),
        ]);
        const subOrgsByType = byType.map((r) => ({ type: r.type as OrgType, count: Number(r.count) }));
        const membersByStatus = byStatus.map((r) => ({ status: r.status as MemberStatus, count: Number(r.count) }));
        return {
          org: {
            id: org.id, parentId: org.parent_id, name: org.name, type: org.type as OrgType, path: org.path,
            depth: org.depth, childCount: Number(org.child_count ?? 0), shortName: org.short_name, code: org.code,
            ancestors: ancestors.map((a) => ({ id: a.id, name: a.name })),
          },
          stats: {
            subOrgsByType,
            subOrgTotal: subOrgsByType.reduce((s, r) => s + r.count, 0),
            membersByStatus,
            memberTotal: membersByStatus.reduce((s, r) => s + r.count, 0),
          },
        };
      });
    },

    /**
     * Moves an organization with its whole subtree under a new parent, in one transaction,
     * audited with the old and new paths. Both ends must lie in the caller's write scope.
     */
    async move(actor: Actor, id: string, newParentId: string, reason: string) {
      const scope = scopeFor(actor, 'orgs:write');
      return withScope(deps.db, scope, async (trx) => {
        const repo = createOrgsRepo(trx);
        const org = await repo.findInScope(id, scope);
        const parent = await repo.findInScope(newParentId, scope);
        if (!org || !parent) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: org ? newParentId : id } });
        if (isUnder(parent.path, org.path)) throw new AppError('ORG_MOVE_INTO_SELF', { details: { field: 'newParentId' } });
        const newPath = `${parent.path}.${org.id}`;
        if (!scope.some((root) => isUnder(newPath, root)) || scope.includes(org.path)) throw new AppError('FORBIDDEN');
        const moved = await repo.moveSubtree(org.id, org.path, parent.id, parent.path);
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'org.move',
          entityType: 'org', entityId: org.id, orgId: org.id,
          before: { parentId: org.parent_id, path: org.path },
          after: { parentId: parent.id, path: newPath, reason, movedCount: moved.length },
        });
        return { id: org.id, path: newPath, movedCount: moved.length };
      });
    },
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
