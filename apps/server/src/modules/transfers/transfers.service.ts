import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  MEMBER_HOME_ORG_TYPES, type InternalTransferRequest, type Transfer, type TransferListQuery, type TransferListResponse,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { createTransfersRepo } from './transfers.repo.ts';
import { toTransfer } from './transfer-view.ts';

export interface TransfersDeps { db: Kysely<DB>; clock?: Clock }

const notFound = (id: string) => new AppError('NOT_FOUND', { details: { entity: 'transfer', id } });
const isHome = (type: string) => (MEMBER_HOME_ORG_TYPES as readonly string[]).includes(type);
const audit = (actor: Actor) => ({ actorUserId: actor.userId, actorName: actor.displayName, ip: actor.ip });

/**
 * Transfers inside the tree (D8). A secretary whose write scope covers both ends moves the
 * member at once; otherwise the sender's request waits in the receiver's 转入 queue until the
 * receiving side accepts. Every write is one transaction as the app role, with member_history
 * and the audit entry (before/after) committed together.
 * @example await transfers.internal(secretaryOfTown, { memberId: '42', toOrgId: '7', reason: '工作调动' })
 */
export function createTransfersService(deps: TransfersDeps) {
  const clock = deps.clock ?? systemClock;

  /** Reads one transfer through RLS and the explicit scope filter. */
  async function get(actor: Actor, id: string): Promise<Transfer> {
    const scope = scopeFor(actor, 'members:write');
    const row = await withScope(deps.db, scope, (trx) => createTransfersRepo(trx).findInScope(id, scope));
    if (!row) throw notFound(id);
    return toTransfer(row, scope);
  }

  /**
   * Accepting moves a member the receiver cannot see (it sits in the sender's subtree). After
   * checking that the transfer is pending and addressed to the caller's subtree, the transaction
   * widens its RLS scope by the sender's org only; the repo touches that one member only.
   */
  async function decide(actor: Actor, id: string, accept: boolean, note?: string): Promise<Transfer> {
    const scope = scopeFor(actor, 'members:write');
    const row = await withScope(deps.db, scope, (trx) => createTransfersRepo(trx).findInScope(id, scope));
    if (!row) throw notFound(id);
    if (!row.to_path || !scope.some((r) => isUnder(row.to_path!, r))) throw new AppError('FORBIDDEN');
    if (row.status !== 'pending') throw new AppError('TRANSFER_NOT_PENDING');
    const from = await deps.db.selectFrom('orgs').select('path').where('id', '=', row.from_org_id!).executeTakeFirstOrThrow();
    await withScope(deps.db, accept ? [...scope, from.path] : scope, async (trx) => {
      const repo = createTransfersRepo(trx);
      if ((await repo.lock(id))?.status !== 'pending') throw new AppError('TRANSFER_NOT_PENDING');
      if (accept) {
        const member = await repo.member(row.member_id, [from.path]);
        const target = await repo.org(row.to_org_id!, scope);
        if (!member || member.org_id !== row.from_org_id || !target || target.status !== 'active') throw new AppError('TRANSFER_NOT_PENDING');
        await repo.moveMember(member.id, target.id, target.region_id);
        await repo.appendHistory({ memberId: member.id, actorUserId: actor.userId, actorName: actor.displayName, fromOrgId: member.org_id, toOrgId: target.id, reason: row.reason ?? '组织关系转接' });
      }
      await repo.update(id, { status: accept ? 'done' : 'rejected', decided_by: actor.userId, decided_at: clock(), decision_note: note ?? null });
      await appendAudit(trx, {
        ...audit(actor), action: accept ? 'transfer.accept' : 'transfer.reject', entityType: 'transfer', entityId: id, orgId: row.to_org_id,
        before: { status: 'pending', memberId: row.member_id, orgId: row.from_org_id },
        after: { status: accept ? 'done' : 'rejected', orgId: accept ? row.to_org_id : row.from_org_id, note: note ?? null },
      });
    });
    return get(actor, id);
  }

  return {
    get,
    accept: (actor: Actor, id: string, note?: string) => decide(actor, id, true, note),
    reject: (actor: Actor, id: string, note?: string) => decide(actor, id, false, note),

    async list(actor: Actor, q: TransferListQuery): Promise<TransferListResponse> {
      const scope = scopeFor(actor, 'members:write');
      const { rows, total } = await withScope(deps.db, scope, (trx) => createTransfersRepo(trx).list(scope, q, chinaToday(clock())));
      return { items: rows.map((r) => toTransfer(r, scope)), total };
    },

    /**
     * Organizations a member can be sent to inside the tree: active 党支部/党小组 anywhere, found
     * by name. Names of organizations are not confidential; members stay hidden.
     */
    async destinations(actor: Actor, q: string) {
      if (scopeFor(actor, 'members:write').length === 0) throw new AppError('FORBIDDEN');
      const rows = await deps.db.selectFrom('orgs').select(['id', 'name', 'type'])
        .where('status', '=', 'active').where('type', 'in', [...MEMBER_HOME_ORG_TYPES])
        .where('name', 'like', `%${q}%`).orderBy('name').limit(20).execute();
      return { items: rows.map((r) => ({ id: r.id, name: r.name })) };
    },

    async internal(actor: Actor, body: InternalTransferRequest): Promise<Transfer> {
      const scope = scopeFor(actor, 'members:write');
      // The receiving org may lie outside the caller's scope (RLS would hide it), so the owner
      // connection checks it exists, before the scoped transaction (PGlite has one connection).
      const target = await deps.db.selectFrom('orgs').select(['id', 'name', 'type', 'path', 'status', 'region_id']).where('id', '=', body.toOrgId).executeTakeFirst();
      const id = await withScope(deps.db, scope, async (trx) => {
        const repo = createTransfersRepo(trx);
        const member = await repo.member(body.memberId, scope);
        if (!member) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: body.memberId } });
        if (member.org_id === body.toOrgId) throw new AppError('TRANSFER_SAME_ORG', { details: { fields: [{ field: 'body.toOrgId', message: '与当前组织相同' }] } });
        if (await repo.openFor(member.id)) throw new AppError('TRANSFER_ALREADY_PENDING');
        if (!target || target.status !== 'active') throw new AppError('NOT_FOUND', { details: { entity: 'org', id: body.toOrgId } });
        if (!isHome(target.type)) throw new AppError('MEMBER_ORG_NOT_HOME', { details: { fields: [{ field: 'body.toOrgId', message: '请选择党支部或党小组' }] } });
        const oneStep = scope.some((r) => isUnder(target.path, r));
        if (oneStep) {
          await repo.moveMember(member.id, target.id, target.region_id);
          await repo.appendHistory({ memberId: member.id, actorUserId: actor.userId, actorName: actor.displayName, fromOrgId: member.org_id, toOrgId: target.id, reason: body.reason });
        }
        const tid = await repo.insert({
          kind: 'internal', status: oneStep ? 'done' : 'pending', member_id: member.id, member_name: member.name,
          from_org_id: member.org_id, to_org_id: target.id, reason: body.reason, requested_by: actor.userId,
          decided_by: oneStep ? actor.userId : null, decided_at: oneStep ? clock() : null,
        });
        await appendAudit(trx, {
          ...audit(actor), action: oneStep ? 'transfer.internal' : 'transfer.request', entityType: 'transfer', entityId: tid, orgId: member.org_id,
          before: { memberId: member.id, orgId: member.org_id }, after: { status: oneStep ? 'done' : 'pending', toOrgId: target.id, reason: body.reason },
        });
        return tid;
      });
      return get(actor, id);
    },

    /** The sender withdraws its own pending request. */
    async cancel(actor: Actor, id: string): Promise<Transfer> {
      const scope = scopeFor(actor, 'members:write');
      await withScope(deps.db, scope, async (trx) => {
        const repo = createTransfersRepo(trx);
        const row = await repo.findInScope(id, scope);
        if (!row) throw notFound(id);
        if (!row.from_path || !scope.some((r) => isUnder(row.from_path!, r))) throw new AppError('FORBIDDEN');
        if ((await repo.lock(id))?.status !== 'pending') throw new AppError('TRANSFER_NOT_PENDING');
        await repo.update(id, { status: 'cancelled', decided_by: actor.userId, decided_at: clock() });
        await appendAudit(trx, { ...audit(actor), action: 'transfer.cancel', entityType: 'transfer', entityId: id, orgId: row.from_org_id, before: { status: 'pending' }, after: { status: 'cancelled' } });
      });
      return get(actor, id);
    },
  };
}

export type TransfersService = ReturnType<typeof createTransfersService>;
