import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type {
  LeaderboardQuery, LeaderboardResponse, PointRuleRequest, PointRulesResponse, PointsAdjustmentRequest, PointsEntry, PointsMemberDetail,
  PointsMemberListQuery, PointsMemberListResponse, PointsMineResponse, PointsSettings, PointsSettingsRequest, PointsStatus,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { periodOf, postEntry } from './points-ledger.ts';
import { periodRange, ranked } from './points-periods.ts';
import { createPointsRepo, type PointsMemberRow } from './points.repo.ts';
import { createShopRepo } from './points-shop.repo.ts';
import { toEntry, toOrder } from './points-view.ts';
import { leaderboardWorkbook } from './points-workbook.ts';

export interface PointsDeps { db: Kysely<DB>; clock?: Clock }

/** Points are kept by the branch secretaries and 组织委员 (and the committees above them). */
export const POINTS_PERM = 'members:write' as const;

type Audit = { action: string; entityType: string; entityId: string; orgId: string; before?: unknown; after?: unknown };
/** Appends the audit row of a points write, in the write's transaction. */
export const auditPoints = (trx: Kysely<DB>, actor: Actor, e: Audit) =>
  appendAudit(trx, { actorUserId: actor.userId, actorName: actor.displayName, ip: actor.ip, ...e });

/** Throws POINTS_DISABLED when the locality of `path` has switched points off. */
export async function requireEnabled(trx: Kysely<DB>, path: string, ranking = false) {
  const s = await createPointsRepo(trx).settingsFor(path);
  if (!s.enabled) throw new AppError('POINTS_DISABLED');
  if (ranking && !s.rankingEnabled) throw new AppError('POINTS_RANKING_DISABLED');
  return s;
}

async function memberDetail(trx: Kysely<DB>, m: PointsMemberRow): Promise<PointsMemberDetail> {
  const repo = createPointsRepo(trx);
  const [balance, entries, orders] = await Promise.all([repo.balanceOf(m.id), repo.entriesOf(m.id), createShopRepo(trx).ordersOfMember(m.id)]);
  return { memberId: m.id, name: m.name, orgName: m.org_name, balance, entries: entries.map(toEntry), orders: orders.map(toOrder) };
}

/**
 * Settings, rules, balances, adjustments and the leaderboard. Every call runs in withScope() with
 * an explicit scope filter too; every write is audited in its transaction.
 * @example await points.adjust(actor, { memberId, delta: 10, reason: '抗洪抢险表现突出' });
 */
export function createPointsService(deps: PointsDeps) {
  const clock = deps.clock ?? systemClock;
  const orgOr404 = async (trx: Kysely<DB>, orgId: string, scope: string[]) => {
    const org = await createPointsRepo(trx).orgInScope(orgId, scope);
    if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
    return org;
  };
  const memberOr404 = async (trx: Kysely<DB>, memberId: string, scope: string[]) => {
    const m = await createPointsRepo(trx).memberInScope(memberId, scope);
    if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: memberId } });
    return m;
  };

  return {
    /** Whether the menu shows for the signed-in user: their member record's locality, else their first role's. */
    async status(actor: Actor): Promise<PointsStatus> {
      const scope = scopeFor(actor, 'orgs:read');
      const canManage = scopeFor(actor, POINTS_PERM).length > 0;
      // The user's own row, read before the scoped transaction (one connection on PGlite).
      const memberId = await createPointsRepo(deps.db).memberIdOfUser(actor.userId);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createPointsRepo(trx);
        const m = memberId ? await repo.memberInScope(memberId, scope) : undefined;
        const path = m?.org_path ?? actor.roles[0]?.orgPath;
        const s = path ? await repo.settingsFor(path) : { enabled: false, rankingEnabled: false };
        return { enabled: s.enabled, rankingEnabled: s.enabled && s.rankingEnabled, isMember: !!m, canManage };
      });
    },

    async settings(actor: Actor, orgId: string): Promise<PointsSettings> {
      const scope = scopeFor(actor, POINTS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, orgId, scope);
        return { orgId, ...(await createPointsRepo(trx).settingsFor(org.path)) };
      });
    },

    /** Switches points (and rankings) on or off for a subtree; descendants inherit unless they set their own. */
    async setSettings(actor: Actor, body: PointsSettingsRequest): Promise<PointsSettings> {
      const scope = scopeFor(actor, POINTS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, body.orgId, scope);
        const repo = createPointsRepo(trx);
        const before = await repo.settingsFor(org.path);
        await repo.upsertSettings(org.id, body.enabled, body.rankingEnabled, actor.userId);
        const after = await repo.settingsFor(org.path);
        await auditPoints(trx, actor, { action: 'points.settings.set', entityType: 'org', entityId: org.id, orgId: org.id, before, after });
        return { orgId: org.id, ...after };
      });
    },

    async rules(actor: Actor, orgId: string): Promise<PointRulesResponse> {
      const scope = scopeFor(actor, 'orgs:read');
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, orgId, scope);
        return { items: await createPointsRepo(trx).rulesFor(org.path, periodOf(clock())) };
      });
    },

    /** Sets a rule item for a subtree (overriding the same code above it), or switches it off there. */
    async setRule(actor: Actor, body: PointRuleRequest): Promise<PointRulesResponse> {
      const scope = scopeFor(actor, POINTS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, body.orgId, scope);
        const repo = createPointsRepo(trx);
        const before = await repo.findLocalRule(org.id, body.code);
        const v = { label: body.label, points: body.points, category: body.category, active: body.active, effective_from: body.effectiveFrom ?? null, effective_to: body.effectiveTo ?? null };
        if (before) await trx.updateTable('point_rules').set({ ...v, updated_at: new Date() }).where('id', '=', before.id).execute();
        else await trx.insertInto('point_rules').values({ ...v, org_id: org.id, code: body.code }).execute();
        await auditPoints(trx, actor, { action: 'points.rule.set', entityType: 'org', entityId: org.id, orgId: org.id, before: before ?? null, after: { code: body.code, ...v } });
        return { items: await repo.rulesFor(org.path, periodOf(clock())) };
      });
    },

    /** The signed-in member's balance, entries and orders. */
    async mine(actor: Actor): Promise<PointsMineResponse> {
      const scope = scopeFor(actor, 'members:read');
      // The user's own row, read before the scoped transaction (one connection on PGlite).
      const memberId = await createPointsRepo(deps.db).memberIdOfUser(actor.userId);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createPointsRepo(trx);
        const m = memberId ? await repo.memberInScope(memberId, scope) : undefined;
        if (!m) return { enabled: false, member: null };
        const s = await repo.settingsFor(m.org_path);
        return { enabled: s.enabled, member: s.enabled ? await memberDetail(trx, m) : null };
      });
    },

    async list(actor: Actor, q: PointsMemberListQuery): Promise<PointsMemberListResponse> {
      const scope = scopeFor(actor, POINTS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, q.orgId, scope);
        await requireEnabled(trx, org.path);
        const list = createPointsRepo(trx).membersUnder(org.path, { q: q.q, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const [rows, total] = await Promise.all([list.rows(), list.count()]);
        return { items: rows.map((r) => ({ memberId: r.id, name: r.name, orgName: r.org_name, balance: r.balance })), total };
      });
    },

    async detail(actor: Actor, memberId: string): Promise<PointsMemberDetail> {
      const scope = scopeFor(actor, POINTS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const m = await memberOr404(trx, memberId, scope);
        await requireEnabled(trx, m.org_path);
        return memberDetail(trx, m);
      });
    },

    /** A secretary's manual adjustment with its reason; a deduction beyond the balance is refused. */
    async adjust(actor: Actor, body: PointsAdjustmentRequest): Promise<PointsEntry> {
      const scope = scopeFor(actor, POINTS_PERM);
      return withScope(deps.db, scope, async (trx) => {
        const m = await memberOr404(trx, body.memberId, scope);
        await requireEnabled(trx, m.org_path);
        const before = await createPointsRepo(trx).balanceOf(m.id);
        const entry = await postEntry(trx, {
          memberId: m.id, orgId: m.org_id, regionId: m.region_id, delta: body.delta, kind: 'adjustment', actor: actor.userId,
          note: body.reason, at: clock(), floor: 'refuse',
        });
        await auditPoints(trx, actor, { action: 'points.adjust', entityType: 'member', entityId: m.id, orgId: m.org_id, before: { balance: before }, after: { balance: before + body.delta, delta: body.delta, reason: body.reason } });
        return toEntry(entry!);
      });
    },

    /** 积分榜 of a subtree for a year, quarter or month, from the monthly summary (earned points only). */
    async leaderboard(actor: Actor, q: LeaderboardQuery): Promise<LeaderboardResponse> {
      const scope = scopeFor(actor, 'members:read');
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, q.orgId, scope);
        await requireEnabled(trx, org.path, true);
        const range = periodRange(q.period, q.key, chinaToday(clock()));
        const rows = await createPointsRepo(trx).leaderboard(org.path, range.from, range.to, q.limit);
        return { period: q.period, key: range.key, items: ranked(rows).map((r) => ({ rank: r.rank, memberId: r.id, name: r.name, orgName: r.org_name, earned: r.earned })) };
      });
    },

    /** The leaderboard as an Excel file for posting. */
    async leaderboardWorkbook(actor: Actor, q: LeaderboardQuery): Promise<{ fileName: string; buffer: Buffer }> {
      const board = await this.leaderboard(actor, q);
      const scope = scopeFor(actor, 'members:read');
      const org = await withScope(deps.db, scope, (trx) => orgOr404(trx, q.orgId, scope));
      return { fileName: `${org.name}-${board.key}-积分榜.xlsx`, buffer: await leaderboardWorkbook(org.name, board) };
    },
  };
}

export type PointsService = ReturnType<typeof createPointsService>;
