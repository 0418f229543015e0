import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type {
  ServiceDemandRequest, ServiceItem, ServiceItemListQuery, ServiceItemPatch, ServiceProject, ServiceProjectListQuery, ServiceProjectPatch,
  ServiceProjectRequest, ServiceResourceRequest,
} from '@dangjian/contracts';
import { scopeFor, type Actor } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { type Clock } from '../../lib/clock.ts';
import { createMatchingRepo, type ListTable } from './matching.repo.ts';
import { auditService, covers, fieldError, iso, notFound, orgAnywhere, orgOr404, SERVICE_WRITE } from './service-support.ts';

type ItemRow = Awaited<ReturnType<ReturnType<ReturnType<typeof createMatchingRepo>['items']>['rows']>>[number];
const toItem = (r: ItemRow): ServiceItem => ({
  id: r.id, orgId: r.org_id, orgName: r.org_name, communityOrgId: r.community_org_id, communityName: r.community_name, title: r.title, kind: r.kind,
  description: r.description, status: r.status, createdAt: iso(r.created_at),
});
const entity = (t: ListTable) => (t === 'resource_items' ? 'service_resource' : 'service_demand');

/**
 * 双向认领: a community lists its needs (需求清单), resident units and branches list what they offer
 * it (资源清单), and the community matches one or more of each into a project (项目清单) with a
 * responsible organization, dates and a status. Items taken by a project become 已对接.
 * @example await matching.createProject(actor, { orgId: community, title: '助老食堂', responsibleOrgId: unit, startsOn: '2026-12-01', resourceIds: ['1'], demandIds: ['2'] });
 */
export function createMatchingService(deps: { db: Kysely<DB>; clock?: Clock }) {
  async function projectsView(trx: Kysely<DB>, rows: Awaited<ReturnType<ReturnType<ReturnType<typeof createMatchingRepo>['projects']>['rows']>>): Promise<ServiceProject[]> {
    const links = await createMatchingRepo(trx).links(rows.map((r) => r.id));
    return rows.map((p) => ({
      id: p.id, orgId: p.org_id, orgName: p.org_name ?? '社区', title: p.title, responsibleOrgId: p.responsible_org_id, responsibleOrgName: p.responsible_org_name,
      startsOn: p.starts_on, endsOn: p.ends_on, status: p.status, resultNote: p.result_note,
      resources: links.filter((l) => l.project_id === p.id && l.resource_id).map((l) => ({ id: l.resource_id!, title: l.title })),
      demands: links.filter((l) => l.project_id === p.id && l.demand_id).map((l) => ({ id: l.demand_id!, title: l.title })),
    }));
  }

  async function listItems(actor: Actor, table: ListTable, q: ServiceItemListQuery) {
    const scope = scopeFor(actor, SERVICE_WRITE);
    return withScope(deps.db, scope, async (trx) => {
      const org = await orgOr404(trx, q.orgId, scope);
      const list = createMatchingRepo(trx).items(table, org.path, { status: q.status === 'all' ? undefined : q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
      const [rows, total] = await Promise.all([list.rows(), list.count()]);
      return { items: rows.map(toItem), total };
    });
  }

  async function addItem(actor: Actor, table: ListTable, body: ServiceResourceRequest | ServiceDemandRequest) {
    const scope = scopeFor(actor, SERVICE_WRITE);
    const communityId = 'communityOrgId' in body ? body.communityOrgId : body.orgId;
    const community = await orgAnywhere(deps.db, communityId);
    if (!community || community.status !== 'active') throw fieldError('SERVICE_COMMUNITY_INVALID', 'body.communityOrgId', '社区不存在或已撤销');
    return withScope(deps.db, scope, async (trx) => {
      const org = await orgOr404(trx, body.orgId, scope);
      const row = await createMatchingRepo(trx).insertItem(table, {
        org_id: org.id, org_name: org.name, community_org_id: community.id, community_name: community.name, region_id: community.region_id,
        title: body.title, kind: body.kind, description: body.description ?? null, created_by: actor.userId,
      });
      await auditService(trx, actor, { action: `service.${entity(table).slice(8)}.create`, entityType: entity(table), entityId: row.id, orgId: org.id, after: { title: row.title, kind: row.kind, communityOrgId: community.id } });
      return toItem(row);
    });
  }

  async function patchItem(actor: Actor, table: ListTable, id: string, body: ServiceItemPatch) {
    const scope = scopeFor(actor, SERVICE_WRITE);
    return withScope(deps.db, scope, async (trx) => {
      const repo = createMatchingRepo(trx);
      const before = await repo.item(table, id);
      if (!before || !covers(scope, before.org_path)) throw notFound(entity(table), id);
      if (before.status === 'matched' && body.status) throw new AppError('SERVICE_ITEM_STATE');
      const after = await repo.updateItem(table, id, body);
      await auditService(trx, actor, { action: `service.${entity(table).slice(8)}.update`, entityType: entity(table), entityId: id, orgId: before.org_id, before: { title: before.title, description: before.description, status: before.status }, after: { title: after.title, description: after.description, status: after.status } });
      return toItem(after);
    });
  }

  return {
    resources: (actor: Actor, q: ServiceItemListQuery) => listItems(actor, 'resource_items', q),
    demands: (actor: Actor, q: ServiceItemListQuery) => listItems(actor, 'demand_items', q),
    addResource: (actor: Actor, body: ServiceResourceRequest) => addItem(actor, 'resource_items', body),
    addDemand: (actor: Actor, body: ServiceDemandRequest) => addItem(actor, 'demand_items', body),
    patchResource: (actor: Actor, id: string, body: ServiceItemPatch) => patchItem(actor, 'resource_items', id, body),
    patchDemand: (actor: Actor, id: string, body: ServiceItemPatch) => patchItem(actor, 'demand_items', id, body),

    async projects(actor: Actor, q: ServiceProjectListQuery): Promise<{ items: ServiceProject[]; total: number }> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, q.orgId, scope);
        const list = createMatchingRepo(trx).projects(org.path, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
        const [rows, total] = await Promise.all([list.rows(), list.count()]);
        return { items: await projectsView(trx, rows), total };
      });
    },

    /** Matches open resources offered to the community with its open demands into a project. */
    async createProject(actor: Actor, body: ServiceProjectRequest): Promise<ServiceProject> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      const responsible = await orgAnywhere(deps.db, body.responsibleOrgId);
      if (!responsible || responsible.status !== 'active') throw notFound('org', body.responsibleOrgId);
      if (body.endsOn && body.endsOn < body.startsOn) throw fieldError('VALIDATION_FAILED', 'body.endsOn', '结束日期不能早于开始日期');
      return withScope(deps.db, scope, async (trx) => {
        const org = await orgOr404(trx, body.orgId, scope);
        const repo = createMatchingRepo(trx);
        const resourceIds = [...new Set(body.resourceIds)];
        const demandIds = [...new Set(body.demandIds)];
        const resources = await repo.openForCommunity('resource_items', resourceIds, org.id);
        const demands = await repo.openForCommunity('demand_items', demandIds, org.id);
        if (resources.length !== resourceIds.length) throw fieldError('SERVICE_PROJECT_ITEMS_INVALID', 'body.resourceIds', '所选资源不存在、不属于本社区或已对接');
        if (demands.length !== demandIds.length) throw fieldError('SERVICE_PROJECT_ITEMS_INVALID', 'body.demandIds', '所选需求不存在、不属于本社区或已对接');
        const { id } = await repo.insertProject({
          org_id: org.id, region_id: org.region_id, title: body.title, responsible_org_id: responsible.id, responsible_org_name: responsible.name,
          starts_on: body.startsOn, ends_on: body.endsOn ?? null, created_by: actor.userId,
        });
        const link = { project_id: id, org_id: org.id, responsible_org_id: responsible.id };
        await repo.insertLinks([
          ...resources.map((r) => ({ ...link, resource_id: r.id, demand_id: null, title: r.title })),
          ...demands.map((d) => ({ ...link, resource_id: null, demand_id: d.id, title: d.title })),
        ]);
        await repo.markMatched('resource_items', resourceIds);
        await repo.markMatched('demand_items', demandIds);
        await auditService(trx, actor, { action: 'service.project.create', entityType: 'service_project', entityId: id, orgId: org.id, after: { title: body.title, responsibleOrgId: responsible.id, resourceIds, demandIds } });
        return (await projectsView(trx, [(await repo.project(id))!]))[0]!;
      });
    },

    /** Progress of a project (status, end date, result): the matching community only. */
    async updateProject(actor: Actor, id: string, body: ServiceProjectPatch): Promise<ServiceProject> {
      const scope = scopeFor(actor, SERVICE_WRITE);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createMatchingRepo(trx);
        const before = await repo.project(id);
        if (!before || !covers(scope, before.org_path)) throw notFound('service_project', id);
        if (body.endsOn && body.endsOn < before.starts_on) throw fieldError('VALIDATION_FAILED', 'body.endsOn', '结束日期不能早于开始日期');
        await repo.updateProject(id, { title: body.title, ends_on: body.endsOn, status: body.status, result_note: body.resultNote });
        const after = (await repo.project(id))!;
        await auditService(trx, actor, { action: 'service.project.update', entityType: 'service_project', entityId: id, orgId: before.org_id, before: { title: before.title, status: before.status, endsOn: before.ends_on, resultNote: before.result_note }, after: { title: after.title, status: after.status, endsOn: after.ends_on, resultNote: after.result_note } });
        return (await projectsView(trx, [after]))[0]!;
      });
    },
  };
}
