import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { FloatingCreateRequest, FloatingListQuery, FloatingListResponse, FloatingMember } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { pathInScope } from '../orgs/orgs.repo.ts';
import { createTransfersRepo } from './transfers.repo.ts';

type Tx = Parameters<Parameters<typeof withScope>[2]>[0];
function select(trx: Tx, scope: readonly string[]) {
  return trx.selectFrom('floating_members as f').innerJoin('orgs as o', 'o.id', 'f.org_id').selectAll('f').select('o.name as org_name')
    .where((eb) => pathInScope(eb.ref('o.path'), scope));
}
type Row = Awaited<ReturnType<ReturnType<typeof select>['executeTakeFirstOrThrow']>>;
const view = (r: Row): FloatingMember => ({
  id: r.id, direction: r.direction, orgId: r.org_id, orgName: r.org_name, memberId: r.member_id, name: r.name, phone: r.phone,
  place: r.place, contact: r.contact, startOn: r.start_on, endOn: r.end_on, status: r.status, remarks: r.remarks,
});

/**
 * 流动党员: members going out (registered by their home branch with destination, contact and
 * period) and members coming in (hosted by a branch of the caller's subtree). Scoped by org_id.
 * @example await floating.create(secretaryA, { direction: 'out', orgId: '7', memberId: '42', place: '广东省深圳市', startOn: '2026-03-01' })
 */
export function createFloatingService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  return {
    async list(actor: Actor, q: FloatingListQuery): Promise<FloatingListResponse> {
      const scope = scopeFor(actor, 'members:write');
      return withScope(deps.db, scope, async (trx) => {
        let query = select(trx, scope);
        if (q.direction) query = query.where('f.direction', '=', q.direction);
        if (q.status) query = query.where('f.status', '=', q.status);
        const [rows, total] = await Promise.all([
          query.orderBy('f.start_on', 'desc').orderBy('f.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
          query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
        ]);
        return { items: rows.map(view), total: Number(total.n) };
      });
    },

    async create(actor: Actor, body: FloatingCreateRequest): Promise<FloatingMember> {
      const scope = scopeFor(actor, 'members:write');
      return withScope(deps.db, scope, async (trx) => {
        const repo = createTransfersRepo(trx);
        const org = await repo.org(body.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: body.orgId } });
        let name = body.name ?? '';
        let phone = body.phone ?? null;
        if (body.direction === 'out') {
          const m = await repo.member(body.memberId!, [org.path]);
          if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'member', id: body.memberId } });
          name = m.name;
          phone = phone ?? m.phone;
        }
        const r = await trx.insertInto('floating_members').values({
          direction: body.direction, org_id: org.id, member_id: body.direction === 'out' ? body.memberId! : null, name, phone,
          place: body.place, contact: body.contact ?? null, start_on: body.startOn, end_on: body.endOn ?? null,
          remarks: body.remarks ?? null, created_by: actor.userId,
        }).returning('id').executeTakeFirstOrThrow();
        await appendAudit(trx, { actorUserId: actor.userId, actorName: actor.displayName, ip: actor.ip, action: 'floating.create', entityType: 'floating_member', entityId: r.id, orgId: org.id, before: null, after: { ...body, name } });
        return view(await select(trx, scope).where('f.id', '=', r.id).executeTakeFirstOrThrow());
      });
    },

    /** Ends a registration (returned home, or left the hosting place) as of today. */
    async end(actor: Actor, id: string): Promise<FloatingMember> {
      const scope = scopeFor(actor, 'members:write');
      return withScope(deps.db, scope, async (trx) => {
        const row = await select(trx, scope).where('f.id', '=', id).executeTakeFirst();
        if (!row) throw new AppError('NOT_FOUND', { details: { entity: 'floating_member', id } });
        if (row.status === 'ended') throw new AppError('FLOATING_ALREADY_ENDED');
        const today = chinaToday(clock());
        const endOn = row.start_on > today ? row.start_on : today;
        await trx.updateTable('floating_members').set({ status: 'ended', end_on: endOn, updated_at: sql<Date>`now()` }).where('id', '=', id).execute();
        await appendAudit(trx, { actorUserId: actor.userId, actorName: actor.displayName, ip: actor.ip, action: 'floating.end', entityType: 'floating_member', entityId: id, orgId: row.org_id, before: { status: 'active', endOn: row.end_on }, after: { status: 'ended', endOn } });
        return view(await select(trx, scope).where('f.id', '=', id).executeTakeFirstOrThrow());
      });
    },
  };
}
