import type { Kysely } from 'kysely';
import { withScope, type DB } from '@dangjian/db';
import type { StudyItem, StudyItemCreateRequest, StudyItemListResponse, StudyItemStats } from '@dangjian/contracts';
import { AppError } from '../../lib/errors.ts';
import { isUnder, scopeFor, type Actor } from '../../lib/actor.ts';
import type { Clock } from '../../lib/clock.ts';
import { createStudyItemsRepo } from './study-items.repo.ts';
import { audit, iso, managedOrg, participantOf, reaches, STUDY_MANAGE, STUDY_READ } from './study-support.ts';

type Row = NonNullable<Awaited<ReturnType<ReturnType<typeof createStudyItemsRepo>['find']>>>;
const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : 0);

function toItem(r: Row, manage: readonly string[], mine?: { read_count: number; first_read_at: Date | string }): StudyItem {
  return {
    id: r.id, orgId: r.org_id, orgName: r.org_name, title: r.title, content: r.content, link: r.link, dueOn: r.due_on,
    createdAt: iso(r.created_at)!, manageable: manage.some((m) => isUnder(r.org_path, m)),
    myReadCount: mine?.read_count ?? 0, myFirstReadAt: iso(mine?.first_read_at),
  };
}

/**
 * Study items 学习资料 (C3) pushed to a subtree. Members' reads are recorded (first read, count);
 * reach = distinct members of the subtree who read it / its members, person-times = all reads.
 * @example await items.read(memberActor, itemId); const { reach } = await items.stats(secretary, itemId);
 */
export function createStudyItemsService(deps: { db: Kysely<DB>; clock: Clock }) {
  async function inReach(trx: Kysely<DB>, id: string, scope: readonly string[]): Promise<Row> {
    const r = await createStudyItemsRepo(trx).find(id);
    if (!r?.org_path || !reaches(r.org_path, scope)) throw new AppError('NOT_FOUND', { details: { entity: 'study_item', id } });
    return r;
  }

  return {
    async create(actor: Actor, body: StudyItemCreateRequest): Promise<StudyItem> {
      const manage = scopeFor(actor, STUDY_MANAGE);
      return withScope(deps.db, manage, async (trx) => {
        const org = await managedOrg(trx, actor, body.orgId);
        const repo = createStudyItemsRepo(trx);
        const row = { org_id: org.id, title: body.title, content: body.content, link: body.link ?? null, due_on: body.dueOn ?? null, created_by: actor.userId };
        const id = await repo.insert(row);
        await audit(trx, actor, { action: 'study_item.create', entityType: 'study_item', entityId: id, orgId: org.id, after: row });
        return toItem((await repo.find(id))!, manage);
      });
    },

    async list(actor: Actor, page: number, pageSize: number): Promise<StudyItemListResponse> {
      const scope = scopeFor(actor, STUDY_READ);
      const manage = scopeFor(actor, STUDY_MANAGE);
      const who = await participantOf(deps.db, actor);
      return withScope(deps.db, scope, async (trx) => {
        const repo = createStudyItemsRepo(trx);
        const rows = (await repo.list(pageSize, (page - 1) * pageSize)).filter((r) => r.org_path && reaches(r.org_path, scope));
        const mine = new Map((await repo.readsOf(who.memberId ?? '', rows.map((r) => r.id))).map((r) => [r.item_id, r]));
        return { items: rows.map((r) => toItem(r, manage, mine.get(r.id))), total: await repo.count(), page, pageSize };
      });
    },

    /** Opens an item for reading and records the read of the caller's member record. */
    async read(actor: Actor, id: string): Promise<StudyItem> {
      const scope = scopeFor(actor, STUDY_READ);
      const who = await participantOf(deps.db, actor);
      return withScope(deps.db, scope, async (trx) => {
        const item = await inReach(trx, id, scope);
        if (!who.memberId) throw new AppError('STUDY_NO_MEMBER_RECORD');
        const read = await createStudyItemsRepo(trx).recordRead(id, who.memberId!, who.orgId, deps.clock());
        await audit(trx, actor, { action: 'study_item.read', entityType: 'study_item', entityId: id, orgId: who.orgId, after: { readCount: read.read_count } });
        return toItem(item, scopeFor(actor, STUDY_MANAGE), read);
      });
    },

    /** Reach and person-times of an item over its target subtree, per organization, for its managers. */
    async stats(actor: Actor, id: string): Promise<StudyItemStats> {
      const manage = scopeFor(actor, STUDY_MANAGE);
      return withScope(deps.db, manage, async (trx) => {
        const item = await inReach(trx, id, manage);
        if (!manage.some((m) => isUnder(item.org_path, m))) throw new AppError('FORBIDDEN');
        const rows = await createStudyItemsRepo(trx).reachByOrg(id, item.org_path);
        const orgs = rows.map((r) => ({ orgId: r.id, orgName: r.name, members: Number(r.members), readers: Number(r.readers), personTimes: Number(r.reads) }));
        const members = orgs.reduce((s, o) => s + o.members, 0);
        const readers = orgs.reduce((s, o) => s + o.readers, 0);
        return { reach: { readers, members, reachRate: pct(readers, members), personTimes: orgs.reduce((s, o) => s + o.personTimes, 0) }, orgs };
      });
    },
  };
}
