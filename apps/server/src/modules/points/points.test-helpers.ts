import { sql } from 'kysely';
import type { Harness } from '../../test/harness.ts';

/** The member record linked to a user of the test tree. */
export async function memberIdOf(h: Harness, username: string): Promise<string> {
  const u = await h.database.db.selectFrom('users').select('member_id').where('username', '=', username).executeTakeFirstOrThrow();
  return u.member_id!;
}

/** Members of branch A and B of the test tree, by id. */
export async function branchMembers(h: Harness) {
  const ids = async (orgId: string) => (await h.database.db.selectFrom('members').select('id').where('org_id', '=', orgId).orderBy('id').execute()).map((r) => r.id);
  return { a: await ids(h.tree.branchAId), b: await ids(h.tree.branchBId) };
}

/** PUT/PATCH with the agent's session (the harness agent only has GET and POST). */
export async function send(h: Harness, agent: { cookie: string; csrf: string }, method: 'PUT' | 'PATCH', url: string, body: object) {
  return h.app.inject({ method, url, payload: body, headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf }, remoteAddress: '127.0.0.1' });
}

/**
 * The derived rows against the ledger: every balance equals the sum of its entries, every monthly
 * summary the sums of its month's entries, and no balance is negative. Returns the mismatches.
 */
export async function ledgerMismatches(h: Harness) {
  const { rows } = await sql<{ what: string; member_id: string }>`
    SELECT 'balance' AS what, b.member_id FROM points_balances b
      LEFT JOIN (SELECT member_id, sum(delta) AS s FROM points_entries GROUP BY member_id) e ON e.member_id = b.member_id
      WHERE b.balance <> coalesce(e.s, 0) OR b.balance < 0
    UNION ALL
    SELECT 'ledger', e.member_id FROM points_entries e LEFT JOIN points_balances b ON b.member_id = e.member_id WHERE b.member_id IS NULL
    UNION ALL
    SELECT 'monthly', coalesce(s.member_id, e.member_id) FROM points_monthly s
      FULL JOIN (SELECT member_id, period,
          sum(delta) FILTER (WHERE kind NOT IN ('redemption', 'redemption_refund')) AS earned,
          sum(delta) FILTER (WHERE kind IN ('redemption', 'redemption_refund')) AS spent
        FROM points_entries GROUP BY member_id, period) e ON e.member_id = s.member_id AND e.period = s.period
      WHERE s.member_id IS NULL OR e.member_id IS NULL OR s.earned <> coalesce(e.earned, 0) OR s.spent <> coalesce(e.spent, 0)
  `.execute(h.database.db);
  return rows;
}

/** Everything a sibling could change about points, to compare before and after. */
export async function pointsSnapshot(h: Harness) {
  const db = h.database.db;
  return {
    entries: await db.selectFrom('points_entries').selectAll().orderBy('id').execute(),
    goods: await db.selectFrom('points_goods').selectAll().orderBy('id').execute(),
    orders: await db.selectFrom('points_orders').selectAll().orderBy('id').execute(),
    settings: await db.selectFrom('points_settings').selectAll().orderBy('org_id').execute(),
    rules: await db.selectFrom('point_rules').selectAll().orderBy('id').execute(),
    audit: (await db.selectFrom('audit_log').select('id').where('action', 'like', 'points.%').execute()).length,
  };
}
