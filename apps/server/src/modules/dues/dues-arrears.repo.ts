import type { Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import type { DuesArrearsItem } from '@dangjian/contracts';
import { ledger } from './dues-ledger.ts';
import { createDuesRepo } from './dues.repo.ts';

/** 6 consecutive unpaid months without good reason → treated as 自行脱党 (党章 Art.9). */
export const LAPSE_MONTHS = 6;

/**
 * Every member of the subtree at `orgPath` who owes dues for some month up to `asOf` (the last
 * finished month), with the months, the amount owed (fen) and the trailing unpaid run. Members
 * without a recorded base owe nothing here: their amount is unknown.
 * @example await arrearsUnder(trx, '1.5.12', '2026-10')
 */
export async function arrearsUnder(db: Kysely<DB>, orgPath: string, asOf: string): Promise<DuesArrearsItem[]> {
  const repo = createDuesRepo(db);
  const members = await repo.membersUnder(orgPath).rows();
  const ids = members.map((m) => m.id);
  const [rules, bases, payments] = await Promise.all([repo.rules(), repo.basesOf(ids), repo.paymentsOf(ids, { to: asOf })]);
  const settled = new Map<string, Set<string>>();
  for (const p of payments) {
    const s = settled.get(p.member_id) ?? new Set<string>();
    s.add(p.month.slice(0, 7));
    settled.set(p.member_id, s);
  }
  const out: DuesArrearsItem[] = [];
  for (const m of members) {
    const l = ledger({ joinedOn: m.joined_on, bases: bases.get(m.id) ?? [], settled: settled.get(m.id) ?? new Set(), rules, asOf });
    if (l.unpaidMonths.length > 0) {
      out.push({ memberId: m.id, name: m.name, orgName: m.org_name, months: l.unpaidMonths, owedFen: l.owedFen, trailingUnpaid: l.trailingUnpaid });
    }
  }
  return out;
}

/**
 * Members of the subtree unpaid for LAPSE_MONTHS or more consecutive months ending at `asOf`:
 * the branch must look into them (支部大会 decides on 自行脱党, the higher committee approves).
 * This is the function the leaving/transfers feature reads; call it inside withScope().
 * @example const flagged = await lapseCandidates(trx, branch.path, '2026-10');
 */
export async function lapseCandidates(db: Kysely<DB>, orgPath: string, asOf: string): Promise<DuesArrearsItem[]> {
  return (await arrearsUnder(db, orgPath, asOf)).filter((a) => a.trailingUnpaid >= LAPSE_MONTHS);
}

/**
 * 党费交至 of one member (for the 组织关系介绍信): the end of the unbroken run of settled months,
 * or null. For the transfers feature, inside its own withScope() transaction.
 * @example const { paidThrough } = await paidThroughOf(trx, memberId, '2026-10');
 */
export async function paidThroughOf(db: Kysely<DB>, memberId: string, asOf: string): Promise<{ paidThrough: string | null; lastPaidMonth: string | null }> {
  const repo = createDuesRepo(db);
  const member = await db.selectFrom('members').select('joined_on').where('id', '=', memberId).executeTakeFirst();
  const [rules, bases, payments] = await Promise.all([repo.rules(), repo.basesOf([memberId]), repo.paymentsOf([memberId])]);
  const l = ledger({ joinedOn: member?.joined_on ?? null, bases: bases.get(memberId) ?? [], settled: new Set(payments.map((p) => p.month.slice(0, 7))), rules, asOf });
  return { paidThrough: l.paidThrough, lastPaidMonth: l.lastPaidMonth };
}
