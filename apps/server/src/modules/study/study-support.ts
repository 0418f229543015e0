import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { appendAudit } from '../audit/audit.repo.ts';

/** Taking part (sitting an exam, reading, voting) needs the members:read grant; managing needs members:write. */
export const STUDY_READ = 'members:read' as const;
export const STUDY_MANAGE = 'members:write' as const;

/** The path and name of an organization the caller may see (its subtree or an ancestor), via SECURITY DEFINER helpers. */
export async function orgLabel(trx: Kysely<DB>, orgId: string): Promise<{ path: string; name: string } | null> {
  const r = await sql<{ path: string | null; name: string | null }>`SELECT study_org_path(${orgId}::bigint) AS path, study_org_name(${orgId}::bigint) AS name`.execute(trx);
  const row = r.rows[0];
  return row?.path && row.name ? { path: row.path, name: row.name } : null;
}

/** True when content of the organization at `path` reaches the caller: it lies in or above the caller's scope. */
export function reaches(path: string, scope: readonly string[]): boolean {
  return scope.some((root) => isUnder(path, root) || isUnder(root, path));
}

/**
 * The organization `orgId` if the actor may manage content there (it lies in the write scope),
 * else NOT_FOUND when it is invisible, FORBIDDEN when it is an ancestor the actor only reads.
 */
export async function managedOrg(trx: Kysely<DB>, actor: Actor, orgId: string) {
  const org = await orgLabel(trx, orgId);
  if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
  if (!scopeFor(actor, STUDY_MANAGE).some((root) => isUnder(org.path, root))) throw new AppError('FORBIDDEN');
  return { id: orgId, ...org };
}

export interface Participant {
  userId: string;
  memberId: string | null;
  /** The member's own organization, else the organization of the actor's first grant. */
  orgId: string;
  name: string;
}

/**
 * Who takes part: the member record linked to the account (read as the owner role, since
 * users is not visible to the app role; only the actor's own row is read).
 */
export async function participantOf(db: Kysely<DB>, actor: Actor): Promise<Participant> {
  const u = await db.selectFrom('users as u').leftJoin('members as m', 'm.id', 'u.member_id')
    .select(['u.member_id', 'm.org_id', 'm.name']).where('u.id', '=', actor.userId).executeTakeFirst();
  if (u?.member_id && u.org_id) return { userId: actor.userId, memberId: u.member_id, orgId: u.org_id, name: u.name ?? actor.displayName };
  const role = actor.roles[0];
  if (!role) throw new AppError('STUDY_NO_MEMBER_RECORD');
  return { userId: actor.userId, memberId: null, orgId: role.orgId, name: actor.displayName };
}

/** Writes one audit entry for `actor` inside the caller's transaction. */
export function audit(
  trx: Kysely<DB>, actor: Actor,
  e: { action: string; entityType: string; entityId: string; orgId: string; before?: unknown; after?: unknown },
): Promise<void> {
  return appendAudit(trx, { actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, ...e });
}

/** True when a database error is a unique-constraint violation. */
export function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: string } | null)?.code === '23505';
}

/** ISO string of a timestamp column, whichever type the driver returned. */
export const iso = (v: Date | string | null | undefined): string | null => (v == null ? null : new Date(v).toISOString());
