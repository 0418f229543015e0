import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { MyService } from '@dangjian/contracts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { createPostsRepo, toPost } from './posts.repo.ts';
import { createReportsRepo } from './reports.repo.ts';
import { createHoursRepo } from './hours.repo.ts';
import { toReport } from './reports.service.ts';
import { toHours } from './hours.service.ts';
import { toPairing } from './pairings.service.ts';
import { createPairingsRepo } from './pairings.repo.ts';
import { activeReport, num, selfMember, SERVICE_SELF, yearOf, yearRange } from './service-support.ts';

/**
 * 我的服务 for the member's phone: the active 双报到, the posts the member may take (their own
 * subtree's and the reported community's) marked when taken, this year's hours and the pairings.
 * @example await mine.get(memberActor) // { report: { communityName: '…社区党委' }, posts: [...], yearHours: 6 }
 */
export function createMineService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;
  return {
    async get(actor: Actor): Promise<MyService> {
      const year = yearOf(clock);
      const self = await selfMember(deps.db, actor).catch(() => null);
      if (!self) return { isMember: false, report: null, posts: [], hours: [], year, yearHours: 0, yearPersonTimes: 0, pairings: [] };
      const scope = scopeFor(actor, SERVICE_SELF);
      return withScope(deps.db, scope, async (trx) => {
        const r = await activeReport(trx, self.id);
        const report = r ? (await createReportsRepo(trx).list('branch', self.org_path, { status: 'active', year, limit: 500, offset: 0 }).rows()).find((x) => x.id === r.id) : undefined;
        const postsRepo = createPostsRepo(trx);
        const taken = new Set((await postsRepo.openClaimsOfMember(self.id)).map((c) => c.post_id));
        const posts = (await postsRepo.forMember(scope, r?.community_org_id ?? null))
          .map((p) => ({ ...toPost(p, r?.community_org_id === p.org_id ? r.community_name : undefined), mine: taken.has(p.id) }));
        const hours = (await createHoursRepo(trx).ofMember(self.id, yearRange(year))).map((h) => toHours(h));
        return {
          isMember: true, report: report ? toReport(report) : null, posts, hours, year,
          yearHours: num(hours.reduce((s, h) => s + h.hours, 0).toFixed(1)), yearPersonTimes: hours.length,
          pairings: (await createPairingsRepo(trx).ofMember(self.id)).map(toPairing),
        };
      });
    },
  };
}
