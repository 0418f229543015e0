import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import type { GridListItem } from '@dangjian/contracts';
import type { Actor } from '../../lib/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import type { GridRow } from './grids.repo.ts';

/** True when a database error is a unique-constraint violation (two writers raced on a name). */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: string; constraint?: string } | null;
  return err?.code === '23505' && (!constraint || err.constraint === constraint);
}

/** Writes one audit entry for `actor` inside the caller's transaction. */
export function audit(
  trx: Kysely<DB>, actor: Actor,
  e: { action: string; entityType: string; entityId: string; orgId: string; before?: unknown; after?: unknown },
): Promise<void> {
  return appendAudit(trx, { actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, ...e });
}

/** The API shape of a grid row; households falls back to the buildings' sum when not typed in. */
export function toGridItem(r: GridRow): GridListItem {
  return {
    id: r.id, name: r.name, orgId: r.org_id, orgName: r.org_name, gridOrgId: r.grid_org_id, gridOrgName: r.grid_org_name,
    leaderName: r.leader_name, leaderPhone: r.leader_phone, householdsEntered: r.households,
    households: r.households ?? Number(r.building_households ?? 0),
    memberCount: Number(r.member_count ?? 0), residentCount: Number(r.resident_count ?? 0),
    buildingCount: Number(r.building_count ?? 0), remarks: r.remarks,
  };
}

/** The audit snapshot of a grid: its own columns, not the derived counts. */
export function gridSnapshot(r: GridRow) {
  return {
    name: r.name, orgId: r.org_id, gridOrgId: r.grid_org_id, leaderName: r.leader_name, leaderPhone: r.leader_phone,
    households: r.households, remarks: r.remarks,
  };
}
