import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  ORG_PARENT_RULES, type CreateOrgRequest, type OrgHistoryResponse, type OrgPageQuery, type OrgRecord,
  type OrgType, type UpdateOrgRequest,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { createOrgsRepo } from './orgs.repo.ts';
import { createOrgAdminRepo } from './org-admin.repo.ts';
import { recordOrgChange } from './org-history.ts';
import { presentHistory, presentOrg } from './org-presenter.ts';
import { mergeOrg, dissolveOrg, type Restructure } from './org-restructure.ts';

export interface OrgAdminDeps {
  db: Kysely<DB>;
}

/** 临时党支部 needs reason and end date; 楼宇党支部 needs its kind (checked after merging a PATCH). */
function checkTypeFields(type: OrgType, f: { tempReason?: string | null; validUntil?: string | null; buildingKind?: string | null }) {
  if (type === 'temp_branch' && (!f.tempReason || !f.validUntil)) {
    throw new AppError('ORG_TEMP_FIELDS_REQUIRED', { details: { field: !f.tempReason ? 'tempReason' : 'validUntil' } });
  }
  if (type === 'building_branch' && !f.buildingKind) throw new AppError('ORG_BUILDING_KIND_REQUIRED', { details: { field: 'buildingKind' } });
}

/**
 * Creating, editing, merging and dissolving organizations, and reading their history. Every
 * write runs in one withScope() transaction: the explicit scope check first, row-level
 * security beneath, and the change recorded in org_history and the audit log before commit.
 * @example await createOrgAdminService({ db }).create(actor, { parentId: townId, type: 'branch', name: '新村党支部' });
 */
export function createOrgAdminService(deps: OrgAdminDeps) {
  /** Loads an active organization in the caller's write scope, or throws 404 / 409. */
  async function activeInScope(trx: Kysely<DB>, scope: string[], id: string, field?: string) {
    const org = await createOrgsRepo(trx).findInScope(id, scope);
    if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id, ...(field ? { field } : {}) } });
    if (org.status !== 'active') throw new AppError('ORG_NOT_ACTIVE', { details: { id, ...(field ? { field } : {}) } });
    return org;
  }

  const restructure: Restructure = { activeInScope };

  return {
    async create(actor: Actor, req: CreateOrgRequest): Promise<OrgRecord> {
      const scope = scopeFor(actor, 'orgs:write');
      return withScope(deps.db, scope, async (trx) => {
        const repo = createOrgAdminRepo(trx);
        await repo.lock([req.parentId], 'share');
        const parent = await activeInScope(trx, scope, req.parentId, 'parentId');
        if (!ORG_PARENT_RULES[req.type].includes(parent.type as OrgType)) {
          throw new AppError('ORG_PARENT_TYPE_INVALID', { details: { field: 'type', type: req.type, parentType: parent.type } });
        }
        checkTypeFields(req.type, req);
        if (await repo.siblingNamed(parent.id, req.name)) throw new AppError('ORG_NAME_TAKEN', { details: { field: 'name' } });
        const id = await repo.nextOrgId();
        const row = await repo.insertOrg({
          id, parent_id: parent.id, path: `${parent.path}.${id}`, region_id: null, type: req.type, name: req.name,
          short_name: req.shortName || null, code: req.code || null, sort_order: req.sortOrder ?? (await repo.nextSortOrder(parent.id)),
          temp_reason: req.type === 'temp_branch' ? req.tempReason : null,
          valid_until: req.type === 'temp_branch' ? req.validUntil : null,
          building_kind: req.type === 'building_branch' ? req.buildingKind : null,
        });
        const created = presentOrg(row);
        await recordOrgChange(trx, actor, { orgId: id, action: 'create', reason: null, before: null, after: created });
        return created;
      });
    },

    /**
     * Edits name and the other descriptive fields. A rename needs a reason and is recorded as
     * 'rename'; renaming one's own scope root is for the higher committee.
     */
    async update(actor: Actor, id: string, req: UpdateOrgRequest): Promise<OrgRecord> {
      const scope = scopeFor(actor, 'orgs:write');
      return withScope(deps.db, scope, async (trx) => {
        const repo = createOrgAdminRepo(trx);
        await repo.lock([id], 'update');
        const org = await activeInScope(trx, scope, id);
        const before = presentOrg((await repo.findRecord(id))!);
        const renamed = req.name !== undefined && req.name !== before.name;
        if (renamed && !req.reason) throw new AppError('ORG_REASON_REQUIRED', { details: { field: 'reason' } });
        if (renamed && scope.includes(org.path)) throw new AppError('ORG_ROOT_LOCKED');
        if (renamed && org.parent_id && (await repo.siblingNamed(org.parent_id, req.name!, id))) {
          throw new AppError('ORG_NAME_TAKEN', { details: { field: 'name' } });
        }
        const type = before.type;
        const merged = {
          tempReason: req.tempReason !== undefined ? req.tempReason : before.tempReason,
          validUntil: req.validUntil !== undefined ? req.validUntil : before.validUntil,
          buildingKind: req.buildingKind !== undefined ? req.buildingKind : before.buildingKind,
        };
        checkTypeFields(type, merged);
        const row = await repo.updateOrg(id, {
          ...(req.name !== undefined ? { name: req.name } : {}),
          ...(req.shortName !== undefined ? { short_name: req.shortName || null } : {}),
          ...(req.code !== undefined ? { code: req.code || null } : {}),
          ...(req.sortOrder !== undefined ? { sort_order: req.sortOrder } : {}),
          ...(type === 'temp_branch' ? { temp_reason: merged.tempReason, valid_until: merged.validUntil } : {}),
          ...(type === 'building_branch' ? { building_kind: merged.buildingKind } : {}),
        });
        const after = presentOrg(row);
        await recordOrgChange(trx, actor, { orgId: id, action: renamed ? 'rename' : 'update', reason: req.reason || null, before, after });
        return after;
      });
    },

    merge: (actor: Actor, id: string, intoId: string, reason: string) =>
      withScope(deps.db, scopeFor(actor, 'orgs:write'), (trx) => mergeOrg(trx, restructure, actor, id, intoId, reason)),

    dissolve: (actor: Actor, id: string, reason: string, transferMembersTo?: string) =>
      withScope(deps.db, scopeFor(actor, 'orgs:write'), (trx) => dissolveOrg(trx, restructure, actor, id, reason, transferMembersTo)),

    /** Changes of one organization, newest first; readable by anyone who may read the org. */
    async history(actor: Actor, id: string, q: OrgPageQuery): Promise<OrgHistoryResponse> {
      const scope = scopeFor(actor, 'orgs:read');
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(id, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id } });
        const repo = createOrgAdminRepo(trx);
        const [rows, total] = await Promise.all([repo.history(id, (q.page - 1) * q.pageSize, q.pageSize), repo.countHistory(id)]);
        return { items: rows.map(presentHistory), total };
      });
    },
  };
}

export type OrgAdminService = ReturnType<typeof createOrgAdminService>;
