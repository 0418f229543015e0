import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '@dangjian/db';
import { AppError } from '../../lib/errors.ts';
import { createPointsRepo } from './points.repo.ts';

type Entry = Selectable<DB['points_entries']>;
type PointsEntryKind = Entry['kind'];

/** First day of the China-time (UTC+8) month of `at`: the period an entry counts in. */
export function periodOf(at: Date): string {
  const d = new Date(at.getTime() + 8 * 3600_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
}

/** Redemptions and their refunds are spending; everything else counts towards the leaderboard. */
const isSpending = (kind: PointsEntryKind) => kind === 'redemption' || kind === 'redemption_refund';

export interface PostEntry {
  memberId: string; orgId: string; regionId: string | null; delta: number; kind: PointsEntryKind;
  ruleCode?: string | null; sourceType?: string | null; sourceId?: string | null; reversalOf?: string | null;
  actor: string | null; note?: string | null; at: Date;
  /** 'refuse' (redemptions, adjustments): throw when the balance would go below 0. 'clamp' (reversals,
   * deduction rules): take at most what is there, the floor-0 rule of the schemes in DOMAIN §6. */
  floor: 'refuse' | 'clamp';
}

/**
 * Writes one ledger entry and keeps the derived rows (balance, monthly summary) equal to the ledger,
 * all in the caller's transaction. The balance row is locked first (SELECT … FOR UPDATE), so two
 * concurrent spenders of one member serialize and the second sees the first's result; the
 * CHECK (balance >= 0) on the row is the last line of defence.
 * Returns null when nothing was written (an award already given, or a clamp to 0).
 */
export async function postEntry(trx: Kysely<DB>, e: PostEntry): Promise<Entry | null> {
  await trx.insertInto('points_balances').values({ member_id: e.memberId, org_id: e.orgId, balance: 0 })
    .onConflict((oc) => oc.column('member_id').doNothing()).execute();
  const { balance } = await trx.selectFrom('points_balances').select('balance').where('member_id', '=', e.memberId).forUpdate().executeTakeFirstOrThrow();
  let delta = e.delta;
  if (balance + delta < 0) {
    if (e.floor === 'refuse') throw new AppError('POINTS_INSUFFICIENT', { details: { balance, needed: -delta } });
    delta = -balance;
  }
  if (delta === 0) return null;
  const period = periodOf(e.at);
  const entry = await trx.insertInto('points_entries').values({
    member_id: e.memberId, org_id: e.orgId, region_id: e.regionId, delta, kind: e.kind, rule_code: e.ruleCode ?? null,
    source_type: e.sourceType ?? null, source_id: e.sourceId ?? null, reversal_of: e.reversalOf ?? null, actor: e.actor,
    note: e.note ?? null, period, created_at: e.at,
  }).onConflict((oc) => oc.doNothing()).returningAll().executeTakeFirst();
  if (!entry) return null; // the award (or reversal) exists already: idempotent
  await trx.updateTable('points_balances').set({ balance: balance + delta, org_id: e.orgId }).where('member_id', '=', e.memberId).execute();
  const earned = isSpending(e.kind) ? 0 : delta;
  const spent = isSpending(e.kind) ? delta : 0;
  await trx.insertInto('points_monthly').values({ member_id: e.memberId, period, org_id: e.orgId, earned, spent })
    .onConflict((oc) => oc.columns(['member_id', 'period']).doUpdateSet({
      earned: sql`points_monthly.earned + excluded.earned`, spent: sql`points_monthly.spent + excluded.spent`, org_id: sql`excluded.org_id`,
    })).execute();
  return entry;
}

export interface AwardInput { memberId: string; ruleCode: string; sourceType: string; sourceId: string; actor: string | null; at?: Date; note?: string }

/**
 * Awards the points of a rule for a source, once: the wishes feature calls it inside its own
 * withScope transaction when a resident confirms a wish. No-op (null) when the points were already
 * awarded for this source and rule, when the member's locality has points switched off, or when the
 * locality switched the rule off. The points come from the nearest ancestor's rule.
 * @example await withScope(db, scope, (trx) => awardPoints(trx, { memberId, ruleCode: 'wish_fulfilled', sourceType: 'wish', sourceId: wish.id, actor: actor.userId }));
 */
export async function awardPoints(trx: Kysely<DB>, input: AwardInput): Promise<Entry | null> {
  const repo = createPointsRepo(trx);
  const at = input.at ?? new Date();
  const m = await repo.memberRow(input.memberId);
  if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: input.memberId } });
  if (!(await repo.settingsFor(m.org_path)).enabled) return null;
  const rule = (await repo.rulesFor(m.org_path, periodOf(at))).find((r) => r.code === input.ruleCode);
  if (!rule) throw new AppError('POINTS_RULE_UNKNOWN', { details: { ruleCode: input.ruleCode } });
  if (!rule.active) return null;
  return postEntry(trx, {
    memberId: m.id, orgId: m.org_id, regionId: m.region_id, delta: rule.points, kind: 'award', ruleCode: rule.code,
    sourceType: input.sourceType, sourceId: input.sourceId, actor: input.actor, note: input.note ?? rule.label, at, floor: 'clamp',
  });
}

export interface ReverseInput { sourceType: string; sourceId: string; ruleCode: string; actor: string | null; reason: string; at?: Date }

/**
 * Reverses the award for a source (e.g. a confirmed wish later found false), once, by posting a
 * reversal entry; the award stays in the ledger. Points already spent are not clawed back below 0.
 * @example await reversePoints(trx, { sourceType: 'wish', sourceId: wish.id, ruleCode: 'wish_fulfilled', actor: actor.userId, reason: '群众反映未完成' });
 */
export async function reversePoints(trx: Kysely<DB>, input: ReverseInput): Promise<Entry | null> {
  const award = await createPointsRepo(trx).awardFor(input.sourceType, input.sourceId, input.ruleCode);
  if (!award) return null;
  return postEntry(trx, {
    memberId: award.member_id, orgId: award.org_id, regionId: award.region_id, delta: -award.delta, kind: 'reversal',
    ruleCode: award.rule_code, sourceType: award.source_type, sourceId: award.source_id, reversalOf: award.id,
    actor: input.actor, note: input.reason, at: input.at ?? new Date(), floor: 'clamp',
  });
}
