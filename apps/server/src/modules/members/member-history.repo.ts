import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';

export interface NewHistoryEntry {
  memberId: string;
  actorUserId: string;
  actorName: string;
  action: 'create' | 'update' | 'move';
  changes: Record<string, [unknown, unknown]>;
  fromOrgId?: string | null;
  toOrgId?: string | null;
  reason?: string | null;
}

/** SQL of member_history: append-only (the app role has no UPDATE or DELETE on it). */
export function createMemberHistoryRepo(db: Kysely<DB>) {
  return {
    async append(e: NewHistoryEntry): Promise<void> {
      await db.insertInto('member_history').values({
        member_id: e.memberId, actor_user_id: e.actorUserId, actor_name: e.actorName, action: e.action,
        changes: JSON.stringify(e.changes), from_org_id: e.fromOrgId ?? null, to_org_id: e.toOrgId ?? null,
        reason: e.reason ?? null,
      }).execute();
    },

    /** Newest first, with org names where the caller can see the org (row-level security). */
    listForMember(memberId: string) {
      return db
        .selectFrom('member_history as h')
        .leftJoin('orgs as f', 'f.id', 'h.from_org_id')
        .leftJoin('orgs as t', 't.id', 'h.to_org_id')
        .select([
          'h.id', 'h.at', 'h.actor_name', 'h.action', 'h.changes', 'h.from_org_id', 'h.to_org_id', 'h.reason',
          'f.name as from_org_name', 't.name as to_org_name',
        ])
        .where('h.member_id', '=', memberId)
        .orderBy('h.at', 'desc')
        .orderBy('h.id', 'desc')
        .limit(500)
        .execute();
    },
  };
}
