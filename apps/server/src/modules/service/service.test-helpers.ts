import { createUser } from '@dangjian/db/fixtures';
import type { Agent, Harness } from '../../test/harness.ts';

/** The member record linked to a user of the test tree. */
export async function memberIdOf(h: Harness, username: string): Promise<string> {
  const u = await h.database.db.selectFrom('users').select('member_id').where('username', '=', username).executeTakeFirstOrThrow();
  return u.member_id!;
}

let n = 0;
/**
 * A community 社区党委 under the test tree's town, with its own secretary: the place where
 * members of branch A report (双报到). Branch B stays the third party that must see nothing.
 */
export async function createCommunity(h: Harness, label = '幸福') {
  n += 1;
  const admin = await h.login(h.tree.users.admin);
  const res = await admin.post('/api/v1/orgs', { parentId: h.tree.townId, type: 'party_committee', name: `${label}${n}社区党委` });
  if (res.statusCode !== 201) throw new Error(`community: ${res.statusCode} ${res.body}`);
  const org = res.json() as { id: string; name: string };
  const username = `t-community-${org.id}`;
  await createUser(h.database.db, { username, displayName: `${label}社区书记`, password: h.tree.password, roles: [{ role: 'secretary', orgId: org.id }], mustChangePassword: false });
  return { id: org.id, name: org.name, secretary: await h.login(username) };
}

/** PUT/PATCH/DELETE with the agent's session (the harness agent only has GET and POST). */
export function send(h: Harness, agent: Agent, method: 'PUT' | 'PATCH' | 'DELETE', url: string, body?: object) {
  return h.app.inject({ method, url, ...(body ? { payload: body } : {}), headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf }, remoteAddress: '127.0.0.1' });
}

/** A 1×1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** Points entries awarded for service hours to a member. */
export async function hourPoints(h: Harness, memberId: string) {
  return h.database.db.selectFrom('points_entries').select(['source_id', 'delta', 'kind']).where('member_id', '=', memberId)
    .where('source_type', '=', 'service_hours').orderBy('id').execute();
}

/** A signed-in plain member of branch B (the test tree has a user only for member A). */
export async function memberOfB(h: Harness) {
  const m = await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchBId).orderBy('id').executeTakeFirstOrThrow();
  const username = `t-memberb-${m.id}`;
  const exists = await h.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  if (!exists) await createUser(h.database.db, { username, displayName: '乙村党员', password: h.tree.password, roles: [{ role: 'member', orgId: h.tree.branchBId }], mustChangePassword: false, memberId: m.id });
  return { memberId: m.id, agent: await h.login(username) };
}

/** Every row of the feature's tables, to compare before and after a sibling's attempts. */
export async function serviceSnapshot(h: Harness) {
  const db = h.database.db;
  const all = async (t: 'service_posts' | 'service_reports' | 'post_claims' | 'service_hours' | 'service_feedback' | 'resource_items' | 'demand_items' | 'service_projects' | 'pairings' | 'pairing_visits') =>
    (await db.selectFrom(t).selectAll().orderBy('id').execute()).map((r) => JSON.stringify(r));
  return {
    posts: await all('service_posts'), reports: await all('service_reports'), claims: await all('post_claims'), hours: await all('service_hours'),
    feedback: await all('service_feedback'), resources: await all('resource_items'), demands: await all('demand_items'), projects: await all('service_projects'),
    pairings: await all('pairings'), visits: await all('pairing_visits'),
  };
}
