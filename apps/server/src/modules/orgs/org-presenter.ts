import type { BuildingKind, OrgHistoryEntry, OrgRecord, OrgStatus, OrgType } from '@dangjian/contracts';
import type { OrgRow } from './org-admin.repo.ts';

/** The API shape of an organization after a write (also what history stores as before/after). */
export function presentOrg(r: OrgRow): OrgRecord {
  return {
    id: r.id, parentId: r.parent_id, name: r.name, type: r.type as OrgType, path: r.path,
    status: r.status as OrgStatus, shortName: r.short_name, code: r.code, sortOrder: r.sort_order,
    tempReason: r.temp_reason, validUntil: r.valid_until, buildingKind: r.building_kind as BuildingKind | null,
  };
}

export function presentHistory(r: {
  id: string; at: Date; actor_user_id: string | null; actor_name: string | null; action: string;
  reason: string | null; before: unknown; after: unknown;
}): OrgHistoryEntry {
  return {
    id: r.id, at: r.at.toISOString(), actorUserId: r.actor_user_id, actorName: r.actor_name,
    action: r.action, reason: r.reason, before: r.before, after: r.after,
  };
}
