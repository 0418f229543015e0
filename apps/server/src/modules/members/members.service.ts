import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import { maskIdNumber, maskPhone, type MemberListQuery, type MemberListResponse } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { decodeCursor, encodeCursor } from '../../lib/cursor.ts';
import { createOrgsRepo } from '../orgs/orgs.repo.ts';
import { createMembersRepo } from './members.repo.ts';

/** Age in whole years on `today` for a 'YYYY-MM-DD' birth date. */
export function ageOn(birthDate: string, today: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  let age = today.getUTCFullYear() - y;
  const mm = today.getUTCMonth() + 1;
  if (mm < m || (mm === m && today.getUTCDate() < d)) age--;
  return age;
}

/** The member registry, read side: paginated lists of a subtree with PII masked. */
export function createMembersService(deps: { db: Kysely<DB>; clock: Clock }) {
  return {
    async list(actor: Actor, query: MemberListQuery): Promise<MemberListResponse> {
      const scope = scopeFor(actor, 'members:read');
      let after: { pinyin: string; id: string } | null = null;
      if (query.cursor) {
        const key = decodeCursor(query.cursor, 2);
        if (!key) throw new AppError('VALIDATION_FAILED', { details: { fields: [{ field: 'querystring.cursor', message: '分页游标无效' }] } });
        after = { pinyin: String(key[0]), id: String(key[1]) };
      }
      return withScope(deps.db, scope, async (trx) => {
        const org = await createOrgsRepo(trx).findInScope(query.orgId, scope);
        if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: query.orgId } });
        const repo = createMembersRepo(trx);
        const filter = { orgPath: org.path, status: query.status, q: query.q };
        const rows = await repo.listPage(filter, query.limit, after);
        const total = await repo.count(filter);
        const page = rows.slice(0, query.limit);
        const last = page[page.length - 1];
        const today = deps.clock();
        return {
          items: page.map((m) => ({
            id: m.id, name: m.name, gender: m.gender, age: ageOn(m.birth_date, today),
            idNumberMasked: maskIdNumber(m.id_number), phoneMasked: m.phone ? maskPhone(m.phone) : null,
            status: m.status, orgId: m.org_id, orgName: m.org_name, joinedOn: m.joined_on, education: m.education,
          })),
          nextCursor: rows.length > query.limit && last ? encodeCursor([last.name_pinyin, last.id]) : null,
          total,
        };
      });
    },
  };
}

export type MembersService = ReturnType<typeof createMembersService>;
