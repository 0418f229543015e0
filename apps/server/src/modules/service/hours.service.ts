import { sql, type Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { ServiceHoursEntry, ServiceHoursListQuery, ServiceHoursRequest, ServiceTotals, ServiceYearQuery } from '@dangjian/contracts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { chinaToday, daysBetween } from '../orgs/size-rules.ts';
import { awardPoints, reversePoints } from '../points/points-ledger.ts';
import { createPostsRepo } from './posts.repo.ts';
import { createHoursRepo } from './hours.repo.ts';
import {
  activeReport, auditService, covers, fieldError, memberInScope, memberOrgPath, notFound, num, orgOr404, selfMember, SERVICE_SELF,
  SERVICE_WRITE, yearOf, yearRange, type SelfMember,
} from './service-support.ts';
import { hoursWorkbook } from './service-workbook.ts';

/** Points: the 'volunteer_hour' rule (志愿服务（每小时）) once per whole hour of a log, each hour its own source. */
export const HOURS_SOURCE = 'service_hours';
const hourSources = (id: string, hours: number) => Array.from({ length: Math.floor(hours) }, (_, k) => `${id}:${k + 1}`);

type HoursRow = Awaited<ReturnType<ReturnType<typeof createHoursRepo>['ofMember']>>[number];
export const toHours = (r: HoursRow & { points?: string | number | null }): ServiceHoursEntry => ({
  id: r.id, orgId: r.org_id, memberId: r.member_id, memberName: r.member_name, memberOrgName: r.member_org_name, postId: r.post_id,
  postName: r.post_name ?? null, servedOn: r.served_on, hours: num(r.hours), content: r.content, points: num(r.points),
});
const pointsOf = (trx: Kysely<DB>, id: string) => trx.selectFrom('points_entries').select(sql<string>`coalesce(sum(delta), 0)`.as('n'))
  .where('source_type', '=', HOURS_SOURCE).where('source_id', 'like', `${id}:%`).executeTakeFirstOrThrow();

/**
 * The service hours log: a member logs their own service (on a claimed post, or for the community
 * reported to), a secretary logs for a member; totals in hours and person-times (人次) per member
 * and per community, and the Excel sheet of hours per member for a year (在职党员 assessment).
 * Each whole hour awards the 'volunteer_hour' points once (source `<log id>:<hour>`); deleting a
 * log reverses them.
 * @example await hours.log(memberActor, { postId, servedOn: '2026-11-20', hours: 2, content: '文明劝导' });
 */
export function createHoursService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;

  return {
    async log(actor: Actor, body: ServiceHoursRequest): Promise<ServiceHoursEntry> {
      const self = await selfMember(deps.db, actor).catch(() => null);
      const isSelf = !body.memberId || body.memberId === self?.id;
      if (isSelf && !self) throw new AppError('SERVICE_NOT_A_MEMBER');
      const today = chinaToday(clock());
      if (body.servedOn > today || daysBetween(body.servedOn, today) > 366) throw fieldError('SERVICE_HOURS_DATE_INVALID', 'body.servedOn', '服务日期不能晚于今天，且须在近一年内');
      const base = scopeFor(actor, isSelf ? SERVICE_SELF : SERVICE_WRITE);
      // The points ledger row is the member's organization's: a community secretary's write reaches it too.
      const memberPath = isSelf ? self!.org_path : await memberOrgPath(deps.db, body.memberId!);
      const scope = memberPath ? [...base, memberPath] : base;
      return withScope(deps.db, scope, async (trx) => {
        const posts = createPostsRepo(trx);
        const post = body.postId ? await posts.find(body.postId) : undefined;
        if (body.postId && !post) throw notFound('service_post', body.postId);
        let m: SelfMember | undefined = isSelf ? self! : await memberInScope(trx, body.memberId!, base);
        const report = await activeReport(trx, m?.id ?? body.memberId!);
        if (!m && report) m = { id: report.member_id, name: report.member_name, org_id: report.member_org_id, org_name: report.member_org_name, org_path: '', region_id: null };
        if (!m) throw notFound('member', body.memberId!);
        // Where the service was done: the post's organization, else the one named, else the reported community.
        const orgId = post?.org_id ?? body.orgId ?? report?.community_org_id ?? null;
        if (!orgId) throw new AppError('SERVICE_HOURS_NO_PLACE');
        if (post && !(await posts.openClaim(post.id, m.id))) throw new AppError('SERVICE_POST_NOT_CLAIMED');
        const orgRow = await trx.selectFrom('orgs').select(['path', 'region_id']).where('id', '=', orgId).executeTakeFirst();
        const servesReported = report?.community_org_id === orgId;
        const servesOwn = !!orgRow && m.org_path !== '' && covers([orgRow.path], m.org_path);
        if (!servesReported && !servesOwn) throw new AppError('SERVICE_HOURS_NO_PLACE');
        // A secretary logs only for the organizations served in their subtree, or for their own members.
        if (!isSelf && !covers(base, orgRow?.path) && !covers(base, m.org_path)) throw notFound('member', m.id);
        const row = await createHoursRepo(trx).insert({
          org_id: orgId, region_id: post?.region_id ?? orgRow?.region_id ?? report?.region_id ?? null, member_id: m.id, member_name: m.name,
          member_org_id: m.org_id, member_org_name: m.org_name, post_id: post?.id ?? null, served_on: body.servedOn, hours: body.hours,
          content: body.content, recorded_by: actor.userId,
        });
        for (const sourceId of hourSources(row.id, body.hours)) {
          await awardPoints(trx, { memberId: m.id, ruleCode: 'volunteer_hour', sourceType: HOURS_SOURCE, sourceId, actor: actor.userId, at: clock() });
        }
        await auditService(trx, actor, { action: 'service.hours.log', entityType: 'service_hours', entityId: row.id, orgId, after: { memberId: m.id, postId: row.post_id, servedOn: row.served_on, hours: body.hours, content: body.content } });
        return toHours({ ...row, post_name: post?.name ?? null, points: (await pointsOf(trx, row.id)).n });
      });
    },

    /** Deletes a wrong log (a secretary of either side); its points are reversed in the same transaction. */
    async remove(actor: Actor, id: string) {
      const base = scopeFor(actor, SERVICE_WRITE);
      const owner = await deps.db.selectFrom('service_hours').select('member_id').where('id', '=', id).executeTakeFirst();
      const memberPath = owner ? await memberOrgPath(deps.db, owner.member_id) : null;
      return withScope(deps.db, memberPath ? [...base, memberPath] : base, async (trx) => {
        const repo = createHoursRepo(trx);
        const h = await repo.find(id);
        if (!h || !(covers(base, h.org_path) || covers(base, h.member_org_path))) throw notFound('service_hours', id);
        for (const sourceId of hourSources(id, num(h.hours))) {
          await reversePoints(trx, { sourceType: HOURS_SOURCE, sourceId, ruleCode: 'volunteer_hour', actor: actor.userId, reason: '服务时长记录删除', at: clock() });
        }
        await repo.remove(id);
        await auditService(trx, actor, { action: 'service.hours.delete', entityType: 'service_hours', entityId: id, orgId: h.org_id, before: { memberId: h.member_id, servedOn: h.served_on, hours: num(h.hours), content: h.content } });
        return { id, deleted: true as const };
      });
    },

    async list(actor: Actor, q: ServiceHoursListQuery): Promise<{ items: ServiceHoursEntry[]; total: number }> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, q.orgId, scope);
        const list = createHoursRepo(trx).list(q.side, org.path, yearRange(yearOf(clock, q.year)), { memberId: q.memberId, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const [rows, total] = await Promise.all([list.rows(), list.count()]);
        return { items: rows.map((r) => toHours(r)), total };
      });
    },

    /** Hours and person-times of a year, in all and per member and per organization served. */
    async totals(actor: Actor, q: ServiceYearQuery): Promise<ServiceTotals & { orgName: string }> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      const year = yearOf(clock, q.year);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, q.orgId, scope);
        const repo = createHoursRepo(trx);
        const [members, orgs] = await Promise.all([repo.byMember(q.side, org.path, yearRange(year)), repo.byCommunity(q.side, org.path, yearRange(year))]);
        const byMember = members.map((r) => ({ memberId: r.member_id, memberName: r.member_name, memberOrgName: r.member_org_name, hours: num(r.hours), personTimes: num(r.person_times) }));
        return {
          orgName: org.name, year, members: byMember.length,
          hours: byMember.reduce((s, r) => s + r.hours, 0), personTimes: byMember.reduce((s, r) => s + r.personTimes, 0),
          byMember, byCommunity: orgs.map((r) => ({ orgId: r.org_id, orgName: r.org_name ?? r.snapshot_name ?? '服务社区', hours: num(r.hours), personTimes: num(r.person_times) })),
        };
      });
    },

    async workbook(actor: Actor, q: ServiceYearQuery) {
      const t = await this.totals(actor, q);
      return { fileName: `${t.orgName}-${t.year}年党员服务时长.xlsx`, buffer: await hoursWorkbook(t.orgName, q.side, t) };
    },
  };
}
