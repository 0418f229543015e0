import { sql, type Insertable, type Kysely, type Updateable } from 'kysely';
import type { DB, OrgsTable } from '@dangjian/db';

/** Columns of an organization that the write endpoints return and record in history. */
export const ORG_RECORD_COLUMNS = [
  'id', 'parent_id', 'name', 'type', 'path', 'status', 'short_name', 'code', 'sort_order',
  'temp_reason', 'valid_until', 'building_kind',
] as const;

export type OrgRow = NonNullable<Awaited<ReturnType<OrgAdminRepo['findRecord']>>>;

/**
 * SQL of organization administration. Callers run it inside withScope(), so row-level
 * security bounds every statement; the service checks the scope before calling.
 */
export function createOrgAdminRepo(db: Kysely<DB>) {
  return {
    findRecord(id: string) {
      return db.selectFrom('orgs').select(ORG_RECORD_COLUMNS).where('id', '=', id).executeTakeFirst();
    },

    /**
     * Row locks that serialize structural changes: merge and dissolve take FOR UPDATE on the
     * organizations they change, create takes FOR SHARE on the parent, so a child can never be
     * created under an organization that is being merged away in a concurrent transaction.
     */
    async lock(ids: readonly string[], mode: 'update' | 'share'): Promise<void> {
      const q = db.selectFrom('orgs').select('id').where('id', 'in', [...ids]).orderBy('id');
      await (mode === 'update' ? q.forUpdate() : q.forShare()).execute();
    },

    /** Draws an id first, so the ltree path (parent path + id) is known for the insert. */
    async nextOrgId(): Promise<string> {
      const r = await sql<{ id: string }>`SELECT nextval(pg_get_serial_sequence('orgs', 'id'))::text AS id`.execute(db);
      return r.rows[0]!.id;
    },

    insertOrg(row: Insertable<OrgsTable>) {
      return db.insertInto('orgs').values(row).returning(ORG_RECORD_COLUMNS).executeTakeFirstOrThrow();
    },

    updateOrg(id: string, set: Updateable<OrgsTable>) {
      return db.updateTable('orgs').set(set).set({ updated_at: sql`now()` }).where('id', '=', id)
        .returning(ORG_RECORD_COLUMNS).executeTakeFirstOrThrow();
    },

    /** One past the largest sort order among the parent's children, so a new org goes last. */
    async nextSortOrder(parentId: string): Promise<number> {
      const r = await db.selectFrom('orgs').select((eb) => eb.fn.max('sort_order').as('m')).where('parent_id', '=', parentId).executeTakeFirst();
      return (r?.m ?? 0) + 1;
    },

    /** An active sibling with the same name, other than `exceptId`. */
    siblingNamed(parentId: string, name: string, exceptId?: string) {
      let q = db.selectFrom('orgs').select('id').where('parent_id', '=', parentId).where('name', '=', name).where('status', '=', 'active');
      if (exceptId) q = q.where('id', '<>', exceptId);
      return q.executeTakeFirst();
    },

    children(id: string) {
      return db.selectFrom('orgs').select(['id', 'path', 'type', 'status', 'name']).where('parent_id', '=', id).orderBy('id').execute();
    },

    async countDirectMembers(orgId: string): Promise<number> {
      const r = await db.selectFrom('members').select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
      return Number(r.n);
    },

    /**
     * Moves every member of one organization to another, writing a 'move' entry in each
     * member's history first, so a merge or dissolution keeps every member's trail.
     */
    async moveMembers(fromOrgId: string, toOrgId: string, meta: { actorUserId: string; actorName: string; reason: string }): Promise<number> {
      await sql`INSERT INTO member_history (member_id, actor_user_id, actor_name, action, from_org_id, to_org_id, reason)
        SELECT id, ${meta.actorUserId}::bigint, ${meta.actorName}, 'move', org_id, ${toOrgId}::bigint, ${meta.reason}
        FROM members WHERE org_id = ${fromOrgId}::bigint`.execute(db);
      const r = await db.updateTable('members').set({ org_id: toOrgId, updated_at: sql`now()` }).where('org_id', '=', fromOrgId).executeTakeFirst();
      return Number(r.numUpdatedRows);
    },

    /** Grids and sites (阵地) of the source follow it to the target. */
    async moveRecords(fromOrgId: string, toOrgId: string): Promise<{ grids: number; sites: number }> {
      const g = await db.updateTable('grids').set({ org_id: toOrgId }).where('org_id', '=', fromOrgId).executeTakeFirst();
      const s = await db.updateTable('sites').set({ org_id: toOrgId }).where('org_id', '=', fromOrgId).executeTakeFirst();
      return { grids: Number(g.numUpdatedRows), sites: Number(s.numUpdatedRows) };
    },

    /**
     * Carries role grants to the target. A user who already holds the same role there keeps
     * that one; the duplicate on the source is dropped (user_roles is unique per user, org, role).
     */
    async moveRoleGrants(fromOrgId: string, toOrgId: string): Promise<number> {
      const dropped = await db.deleteFrom('user_roles as r').where('r.org_id', '=', fromOrgId)
        .where(({ exists, selectFrom }) => exists(selectFrom('user_roles as x').select('x.id')
          .whereRef('x.user_id', '=', 'r.user_id').whereRef('x.role', '=', 'r.role').where('x.org_id', '=', toOrgId)))
        .executeTakeFirst();
      const moved = await db.updateTable('user_roles').set({ org_id: toOrgId }).where('org_id', '=', fromOrgId).executeTakeFirst();
      return Number(dropped.numDeletedRows) + Number(moved.numUpdatedRows);
    },

    /** History of one organization, newest first. */
    history(orgId: string, offset: number, limit: number) {
      return db.selectFrom('org_history').selectAll().where('org_id', '=', orgId)
        .orderBy('at', 'desc').orderBy('id', 'desc').offset(offset).limit(limit).execute();
    },

    async countHistory(orgId: string): Promise<number> {
      const r = await db.selectFrom('org_history').select((eb) => eb.fn.countAll<string>().as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
      return Number(r.n);
    },
  };
}

export type OrgAdminRepo = ReturnType<typeof createOrgAdminRepo>;
