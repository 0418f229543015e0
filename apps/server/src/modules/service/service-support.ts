import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '@dangjian/db';
import { scopeFor, isUnder, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { pathUnder } from '../orgs/orgs.repo.ts';
import { chinaToday } from '../orgs/size-rules.ts';

/** Service posts, reports and pairings are kept by secretaries and 组织委员 (and the committees above). */
export const SERVICE_WRITE = 'members:write' as const;
/** A member's own acts (report, claim, log hours, visit) need only a member's read scope. */
export const SERVICE_SELF = 'members:read' as const;

/** Inside any of the scope roots; false on an empty scope. */
export function inAny(ref: Expression<string>, scope: readonly string[]): Expression<SqlBool> {
  if (scope.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`(${sql.join(scope.map((root) => pathUnder(ref, root)), sql` OR `)})`;
}

export const covers = (scope: readonly string[], path: string | null | undefined) => !!path && scope.some((r) => isUnder(path, r));

type AuditInput = { action: string; entityType: string; entityId: string; orgId: string; before?: unknown; after?: unknown };
/** Appends the audit row of a service write, in the write's transaction. */
export const auditService = (trx: Kysely<DB>, actor: Actor, e: AuditInput) =>
  appendAudit(trx, { actorUserId: actor.userId, actorName: actor.displayName, ip: actor.ip, ...e });

export const notFound = (entity: string, id: string) => new AppError('NOT_FOUND', { details: { entity, id } });
export const fieldError = (code: 'VALIDATION_FAILED' | 'SERVICE_COMMUNITY_INVALID' | 'SERVICE_HOURS_DATE_INVALID' | 'SERVICE_PROJECT_ITEMS_INVALID', field: string, message: string) =>
  new AppError(code, { details: { fields: [{ field, message }] } });

export const num = (v: string | number | null | undefined) => Number(v ?? 0);
export const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();
export const yearOf = (clock: () => Date, year?: number) => year ?? Number(chinaToday(clock()).slice(0, 4));
export const yearRange = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-01-01` });

export interface SelfMember { id: string; name: string; org_id: string; org_name: string; org_path: string; region_id: string | null }

/**
 * The signed-in user's member record (read by the owner connection, before any scoped
 * transaction, since PGlite has one connection), checked against the actor's member scope.
 */
export async function selfMember(db: Kysely<DB>, actor: Actor): Promise<SelfMember> {
  const scope = scopeFor(actor, SERVICE_SELF);
  const row = await db.selectFrom('users as u').innerJoin('members as m', 'm.id', 'u.member_id').innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.name', 'm.org_id', 'o.name as org_name', 'o.path as org_path', 'm.region_id'])
    .where('u.id', '=', actor.userId).executeTakeFirst();
  if (!row || !covers(scope, row.org_path)) throw new AppError('SERVICE_NOT_A_MEMBER');
  return row;
}

/** An organization anywhere in the tree by id (owner connection): names are not confidential. */
export function orgAnywhere(db: Kysely<DB>, id: string) {
  return db.selectFrom('orgs').select(['id', 'name', 'path', 'status', 'region_id', 'type']).where('id', '=', id).executeTakeFirst();
}

/** An organization inside the scope (explicit filter; RLS applies beneath). */
export function orgInScope(trx: Kysely<DB>, id: string, scope: readonly string[]) {
  return trx.selectFrom('orgs as o').select(['o.id', 'o.name', 'o.path', 'o.region_id']).where('o.id', '=', id).where(inAny(sql.ref('o.path'), scope)).executeTakeFirst();
}
export async function orgOr404(trx: Kysely<DB>, id: string, scope: readonly string[]) {
  const org = await orgInScope(trx, id, scope);
  if (!org) throw notFound('org', id);
  return org;
}

/** A member inside the scope, with the organization (for snapshots). */
export function memberInScope(trx: Kysely<DB>, id: string, scope: readonly string[]) {
  return trx.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
    .select(['m.id', 'm.name', 'm.org_id', 'o.name as org_name', 'o.path as org_path', 'm.region_id'])
    .where('m.id', '=', id).where(inAny(sql.ref('o.path'), scope)).executeTakeFirst();
}

/** The member's active 双报到, if any (visible from either side). */
export function activeReport(trx: Kysely<DB>, memberId: string) {
  return trx.selectFrom('service_reports').selectAll().where('member_id', '=', memberId).where('status', '=', 'active').executeTakeFirst();
}

/** The path of a member's current organization, by the owner connection (for widening a write's scope). */
export async function memberOrgPath(db: Kysely<DB>, memberId: string): Promise<string | null> {
  const r = await db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').select('o.path').where('m.id', '=', memberId).executeTakeFirst();
  return r?.path ?? null;
}
