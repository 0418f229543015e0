import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import {
  ageAt, chinaToday, maskIdNumber, maskPhone, MEMBER_SORT_CODES,
  type MemberDetail, type MemberHistoryResponse, type MemberListQuery, type MemberListResponse, type MemberRevealResponse,
} from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { can, scopeFor, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { appendAudit } from '../audit/audit.repo.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { createMembersRepo, type MemberKeyset, type MemberListFilter, type MemberOrder } from './members.repo.ts';
import { createMemberRecordRepo } from './member-record.repo.ts';
import { createMemberHistoryRepo } from './member-history.repo.ts';
import { toDetail, toHistoryEntry } from './member-view.ts';
import { createMemberWrites } from './member-writes.ts';

/** Age in whole years on `today` for a 'YYYY-MM-DD' birth date. */
export const ageOn = ageAt;

export interface MembersDeps {
  db: Kysely<DB>;
  clock: Clock;
}

function badCursor(): AppError {
  return new AppError('VALIDATION_FAILED', { details: { fields: [{ field: 'querystring.cursor', message: '分页游标无效' }] } });
}

/**
 * A cursor carries its order, so a cursor of one sort is never read as another's key, and the
 * total counted for page 1, so later pages skip the count (on a whole district it costs more
 * than the page itself). Cursors of the first version ([pinyin, id]) still work for the default order.
 */
function readCursor(cursor: string | undefined, o: MemberOrder): (MemberKeyset & { total: number | null }) | null {
  if (!cursor) return null;
  const v = decodeCursor(cursor, 5) ?? (o.sort === 'name' && o.order === 'asc' ? decodeCursor(cursor, 2) : null);
  if (!v) throw badCursor();
  if (v.length === 2) return { key: String(v[0]), id: String(v[1]), total: null };
  if (v[0] !== o.sort || v[1] !== o.order || !/^\d{1,18}$/.test(String(v[3])) || typeof v[4] !== 'number') throw badCursor();
  if (o.sort !== 'name' && !/^\d{4}-\d{2}-\d{2}$/.test(String(v[2]))) throw badCursor();
  return { key: String(v[2]), id: String(v[3]), total: v[4] };
}

/** 'YYYY-MM-DD' minus whole years. */
function yearsBefore(date: string, years: number): string {
  return `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;
}

function listFilter(query: MemberListQuery, orgIds: string[] | 'all', now: Date): MemberListFilter {
  const today = chinaToday(now);
  return {
    orgIds, status: query.status, gender: query.gender, ethnicity: query.ethnicity, education: query.education,
    category: query.category, joinedFrom: query.joinedFrom, joinedTo: query.joinedTo, post: query.post || undefined, q: query.q,
    hasPhone: query.hasPhone === undefined ? undefined : query.hasPhone === 'true',
    // Aged ≥ n: born on or before today − n years; aged ≤ n: born after today − (n + 1) years.
    bornOnOrBefore: query.ageMin === undefined ? undefined : yearsBefore(today, query.ageMin),
    bornAfter: query.ageMax === undefined ? undefined : yearsBefore(today, query.ageMax + 1),
  };
}

/**
 * The member registry. Reads: the roster of a subtree (filters, three keyset orders, masked
 * PII), one member, its history, and the audited reveal of a full ID number or phone. Writes
 * (create, patch, move) come from member-writes.ts. Every call runs in withScope(), so row-level
 * security applies beneath the explicit scope filter.
 * @example await members.list(actor, { orgId: '12', sort: 'joinedOn', order: 'desc', limit: 20 })
 */
export function createMembersService(deps: MembersDeps) {
  return {
    ...createMemberWrites(deps),

    async list(actor: Actor, query: MemberListQuery): Promise<MemberListResponse> {
      const scope = scopeFor(actor, 'members:read');
      const order: MemberOrder = { sort: query.sort ?? MEMBER_SORT_CODES[0], order: query.order ?? 'asc' };
      const after = readCursor(query.cursor, order);
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(query.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: query.orgId } });
        const repo = createMembersRepo(trx);
        const today = deps.clock();
        const filter = listFilter(query, await repo.subtreeOrgIds(org.path), today);
        const rows = await repo.listPage(filter, order, query.limit, after);
        const total = after?.total ?? (await repo.total(filter, org.id));
        const page = rows.slice(0, query.limit);
        const last = page[page.length - 1];
        return {
          items: page.map((m) => ({
            id: m.id, name: m.name, gender: m.gender, age: ageAt(m.birth_date, today), birthDate: m.birth_date,
            idNumberMasked: maskIdNumber(m.id_number), phoneMasked: m.phone ? maskPhone(m.phone) : null,
            status: m.status, orgId: m.org_id, orgName: m.org_name, joinedOn: m.joined_on, education: m.education,
            ethnicity: m.ethnicity, categories: m.categories, posts: m.posts,
          })),
          nextCursor: rows.length > query.limit && last ? encodeCursor([order.sort, order.order, last.sort_key, last.id, total]) : null,
          total,
        };
      });
    },

    async detail(actor: Actor, id: string): Promise<MemberDetail> {
      const scope = scopeFor(actor, 'members:read');
      return withScope(deps.db, scope, async (trx) => {
        const m = await createMemberRecordRepo(trx).findInScope(id, scope);
        if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'member', id } });
        return toDetail(m, deps.clock(), { write: can(actor, 'members:write', m.org_path), reveal: can(actor, 'members:reveal', m.org_path) });
      });
    },

    async history(actor: Actor, id: string): Promise<MemberHistoryResponse> {
      const scope = scopeFor(actor, 'members:read');
      return withScope(deps.db, scope, async (trx) => {
        const m = await createMemberRecordRepo(trx).findInScope(id, scope);
        if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'member', id } });
        const rows = await createMemberHistoryRepo(trx).listForMember(m.id);
        return { items: rows.map(toHistoryEntry) };
      });
    },

    /**
     * The full ID number or phone, for the member's secretaries, organization committee members
     * and the organization department only. Each reveal is its own audit entry ('member.reveal').
     */
    async reveal(actor: Actor, id: string, field: 'idNumber' | 'phone'): Promise<MemberRevealResponse> {
      const scope = scopeFor(actor, 'members:reveal');
      if (scope.length === 0) throw new AppError('FORBIDDEN', { message: '无权查看党员的完整身份证号和手机号' });
      return withScope(deps.db, scope, async (trx) => {
        const m = await createMemberRecordRepo(trx).findInScope(id, scope);
        if (!m) throw new AppError('NOT_FOUND', { details: { entity: 'member', id } });
        await appendAudit(trx, {
          actorUserId: actor.userId, actorName: actor.username, ip: actor.ip, action: 'member.reveal',
          entityType: 'member', entityId: m.id, orgId: m.org_id, after: { field },
        });
        return { field, value: field === 'idNumber' ? m.id_number : m.phone };
      });
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
