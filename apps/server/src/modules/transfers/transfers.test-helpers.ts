import type { Harness } from '../../test/harness.ts';

/** An active member of the organization, picked fresh so tests never share a member. */
const usedBy = new WeakMap<object, Set<string>>();
export async function memberOf(h: Harness, orgId: string): Promise<{ id: string; name: string }> {
  // Per database: each engine has its own rows, and ids repeat across engines.
  const used = usedBy.get(h.database) ?? new Set<string>();
  usedBy.set(h.database, used);
  const rows = await h.database.db.selectFrom('members').select(['id', 'name']).where('org_id', '=', orgId).orderBy('id').execute();
  const m = rows.find((r) => !used.has(r.id));
  if (!m) throw new Error(`no unused member left in org ${orgId}`);
  used.add(m.id);
  return m;
}

export const letterBody = (memberId: string, over: Record<string, unknown> = {}) => ({
  memberId, destinationOrgName: '某市财政局机关党委', duesPaidTo: '2026-10', reason: '工作调动', ...over,
});
