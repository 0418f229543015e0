import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  EXIT_MEASURES, maskIdNumber, maskPhone,
  type LapseQuery, type LapseResponse, type MemberExit, type MemberExitCreateRequest, type MemberExitDetail,
  type MemberExitListQuery, type MemberExitListResponse,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { createTransfersRepo, includeExited } from './transfers.repo.ts';
import { createExitsRepo, type ExitRow } from './exits.repo.ts';
import { lapseCandidates as duesLapseCandidates } from '../dues/dues-arrears.repo.ts';

const iso = (v: Date | string) => (typeof v === 'string' ? v : v.toISOString());
function toExit(r: ExitRow): MemberExit {
  return {
    id: r.id, memberId: r.member_id, orgId: r.org_id, orgName: r.org_name, name: r.name, kind: r.kind, measure: r.measure,
    removes: r.removes, decidedOn: r.decided_on, decision: r.decision, approver: r.approver, reason: r.reason,
    transferId: r.transfer_id, createdAt: iso(r.created_at),
  };
}

/** 'YYYY-MM-DD' six months before `today` (day clamped to the month's end). */
export function sixMonthsBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 - 6, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

/**
 * Leaving the Party and other dispositions (D2). A measure that removes the member (劝退, 除名,
 * 开除党籍, 自行脱党, 死亡, 退党) archives a snapshot of the member row in member_exits and sets
 * members.active = false, so every roster stops showing the member while attendance and history
 * keep their references. Measures that keep the member (限期改正, 警告 …) are recorded the same
 * way with removes = false. Readable by the secretaries and org department of the subtree the
 * member belonged to at the decision.
 * @example await exits.create(secretaryA, { memberId: '42', kind: 'death', measure: '死亡', decidedOn: '2026-11-20', decision: '支部核实' })
 */
export function createExitsService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  return {
    async create(actor: Actor, body: MemberExitCreateRequest): Promise<MemberExit> {
      const scope = scopeFor(actor, 'members:write');
      const today = chinaToday(clock());
      if (body.decidedOn > today) throw new AppError('MEMBER_EXIT_DATE_FUTURE', { details: { fields: [{ field: 'body.decidedOn', message: '不能晚于今天' }] } });
      const measures: Record<string, boolean> = EXIT_MEASURES[body.kind];
      const removes = measures[body.measure];
      if (removes === undefined) throw new AppError('MEMBER_EXIT_MEASURE_INVALID', { details: { fields: [{ field: 'body.measure', message: '处置方式与类别不匹配' }] } });
      const id = await withScope(deps.db, scope, async (trx) => {
        const member = await createTransfersRepo(trx).member(body.memberId, scope);
        if (!member) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: body.memberId } });
        const exits = createExitsRepo(trx);
        const snapshot = await exits.snapshotOf(member.id);
        if (removes) {
          await includeExited(trx);
          await createTransfersRepo(trx).deactivateMember(member.id);
        }
        const eid = await exits.insert({
          memberId: member.id, orgId: member.org_id, name: member.name, kind: body.kind, measure: body.measure, removes,
          decidedOn: body.decidedOn, decision: body.decision, approver: body.approver ?? null, reason: body.reason ?? null,
          snapshot: { ...snapshot }, transferId: null, createdBy: actor.userId,
        });
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.displayName, ip: actor.ip, action: 'member.exit', entityType: 'member_exit', entityId: eid,
          orgId: member.org_id, before: { memberId: member.id, active: true },
          after: { active: !removes, kind: body.kind, measure: body.measure, decidedOn: body.decidedOn, decision: body.decision },
        });
        return eid;
      });
      return (await this.detail(actor, id));
    },

    async list(actor: Actor, q: MemberExitListQuery): Promise<MemberExitListResponse> {
      const scope = scopeFor(actor, 'members:write');
      return withScope(deps.db, scope, async (trx) => {
        let under: string | null = null;
        if (q.orgId) {
          const org = await createTransfersRepo(trx).org(q.orgId, scope);
          if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: q.orgId } });
          under = org.path;
        }
        const { rows, total } = await createExitsRepo(trx).list(scope, q, under);
        return { items: rows.map(toExit), total };
      });
    },

    /** The archived record with the snapshot; ID number and phone masked as everywhere else. */
    async detail(actor: Actor, id: string): Promise<MemberExitDetail> {
      const scope = scopeFor(actor, 'members:write');
      const row = await withScope(deps.db, scope, (trx) => createExitsRepo(trx).find(id, scope));
      if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'member_exit', id } });
      const s = { ...row.snapshot };
      if (typeof s.id_number === 'string') s.id_number = maskIdNumber(s.id_number);
      if (typeof s.phone === 'string') s.phone = maskPhone(s.phone);
      return { ...toExit(row), snapshot: s };
    },

    /**
     * Members of a subtree with 6 months without organizational life or without dues (党章
     * Art.9), for the branch to decide: the attendance rule from meeting records, the dues rule
     * from the dues ledger (dues feature), merged per member. No organizational life first.
     */
    async lapse(actor: Actor, q: LapseQuery): Promise<LapseResponse> {
      const scope = scopeFor(actor, 'members:write');
      const today = chinaToday(clock());
      const since = sixMonthsBefore(today);
      const lastMonth = previousMonth(today);
      return withScope(deps.db, scope, async (trx) => {
        const orgId = q.orgId;
        const roots = orgId ? [(await createTransfersRepo(trx).org(orgId, scope))?.path] : scope;
        if (roots.length === 0 || roots.some((r) => !r)) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
        // One subtree per call: the caller's first root unless an org was chosen.
        const root = roots[0]!;
        const life = (await createExitsRepo(trx).lapseCandidates(root, since, 1, 100_000)).rows;
        const dues = await duesLapseCandidates(trx, root, lastMonth);
        const duesBy = new Map(dues.map((d) => [d.memberId, d.trailingUnpaid]));
        const months = (d: string | null) => (d ? (Number(today.slice(0, 4)) - Number(d.slice(0, 4))) * 12 + Number(today.slice(5, 7)) - Number(d.slice(5, 7)) : null);
        const items: LapseResponse['items'] = life.map((r) => ({
          memberId: r.id, name: r.name, orgId: r.org_id, orgName: r.org_name, lastPresentOn: r.last_on ?? null, monthsAbsent: months(r.last_on ?? null),
          duesUnpaidMonths: duesBy.get(r.id) ?? 0, reasons: duesBy.has(r.id) ? ['no_life', 'no_dues'] : ['no_life'],
        }));
        const listed = new Set(items.map((i) => i.memberId));
        const duesOnly = dues.filter((d) => !listed.has(d.memberId)).map((d) => d.memberId);
        if (duesOnly.length > 0) {
          const rows = await trx.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
            .select(['m.id', 'm.name', 'm.org_id', 'o.name as org_name']).where('m.id', 'in', duesOnly).orderBy('m.name_pinyin').execute();
          for (const r of rows) {
            items.push({ memberId: r.id, name: r.name, orgId: r.org_id, orgName: r.org_name, lastPresentOn: null, monthsAbsent: null, duesUnpaidMonths: duesBy.get(r.id) ?? 0, reasons: ['no_dues'] });
          }
        }
        const start = (q.page - 1) * q.pageSize;
        return { since, total: items.length, items: items.slice(start, start + q.pageSize) };
      });
    },
  };
}

/** 'YYYY-MM' of the month before the given 'YYYY-MM-DD'. */
function previousMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

export type ExitsService = ReturnType<typeof createExitsService>;
