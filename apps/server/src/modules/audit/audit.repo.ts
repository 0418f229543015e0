import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';

export interface AuditEntry {
  actorUserId: string | null;
  actorName: string | null;
  ip: string | null;
  action: string;
  entityType?: string | null;
  entityId?: string | null;
  orgId?: string | null;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends one entry to the hash-chained audit log, inside the caller's transaction so the
 * entry and the write it records commit together. audit_append() is SECURITY DEFINER, so the
 * app role can append but never update or delete.
 */
export async function appendAudit(db: Kysely<DB>, e: AuditEntry): Promise<void> {
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  await sql`SELECT audit_append(
    ${e.actorUserId}::bigint, ${e.actorName}, ${e.ip}, ${e.action}, ${e.entityType ?? null},
    ${e.entityId ?? null}, ${e.orgId ?? null}::bigint, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb
  )`.execute(db);
}
