import { expect, it } from 'vitest';
import fc from 'fast-check';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { awardPoints, postEntry, reversePoints } from './points-ledger.ts';
import { ledgerMismatches, memberIdOf } from './points.test-helpers.ts';

const RULES = { meeting_attend: 1, study_complete: 2, honor: 5 } as const;
type Rule = keyof typeof RULES;
type Op = { op: 'award' | 'reverse'; source: number; rule: Rule } | { op: 'redeem'; amount: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('award' as const), source: fc.nat(4), rule: fc.constantFrom<Rule>('meeting_attend', 'study_complete', 'honor') }),
  fc.record({ op: fc.constant('reverse' as const), source: fc.nat(4), rule: fc.constantFrom<Rule>('meeting_attend', 'study_complete', 'honor') }),
  fc.record({ op: fc.constant('redeem' as const), amount: fc.integer({ min: 1, max: 12 }) }),
);

describeOnEngines('points ledger (property)', (h) => {
  it('for any sequence of awards, reversals and redemptions, the balance equals a model, the sum of entries, and never goes negative', async () => {
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    const run = <T>(fn: Parameters<typeof withScope<T>>[2]) => withScope(h.database.db, [h.tree.paths.branchA], fn);
    const balance = async () => (await h.database.db.selectFrom('points_balances').select('balance').where('member_id', '=', memberId).executeTakeFirst())?.balance ?? 0;
    const sum = async () => Number((await h.database.db.selectFrom('points_entries').select((eb) => eb.fn.sum<string>('delta').as('s')).where('member_id', '=', memberId).executeTakeFirstOrThrow()).s ?? 0);
    let runNo = 0;

    await fc.assert(fc.asyncProperty(fc.array(opArb, { maxLength: 14 }), async (ops) => {
      runNo += 1;
      // Each run starts from whatever the previous left: the model starts from the stored balance.
      let model = await balance();
      const awarded = new Map<string, { points: number; reversed: boolean }>();
      for (const o of ops) {
        if (o.op === 'redeem') {
          const r = await run((trx) => postEntry(trx, { memberId, orgId: h.tree.branchAId, regionId: null, delta: -o.amount, kind: 'redemption', actor: null, at: h.clock(), floor: 'refuse' }))
            .then(() => 'ok', (e: { code?: string }) => e.code);
          if (o.amount > model) expect(r).toBe('POINTS_INSUFFICIENT');
          else { expect(r).toBe('ok'); model -= o.amount; }
        } else {
          const key = `${runNo}-${o.source}-${o.rule}`;
          const src = { sourceType: 'prop', sourceId: `${runNo}-${o.source}`, ruleCode: o.rule, actor: null };
          if (o.op === 'award') {
            await run((trx) => awardPoints(trx, { ...src, memberId, at: h.clock() }));
            if (!awarded.has(key)) { awarded.set(key, { points: RULES[o.rule], reversed: false }); model += RULES[o.rule]; }
          } else {
            await run((trx) => reversePoints(trx, { ...src, reason: '撤销', at: h.clock() }));
            const a = awarded.get(key);
            const take = a && !a.reversed ? Math.min(a.points, model) : 0;
            if (a && take > 0) { a.reversed = true; model -= take; }
          }
        }
        const [b, s] = await Promise.all([balance(), sum()]);
        expect(b).toBe(model);
        expect(s).toBe(b);
        expect(b).toBeGreaterThanOrEqual(0);
      }
    }), { numRuns: 25 });
    expect(await ledgerMismatches(h)).toEqual([]);
  }, 120_000);
});
