import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type {
  ServiceFeedback, ServiceFeedbackRequest, ServiceReport, ServiceReportListQuery, ServiceReportRequest, ServiceYearQuery,
} from '@dangjian/contracts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { isUniqueViolation } from '../grids/grid-support.ts';
import { createPostsRepo } from './posts.repo.ts';
import { createReportsRepo } from './reports.repo.ts';
import {
  activeReport, auditService, covers, fieldError, memberInScope, notFound, num, orgAnywhere, orgOr404, selfMember, SERVICE_SELF,
  SERVICE_WRITE, yearOf, type SelfMember,
} from './service-support.ts';

type ListRow = Awaited<ReturnType<ReturnType<ReturnType<typeof createReportsRepo>['list']>['rows']>>[number];
export const toReport = (r: ListRow): ServiceReport => ({
  id: r.id, memberId: r.member_id, memberName: r.member_name, memberOrgId: r.member_org_id, memberOrgName: r.member_org_name,
  communityOrgId: r.community_org_id, communityName: r.community_name, reportedOn: r.reported_on, status: r.status, endedOn: r.ended_on,
  hours: num(r.hours), personTimes: num(r.person_times), posts: r.posts ?? [],
  rating: (r.rating as ServiceReport['rating']) ?? null, ratingNote: r.rating_note ?? null,
});

/**
 * 双报到: an 在职党员 registers with the community where they live (by themself or through their
 * branch secretary); the community lists them with hours and rates them once a year
 * (反馈评价), and the member's own organization reads the rating.
 * @example await reports.report(memberActor, { communityOrgId: '42' });
 */
export function createReportsService(deps: { db: Kysely<DB>; clock?: Clock }) {
  const clock = deps.clock ?? systemClock;

  /** One report with its figures for the year, read in the caller's transaction. */
  async function reportView(trx: Kysely<DB>, id: string, year: number): Promise<ServiceReport> {
    const r = await createReportsRepo(trx).find(id);
    if (!r) throw notFound('service_report', id);
    const side = r.community_path ? 'community' : 'branch';
    const path = (side === 'community' ? r.community_path : r.member_org_path)!;
    const rows = await createReportsRepo(trx).list(side, path, { status: 'all', year, limit: 1000, offset: 0 }).rows();
    return toReport(rows.find((x) => x.id === id)!);
  }

  return {
    /** Communities a member may report to: active organizations named 社区, found by name (names are not confidential). */
    async communities(actor: Actor, q?: string) {
      if (scopeFor(actor, SERVICE_SELF).length === 0) throw new AppError('FORBIDDEN');
      let qb = deps.db.selectFrom('orgs').select(['id', 'name']).where('status', '=', 'active').where('name', 'like', '%社区%');
      if (q?.trim()) qb = qb.where('name', 'like', `%${q.trim()}%`);
      return { items: await qb.orderBy('name').limit(30).execute() };
    },

    /** Reports a member to a community: the member themself, or a secretary for a member of the subtree. */
    async report(actor: Actor, body: ServiceReportRequest): Promise<ServiceReport> {
      const self = await selfMember(deps.db, actor).catch(() => null);
      const isSelf = !body.memberId || body.memberId === self?.id;
      if (isSelf && !self) throw new AppError('SERVICE_NOT_A_MEMBER');
      const scope = scopeFor(actor, isSelf ? SERVICE_SELF : SERVICE_WRITE);
      const community = await orgAnywhere(deps.db, body.communityOrgId);
      if (!community || community.status !== 'active') throw fieldError('SERVICE_COMMUNITY_INVALID', 'body.communityOrgId', '报到社区不存在或已撤销');
      const today = chinaToday(clock());
      const on = body.reportedOn ?? today;
      if (on > today) throw fieldError('VALIDATION_FAILED', 'body.reportedOn', '报到日期不能晚于今天');
      return withScope(deps.db, scope, async (trx) => {
        const m: SelfMember | undefined = isSelf ? self! : await memberInScope(trx, body.memberId!, scope);
        if (!m) throw notFound('member', body.memberId!);
        if (m.org_id === community.id || covers([community.path], m.org_path)) throw new AppError('SERVICE_REPORT_OWN_ORG');
        if (await activeReport(trx, m.id)) throw new AppError('SERVICE_ALREADY_REPORTED');
        const { id } = await createReportsRepo(trx).insert({
          member_id: m.id, member_name: m.name, member_org_id: m.org_id, member_org_name: m.org_name, community_org_id: community.id,
          community_name: community.name, region_id: community.region_id, reported_on: on, created_by: actor.userId,
        }).catch((e: unknown) => {
          if (isUniqueViolation(e)) throw new AppError('SERVICE_ALREADY_REPORTED');
          throw e;
        });
        await auditService(trx, actor, { action: 'service.report.create', entityType: 'service_report', entityId: id, orgId: m.org_id, after: { memberId: m.id, communityOrgId: community.id, reportedOn: on } });
        return reportView(trx, id, yearOf(clock));
      });
    },

    async list(actor: Actor, q: ServiceReportListQuery): Promise<{ items: ServiceReport[]; total: number }> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, q.orgId, scope);
        const list = createReportsRepo(trx).list(q.side, org.path, { status: q.status, year: yearOf(clock, q.year), limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const [rows, total] = await Promise.all([list.rows(), list.count()]);
        return { items: rows.map(toReport), total };
      });
    },

    /** Ends a report (either side's secretary, or the member); the member's places on the community's posts end too. */
    async end(actor: Actor, id: string, endedOn?: string): Promise<ServiceReport> {
      const self = await selfMember(deps.db, actor).catch(() => null);
      const write = scopeFor(actor, SERVICE_WRITE);
      const scope = [...new Set([...write, ...scopeFor(actor, SERVICE_SELF)])];
      return withScope(deps.db, scope, async (trx) => {
        const repo = createReportsRepo(trx);
        const r = await repo.find(id);
        const mayEnd = r && (r.member_id === self?.id || covers(write, r.community_path) || covers(write, r.member_org_path));
        if (!r || !mayEnd) throw notFound('service_report', id);
        if (r.status !== 'active') throw new AppError('SERVICE_REPORT_ENDED');
        const on = endedOn ?? chinaToday(clock());
        // Places first: the member's side reaches the community's posts only while the report is active.
        const posts = createPostsRepo(trx);
        for (const c of await posts.openClaimsOfMember(r.member_id)) {
          if (c.org_id !== r.community_org_id) continue;
          await posts.endClaim(c.id, on);
          await posts.releasePlace(c.post_id);
        }
        await repo.end(id, on);
        await auditService(trx, actor, { action: 'service.report.end', entityType: 'service_report', entityId: id, orgId: r.member_org_id, before: { status: 'active' }, after: { status: 'ended', endedOn: on } });
        return reportView(trx, id, yearOf(clock));
      });
    },

    /** The community rates a reported member for a year (好/较好/一般/差); rating again replaces it. */
    async rate(actor: Actor, body: ServiceFeedbackRequest): Promise<ServiceFeedback> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createReportsRepo(trx);
        const r = await repo.find(body.reportId);
        if (!r || !covers(scope, r.community_path)) throw notFound('service_report', body.reportId);
        const before = await repo.feedbackOf(r.id, body.year);
        const { id } = await repo.upsertFeedback({
          report_id: r.id, member_id: r.member_id, member_org_id: r.member_org_id, community_org_id: r.community_org_id, year: body.year,
          rating: body.rating, note: body.note ?? null, rated_by: actor.userId,
        });
        await auditService(trx, actor, {
          action: 'service.feedback.set', entityType: 'service_report', entityId: r.id, orgId: r.community_org_id,
          before: before ? { rating: before.rating, note: before.note } : null, after: { year: body.year, rating: body.rating, note: body.note ?? null },
        });
        return { id, reportId: r.id, memberId: r.member_id, memberName: r.member_name, memberOrgName: r.member_org_name, communityName: r.community_name, year: body.year, rating: body.rating, note: body.note ?? null };
      });
    },

    /** Ratings of a year: given by the subtree (community side) or received by its members (branch side). */
    async feedback(actor: Actor, q: ServiceYearQuery): Promise<{ items: ServiceFeedback[] }> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, q.orgId, scope);
        const rows = await createReportsRepo(trx).feedbackList(q.side, org.path, yearOf(clock, q.year));
        return {
          items: rows.map((r) => ({ id: r.id, reportId: r.report_id, memberId: r.member_id, memberName: r.member_name, memberOrgName: r.member_org_name, communityName: r.community_name, year: r.year, rating: r.rating, note: r.note })),
        };
      });
    },
  };
}
