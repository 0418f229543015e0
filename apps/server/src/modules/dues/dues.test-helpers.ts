import { sql } from 'kysely';
import type { Harness } from '../../test/harness.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { addMonths, monthOf } from './months.ts';

/** Months relative to the harness clock: m(0) is this month, m(-1) the last finished one. */
export function monthsOf(h: Harness) {
  const current = monthOf(chinaToday(h.clock()));
  return { m: (n: number) => addMonths(current, n), today: chinaToday(h.clock()) };
}

/** The tree's members of branch A and B, with join dates moved far back so every month is owed. */
export async function branchMembers(h: Harness) {
  const db = h.database.db;
  await db.updateTable('members').set({ joined_on: '2010-07-01', full_on: sql<string>`CASE WHEN full_on IS NULL THEN NULL ELSE DATE '2011-07-01' END` }).where('org_id', 'in', [h.tree.branchAId, h.tree.branchBId]).execute();
  const ids = async (orgId: string) => (await db.selectFrom('members').select('id').where('org_id', '=', orgId).orderBy('id').execute()).map((r) => r.id);
  return { a: await ids(h.tree.branchAId), b: await ids(h.tree.branchBId) };
}

/** Everything a sibling could change about dues, to compare before and after. */
export async function duesSnapshot(h: Harness) {
  const db = h.database.db;
  return {
    bases: await db.selectFrom('dues_bases').selectAll().orderBy('id').execute(),
    payments: await db.selectFrom('dues_payments').selectAll().orderBy('id').execute(),
    audit: (await db.selectFrom('audit_log').select('id').where('action', 'like', 'dues.%').execute()).length,
  };
}
