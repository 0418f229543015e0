import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  maskPhone, SERVICE_LIMITS, type Pairing, type PairingListQuery, type PairingPatch, type PairingRequest, type PairingVisit, type PairingVisitRequest,
} from '@dangjian/contracts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { sniffImageType } from '../sites/photo-type.ts';
import { createPairingsRepo, type PairingRow } from './pairings.repo.ts';
import { auditService, covers, fieldError, memberInScope, notFound, num, orgOr404, selfMember, SERVICE_SELF, SERVICE_WRITE } from './service-support.ts';

/** The API shape: the phone is always masked; the household's data never leaves the signed-in console. */
export const toPairing = (r: PairingRow): Pairing => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, memberId: r.member_id, memberName: r.member_name ?? null, householdName: r.household_name,
  address: r.address, hardshipKind: r.hardship_kind, phone: r.phone ? maskPhone(r.phone) : null, note: r.note, startedOn: r.started_on,
  endedOn: r.ended_on, visits: num(r.visits), lastVisitOn: r.last_visit_on,
});
type VisitRow = { id: string; pairing_id: string; visited_on: string; content: string; recorded_by_name: string | null; has_photo: boolean };
const toVisit = (v: VisitRow): PairingVisit => ({ id: v.id, pairingId: v.pairing_id, visitedOn: v.visited_on, content: v.content, hasPhoto: v.has_photo, recordedByName: v.recorded_by_name });
const snapshot = (r: PairingRow) => ({ memberId: r.member_id, householdName: r.household_name, address: r.address, hardshipKind: r.hardship_kind, startedOn: r.started_on, endedOn: r.ended_on, note: r.note, phoneSet: !!r.phone });

/**
 * 结对帮扶: a member (or the organization itself) paired with a household in hardship, and the
 * visit log with an optional photo (JPEG/PNG/WebP by magic bytes, ≤ 5 MB). Kept by the
 * secretaries of the organization; the paired member reads their own pairings and logs visits.
 * @example await pairings.addVisit(actor, pairingId, { visitedOn: '2026-11-20', content: '送去米面油，了解就医需求' });
 */
export function createPairingsService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;

  /** The pairing for a secretary of its subtree, or for the paired member themself. */
  async function access(actor: Actor, id: string) {
    const write = scopeFor(actor, SERVICE_WRITE);
    const self = await selfMember(deps.db, actor).catch(() => null);
    const scope = [...new Set([...write, ...scopeFor(actor, SERVICE_SELF)])];
    const check = async (trx: Kysely<DB>) => {
      const p = await createPairingsRepo(trx).find(id);
      if (!p || !(covers(write, p.org_path) || (self && p.member_id === self.id))) throw notFound('pairing', id);
      return p;
    };
    return { scope, check };
  }

  return {
    async list(actor: Actor, q: PairingListQuery): Promise<{ items: Pairing[]; total: number }> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, q.orgId, scope);
        const repo = createPairingsRepo(trx);
        const list = repo.list(org.path, { q: q.q, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const [ids, total] = await Promise.all([list.ids(), list.count()]);
        return { items: (await repo.byIds(ids)).map(toPairing), total };
      });
    },

    async get(actor: Actor, id: string): Promise<Pairing> {
      const a = await access(actor, id);
      return withScope(deps.db, a.scope, async (trx) => toPairing(await a.check(trx)));
    },

    async create(actor: Actor, body: PairingRequest): Promise<Pairing> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      if (body.startedOn > chinaToday(clock())) throw fieldError('VALIDATION_FAILED', 'body.startedOn', '结对日期不能晚于今天');
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, body.orgId, scope);
        if (body.memberId && !(await memberInScope(trx, body.memberId, [org.path]))) throw fieldError('VALIDATION_FAILED', 'body.memberId', '结对党员须为本组织党员');
        const repo = createPairingsRepo(trx);
        const { id } = await repo.insert({
          org_id: org.id, region_id: org.region_id, member_id: body.memberId ?? null, household_name: body.householdName, address: body.address,
          hardship_kind: body.hardshipKind, phone: body.phone ?? null, note: body.note ?? null, started_on: body.startedOn, created_by: actor.userId,
        });
        const p = (await repo.find(id))!;
        await auditService(trx, actor, { action: 'service.pairing.create', entityType: 'pairing', entityId: id, orgId: org.id, after: snapshot(p) });
        return toPairing(p);
      });
    },

    /** Edits a pairing or ends it (endedOn); a phone left out stays as it was. */
    async update(actor: Actor, id: string, body: PairingPatch): Promise<Pairing> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createPairingsRepo(trx);
        const before = await repo.find(id);
        if (!before || !covers(scope, before.org_path)) throw notFound('pairing', id);
        if (body.memberId && !(await memberInScope(trx, body.memberId, [before.org_path]))) throw fieldError('VALIDATION_FAILED', 'body.memberId', '结对党员须为本组织党员');
        const start = body.startedOn ?? before.started_on;
        if (body.endedOn && body.endedOn < start) throw fieldError('VALIDATION_FAILED', 'body.endedOn', '结束日期不能早于结对日期');
        await repo.update(id, {
          member_id: body.memberId, household_name: body.householdName, address: body.address, hardship_kind: body.hardshipKind, phone: body.phone,
          note: body.note, started_on: body.startedOn, ended_on: body.endedOn,
        });
        const after = (await repo.find(id))!;
        await auditService(trx, actor, { action: 'service.pairing.update', entityType: 'pairing', entityId: id, orgId: before.org_id, before: snapshot(before), after: snapshot(after) });
        return toPairing(after);
      });
    },

    async visits(actor: Actor, id: string): Promise<{ items: PairingVisit[] }> {
      const a = await access(actor, id);
      return withScope(deps.db, a.scope, async (trx) => {
        await a.check(trx);
        return { items: (await createPairingsRepo(trx).visits(id)).map(toVisit) };
      });
    },

    async addVisit(actor: Actor, id: string, body: PairingVisitRequest): Promise<PairingVisit> {
      const a = await access(actor, id);
      if (body.visitedOn > chinaToday(clock())) throw fieldError('VALIDATION_FAILED', 'body.visitedOn', '走访日期不能晚于今天');
      return withScope(deps.db, a.scope, async (trx) => {
        const p = await a.check(trx);
        if (p.ended_on) throw new AppError('SERVICE_PAIRING_ENDED');
        if (body.visitedOn < p.started_on) throw fieldError('VALIDATION_FAILED', 'body.visitedOn', '走访日期不能早于结对日期');
        const v = await createPairingsRepo(trx).insertVisit({
          pairing_id: id, org_id: p.org_id, region_id: p.region_id, visited_on: body.visitedOn, content: body.content, recorded_by: actor.userId, recorded_by_name: actor.displayName,
        });
        await auditService(trx, actor, { action: 'service.visit.create', entityType: 'pairing_visit', entityId: v.id, orgId: p.org_id, after: { pairingId: id, visitedOn: body.visitedOn, content: body.content } });
        return toVisit(v);
      });
    },

    /** Sets (or replaces) the photo of a visit; the type comes from the bytes and must match the declared one. */
    async setPhoto(actor: Actor, id: string, visitId: string, declared: string, data: Buffer): Promise<PairingVisit> {
      if (data.length > SERVICE_LIMITS.photoMaxBytes) throw new AppError('SERVICE_PHOTO_TOO_LARGE', { details: { field: 'body', size: data.length, max: SERVICE_LIMITS.photoMaxBytes } });
      const mime = sniffImageType(data);
      if (!mime || mime !== declared) throw new AppError('SERVICE_PHOTO_TYPE_INVALID', { details: { field: 'body', declared, detected: mime } });
      const a = await access(actor, id);
      return withScope(deps.db, a.scope, async (trx) => {
        const p = await a.check(trx);
        const repo = createPairingsRepo(trx);
        const v = await repo.visit(id, visitId);
        if (!v) throw notFound('pairing_visit', visitId);
        await repo.setPhoto(visitId, mime, data);
        await auditService(trx, actor, { action: 'service.visit.photo', entityType: 'pairing_visit', entityId: visitId, orgId: p.org_id, after: { mime, size: data.length } });
        return toVisit({ ...v, has_photo: true });
      });
    },

    async photo(actor: Actor, id: string, visitId: string) {
      const a = await access(actor, id);
      return withScope(deps.db, a.scope, async (trx) => {
        await a.check(trx);
        const v = await createPairingsRepo(trx).visit(id, visitId);
        if (!v?.photo || !v.photo_mime) throw notFound('pairing_visit_photo', visitId);
        return { mime: v.photo_mime, data: Buffer.from(v.photo) };
      });
    },

    /** The member's own active pairings (for 我的服务). */
    async ofSelf(trx: Kysely<DB>, memberId: string) {
      return (await createPairingsRepo(trx).ofMember(memberId)).map(toPairing);
    },
  };
}
