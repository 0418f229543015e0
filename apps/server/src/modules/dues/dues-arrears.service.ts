import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { DuesArrearsResponse, LapseCandidatesResponse } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { arrearsUnder, lapseCandidates } from './dues-arrears.repo.ts';
import { createDuesRepo } from './dues.repo.ts';
import { DUES_PERM } from './dues.service.ts';
import { addMonths, monthOf } from './months.ts';

/**
 * 欠缴名单 and 自行脱党 candidates of a subtree, as of the last finished month.
 * @example await arrears.list(actor, { orgId: branchId, page: 1, pageSize: 20 });
 */
export function createDuesArrearsService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  const asOf = () => addMonths(monthOf(chinaToday(clock())), -1);

  async function inOrg<T>(actor: Actor, orgId: string, fn: (trx: Kysely<DB>, path: string) => Promise<T>): Promise<T> {
    const scope = scopeFor(actor, DUES_PERM);
    return withScope(deps.db, scope, async (trx) => {
      const org = await createDuesRepo(trx).orgInScope(orgId, scope);
      if (!org) throw new AppError('NOT_FOUND', { details: { entity: 'org', id: orgId } });
      return fn(trx, org.path);
    });
  }

  return {
    /** Members who owe, most months first; one page, with the subtree's total owed. */
    async list(actor: Actor, q: { orgId: string; page: number; pageSize: number }): Promise<DuesArrearsResponse> {
      const all = await inOrg(actor, q.orgId, (trx, path) => arrearsUnder(trx, path, asOf()));
      all.sort((a, b) => b.months.length - a.months.length || b.owedFen - a.owedFen);
      const start = (q.page - 1) * q.pageSize;
      return { asOf: asOf(), items: all.slice(start, start + q.pageSize), total: all.length, owedFenTotal: all.reduce((s, a) => s + a.owedFen, 0) };
    },

    async lapse(actor: Actor, orgId: string): Promise<LapseCandidatesResponse> {
      const items = await inOrg(actor, orgId, (trx, path) => lapseCandidates(trx, path, asOf()));
      return { asOf: asOf(), items: items.sort((a, b) => b.trailingUnpaid - a.trailingUnpaid) };
    },
  };
}

export type DuesArrearsService = ReturnType<typeof createDuesArrearsService>;
