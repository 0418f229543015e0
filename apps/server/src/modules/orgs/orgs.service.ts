import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import { ORG_TREE_DEFAULT_DEPTH, ORG_TREE_FULL_LIMIT, type BuildingKind, type MemberStatus, type OrgDetail, type OrgStatus, type OrgTreeQuery, type OrgTreeResponse, type OrgType } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { createOrgsRepo } from './orgs.repo.ts';
import { recordOrgChange } from './org-history.ts';
import { createOrgAdminService } from './org-admin.service.ts';
import { createTeamsService } from './teams.service.ts';
import { createTeamsRepo } from './teams.repo.ts';
import { createSizeReportService } from './size-report.service.ts';
import { chinaToday, orgWarnings } from './size-rules.ts';

export interface OrgsDeps {
  db: Kysely<DB>;
  /** Today's date for term and validity warnings; the system clock by default. */
  clock?: Clock;
  /** Largest tree sent whole, and the most nodes of a first view sent level by level (tests lower it). */
  treeFullLimit?: number;
}

/**
 * Reading the organization tree within the caller's scope, and moving a subtree. Each call
 * runs in withScope(), so row-level security applies beneath the explicit scope filter.
 */
export function createOrgsService(deps: OrgsDeps) {
  const clock = deps.clock ?? systemClock;
  return {
    /** Create, update, merge, dissolve, history (org-admin.service.ts). */
    admin: createOrgAdminService(deps),
    /** Leadership teams and 换届提醒 (teams.service.ts). */
    teams: createTeamsService(deps),
    /** 支部规模报表 and its Excel export (size-report.service.ts). */
    sizes: createSizeReportService(deps),

    /**
     * The caller's scope as a flat tree. A scope of up to ORG_TREE_FULL_LIMIT organizations is
     * sent whole; a larger one (a city, a province) is sent as many whole levels as fit in that
     * limit, up to ORG_TREE_DEFAULT_DEPTH below the scope (a province: itself, its cities and
     * counties, 217 nodes, not the 9,809 down to the towns), marked truncated, and the client
     * loads deeper levels with `rootId` + `depth`.
     */
    async tree(actor: Actor, query: OrgTreeQuery = {}): Promise<OrgTreeResponse> {
      const scope = scopeFor(actor, 'orgs:read');
      const { rows, truncated } = await withScope(deps.db, scope, async (trx) => {
        const repo = createOrgsRepo(trx);
        if (query.rootId) {
          const root = await repo.findInScope(query.rootId, scope);
          if (!root) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: query.rootId } });
          const maxDepth = query.depth === undefined ? undefined : root.depth + query.depth;
          return { rows: await repo.listTree(scope, { path: root.path, maxDepth }), truncated: query.depth !== undefined };
        }
        const shallowest = Math.min(...scope.map((p) => p.split('.').length));
        if (query.depth !== undefined) {
          return { rows: await repo.listTree(scope, { maxDepth: shallowest + query.depth }), truncated: true };
        }
        const limit = deps.treeFullLimit ?? ORG_TREE_FULL_LIMIT;
        if ((await repo.countInScope(scope)) <= limit) return { rows: await repo.listTree(scope), truncated: false };
        return { rows: await repo.listTree(scope, { maxDepth: shallowest + ORG_TREE_DEFAULT_DEPTH, budget: limit }), truncated: true };
      });
      const ids = new Set(rows.map((r) => r.id));
      return {
        truncated,
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
        const [ancestors, rollup, termEnd] = await Promise.all([
          repo.ancestors(ancestorIds),
          repo.rollup(org.id),
          createTeamsRepo(trx).latestTermEnd(org.id),
        ]);
        const subOrgsByType = rollup.orgsByType.map((r) => ({ type: r.type as OrgType, count: r.count }));
        const membersByStatus = rollup.membersByStatus.map((r) => ({ status: r.status as MemberStatus, count: r.count }));
        return {
          org: {
            id: org.id, parentId: org.parent_id, name: org.name, type: org.type as OrgType, path: org.path,
            depth: org.depth, childCount: Number(org.child_count ?? 0), shortName: org.short_name, code: org.code,
            ancestors: ancestors.map((a) => ({ id: a.id, name: a.name })),
            sortOrder: org.sort_order, status: org.status as OrgStatus, tempReason: org.temp_reason,
            validUntil: org.valid_until, buildingKind: org.building_kind as BuildingKind | null,
          },
          stats: {
            subOrgsByType,
            subOrgTotal: subOrgsByType.reduce((s, r) => s + r.count, 0),
            membersByStatus,
            memberTotal: membersByStatus.reduce((s, r) => s + r.count, 0),
          },
          warnings: org.status !== 'active' ? [] : orgWarnings({
            type: org.type as OrgType, termEnd, validUntil: org.valid_until, today: chinaToday(clock()),
            full: membersByStatus.find((r) => r.status === 'full')?.count ?? 0,
            probationary: membersByStatus.find((r) => r.status === 'probationary')?.count ?? 0,
          }),
        };
      });
    },

    /**
     * Moves an organization with its whole subtree under a new parent, in one transaction,
     * recorded (history and audit) with the old and new paths. Both ends must lie in the
     * caller's write scope. Parent-type rules are not enforced here, so a tree seeded before
     * the rules existed can still be tidied up.
     */
    async move(actor: Actor, id: string, newParentId: string, reason: string) {
      const scope = scopeFor(actor, 'orgs:write');
      return withScope(deps.db, scope, async (trx) => {
        const repo = createOrgsRepo(trx);
        const org = await repo.findInScope(id, scope);
        const parent = await repo.findInScope(newParentId, scope);
        if (!org || !parent) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: org ? newParentId : id } });
        if (org.status !== 'active' || parent.status !== 'active') throw new AppError('ORG_NOT_ACTIVE');
        if (isUnder(parent.path, org.path)) throw new AppError('ORG_MOVE_INTO_SELF', { details: { field: 'newParentId' } });
        const newPath = `${parent.path}.${org.id}`;
        if (!scope.some((root) => isUnder(newPath, root)) || scope.includes(org.path)) throw new AppError('FORBIDDEN');
        const moved = await repo.moveSubtree(org.id, org.path, parent.id, parent.path);
        await recordOrgChange(trx, actor, {
          orgId: org.id, action: 'move', reason,
          before: { parentId: org.parent_id, path: org.path },
          after: { parentId: parent.id, parentName: parent.name, path: newPath, movedCount: moved.length },
        });
        return { id: org.id, path: newPath, movedCount: moved.length };
      });
    },
  };
}

export type OrgsService = ReturnType<typeof createOrgsService>;
