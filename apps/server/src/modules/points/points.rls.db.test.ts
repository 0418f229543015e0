import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { branchMembers } from './points.test-helpers.ts';

/**
 * The member-keyed points tables under row-level security (migrations 0016 and 0020): a row is
 * visible to the subtree of the organization that recorded it and to the subtree the member
 * belongs to now; it is written only where both are in scope. 0020 reads through sets and writes
 * through 0016's correlated probes: these tests pin that both say the same.
 */
describeOnEngines('points row-level security', (h) => {
  const period = '2026-03-01';

  /** Rows written once as the owner (no RLS): member → recording organization. */
  let seeded: ReturnType<typeof insertRows> | undefined;
  const seed = () => (seeded ??= insertRows());
  async function insertRows() {
    const { a, b } = await branchMembers(h);
    const [stayA, movedToA, stayB, leftB, exitedA] = [a[0]!, a[1]!, b[0]!, b[1]!, a[2]!];
    const A = h.tree.branchAId;
    const B = h.tree.branchBId;
    // movedToA: recorded by B, now a member of A. leftB: a member of B, recorded by A.
    // exitedA: recorded by B, a member of A who has left (members' policy hides them).
    const rows = [
      { member_id: stayA, org_id: A }, { member_id: movedToA, org_id: B }, { member_id: stayB, org_id: B },
      { member_id: leftB, org_id: A }, { member_id: exitedA, org_id: B },
    ];
    const db = h.database.db;
    await db.insertInto('points_monthly').values(rows.map((r) => ({ ...r, period, earned: 3, spent: 0 }))).execute();
    await db.insertInto('points_balances').values(rows.map((r) => ({ ...r, balance: 3 }))).execute();
    await sql`UPDATE members SET active = false WHERE id = ${exitedA}`.execute(db); // not in the generated table types
    return { stayA, movedToA, stayB, leftB, exitedA };
  }

  const seen = (scope: string[]) => withScope(h.database.db, scope, async (trx) => ({
    monthly: (await trx.selectFrom('points_monthly').select('member_id').execute()).map((r) => r.member_id).sort(),
    balances: (await trx.selectFrom('points_balances').select('member_id').execute()).map((r) => r.member_id).sort(),
  }));
  const sorted = (ids: string[]) => [...ids].sort();

  it('an unfiltered read sees exactly the rows of its scope, by recording organization or by the member\'s current one', async () => {
    const m = await seed();
    const inA = sorted([m.stayA, m.movedToA, m.leftB]); // exitedA: recorded by B and no longer visible as a member of A
    const inB = sorted([m.movedToA, m.stayB, m.leftB, m.exitedA]);
    expect(await seen([h.tree.paths.branchA])).toEqual({ monthly: inA, balances: inA });
    expect(await seen([h.tree.paths.branchB])).toEqual({ monthly: inB, balances: inB });
    const both = sorted([...new Set([...inA, ...inB])]);
    expect(await seen([h.tree.paths.branchA, h.tree.paths.branchB])).toEqual({ monthly: both, balances: both });
    expect(await seen([h.tree.paths.town])).toEqual({ monthly: both, balances: both });
    expect(await seen([])).toEqual({ monthly: [], balances: [] });
    // A scope holding every root organization answers without building the sets (0020): all rows.
    const roots = (await h.database.db.selectFrom('orgs').select('path').where('parent_id', 'is', null).execute()).map((r) => r.path);
    const all = sorted((await h.database.db.selectFrom('points_monthly').select('member_id').execute()).map((r) => r.member_id));
    expect(all).toEqual(both);
    expect(await seen(roots)).toEqual({ monthly: all, balances: all });
    expect(await seen([h.tree.paths.root])).toEqual({ monthly: all, balances: all });

    // Every row the sets show also passes 0016's correlated probes (orgs and members under their own policies).
    for (const scope of [[h.tree.paths.branchA], [h.tree.paths.branchB], [h.tree.paths.town], []]) {
      const viaProbes = await withScope(h.database.db, scope, (trx) => trx.selectFrom('points_monthly as s').select('s.member_id')
        .where(({ exists, or, selectFrom }) => or([
          exists(selectFrom('orgs as o').select('o.id').whereRef('o.id', '=', 's.org_id')),
          exists(selectFrom('members as x').innerJoin('orgs as o', 'o.id', 'x.org_id').select('x.id').whereRef('x.id', '=', 's.member_id')),
        ])).execute());
      expect(viaProbes.map((r) => r.member_id).sort()).toEqual((await seen(scope)).monthly);
    }
  });

  it('writes need both the recording organization and the member in scope; rows outside are not touched', async () => {
    const m = await seed();
    const A = h.tree.branchAId;
    const scopeA = [h.tree.paths.branchA];
    const scopeB = [h.tree.paths.branchB];
    const add = (scope: string[], memberId: string, orgId: string) => withScope(h.database.db, scope, (trx) => trx.insertInto('points_monthly')
      .values({ member_id: memberId, period: '2026-04-01', org_id: orgId, earned: 1, spent: 0 }).execute());
    await expect(add(scopeB, m.stayA, A)).rejects.toThrow(); // neither in B
    await expect(add(scopeA, m.stayB, A)).rejects.toThrow(); // the member is B's
    await add(scopeA, m.stayA, A);

    // Visible to B (recorded by B) but the member is A's now: B may not change it.
    const bump = (scope: string[], memberId: string) => withScope(h.database.db, scope, (trx) => trx.updateTable('points_balances')
      .set((eb) => ({ balance: eb('balance', '+', 1) })).where('member_id', '=', memberId).executeTakeFirst());
    await expect(bump(scopeB, m.movedToA)).rejects.toThrow();
    await expect(bump(scopeB, m.leftB)).rejects.toThrow(); // B's member, recorded by A
    expect(Number((await bump(scopeB, m.stayA)).numUpdatedRows)).toBe(0); // invisible to B
    expect(Number((await bump(scopeA, m.stayA)).numUpdatedRows)).toBe(1);
    // The postEntry upsert: an update through ON CONFLICT is checked like an UPDATE.
    const upsert = (scope: string[], memberId: string, orgId: string) => withScope(h.database.db, scope, (trx) => trx.insertInto('points_monthly')
      .values({ member_id: memberId, period, org_id: orgId, earned: 1, spent: 0 })
      .onConflict((oc) => oc.columns(['member_id', 'period']).doUpdateSet((eb) => ({
        earned: eb('points_monthly.earned', '+', eb.ref('excluded.earned')), org_id: eb.ref('excluded.org_id'),
      }))).execute());
    await expect(upsert(scopeB, m.movedToA, h.tree.branchBId)).rejects.toThrow();
    await upsert(scopeA, m.movedToA, A); // re-recorded by A, as postEntry does: both in scope

    const gone = await withScope(h.database.db, scopeB, (trx) => trx.deleteFrom('points_monthly').where('member_id', '=', m.stayA).executeTakeFirst());
    expect(Number(gone.numDeletedRows)).toBe(0);
    const rows = await h.database.db.selectFrom('points_monthly').select(['member_id', sql<string>`period::text`.as('period'), 'org_id', 'earned'])
      .where('member_id', 'in', [m.stayA, m.movedToA]).orderBy('member_id').orderBy('period').execute();
    expect(rows).toEqual([
      { member_id: m.stayA, period, org_id: A, earned: 3 },
      { member_id: m.stayA, period: '2026-04-01', org_id: A, earned: 1 },
      { member_id: m.movedToA, period, org_id: A, earned: 4 },
    ].sort((x, y) => Number(x.member_id) - Number(y.member_id)));
  });
});
