import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import type { Role } from '@dangjian/contracts';

/**
 * Accounts and sessions. These run as the owner role, not under row-level security: signing in
 * happens before any scope is known. Nothing here returns organization data beyond the
 * caller's own role grants.
 */
export function createAuthRepo(db: Kysely<DB>) {
  return {
    findUserByUsername(username: string) {
      return db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    },

    findUserById(id: string) {
      return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    },

    async rolesOf(userId: string): Promise<{ role: Role; orgId: string; orgPath: string; orgName: string }[]> {
      const rows = await db
        .selectFrom('user_roles as r')
        .innerJoin('orgs as o', 'o.id', 'r.org_id')
        .select(['r.role', 'r.org_id', 'o.path', 'o.name'])
        .where('r.user_id', '=', userId)
        .orderBy('o.path')
        .execute();
      return rows.map((r) => ({ role: r.role as Role, orgId: r.org_id, orgPath: r.path, orgName: r.name }));
    },

    recordFailure(userId: string, failedAttempts: number, lockedUntil: Date | null) {
      return db
        .updateTable('users')
        .set({ failed_attempts: failedAttempts, locked_until: lockedUntil })
        .where('id', '=', userId)
        .execute();
    },

    recordSuccess(userId: string) {
      return db.updateTable('users').set({ failed_attempts: 0, locked_until: null }).where('id', '=', userId).execute();
    },

    setPassword(userId: string, hash: string, at: Date) {
      return db
        .updateTable('users')
        .set({ password_hash: hash, must_change_password: false, password_changed_at: at, updated_at: at })
        .where('id', '=', userId)
        .execute();
    },

    createSession(s: { idHash: string; userId: string; csrfToken: string; ip: string; userAgent: string | null; at: Date }) {
      return db
        .insertInto('sessions')
        .values({
          id_hash: s.idHash,
          user_id: s.userId,
          csrf_token: s.csrfToken,
          ip: s.ip,
          user_agent: s.userAgent,
          created_at: s.at,
          last_seen_at: s.at,
        })
        .execute();
    },

    /**
     * A session with its user and the user's role grants, in one round trip (every request
     * resolves its cookie; three queries in a row cost two more round trips each time).
     * `user` is null when the user row is gone.
     */
    async findSessionContext(idHash: string) {
      const row = await db
        .selectFrom('sessions as s')
        .leftJoin('users as u', 'u.id', 's.user_id')
        .select((eb) => [
          's.user_id', 's.csrf_token', 's.last_seen_at',
          'u.id as uid', 'u.username', 'u.display_name', 'u.disabled', 'u.must_change_password',
          sql<{ role: string; org_id: string; path: string; name: string }[]>`coalesce((
            SELECT json_agg(json_build_object('role', r.role, 'org_id', r.org_id::text, 'path', o.path::text, 'name', o.name) ORDER BY o.path)
            FROM user_roles r JOIN orgs o ON o.id = r.org_id WHERE r.user_id = ${eb.ref('s.user_id')}), '[]'::json)`.as('roles'),
        ])
        .where('s.id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        session: { user_id: row.user_id, csrf_token: row.csrf_token, last_seen_at: row.last_seen_at },
        user: row.uid === null || row.username === null || row.display_name === null || row.disabled === null || row.must_change_password === null
          ? null
          : { id: row.uid, username: row.username, display_name: row.display_name, disabled: row.disabled, must_change_password: row.must_change_password },
        roles: row.roles.map((r) => ({ role: r.role as Role, orgId: r.org_id, orgPath: r.path, orgName: r.name })),
      };
    },

    touchSession(idHash: string, at: Date) {
      return db.updateTable('sessions').set({ last_seen_at: at }).where('id_hash', '=', idHash).execute();
    },

    deleteSession(idHash: string) {
      return db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    },

    deleteOtherSessions(userId: string, keepIdHash: string) {
      return db.deleteFrom('sessions').where('user_id', '=', userId).where('id_hash', '<>', keepIdHash).execute();
    },

    /** Removes sessions idle for longer than the timeout. */
    deleteIdleSessions(before: Date) {
      return db.deleteFrom('sessions').where('last_seen_at', '<', before).execute();
    },

    /**
     * Counts one hit against `key` in a fixed window and returns the count so far, atomically,
     * so counters hold across server instances.
     */
    async hitRateLimit(key: string, at: Date, windowSeconds: number): Promise<number> {
      const windowStart = new Date(Math.floor(at.getTime() / (windowSeconds * 1000)) * windowSeconds * 1000);
      const r = await sql<{ count: number }>`
        INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${windowStart}, 1)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limits.window_start = EXCLUDED.window_start THEN rate_limits.count + 1 ELSE 1 END,
          window_start = EXCLUDED.window_start
        RETURNING count`.execute(db);
      return r.rows[0]?.count ?? 1;
    },
  };
}

export type AuthRepo = ReturnType<typeof createAuthRepo>;
