import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { inAny, num } from './service-support.ts';

export type ListTable = 'resource_items' | 'demand_items';
const underEither = (a: string, b: string, path: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM orgs x WHERE x.id IN (${sql.ref(a)}, ${sql.ref(b)}) AND ${inAny(sql.ref('x.path'), [path])})`;

/** SQL of 双向认领: resource and demand lists and the projects matching them. */
export function createMatchingRepo(db: Kysely<DB>) {
  return {
    /** Items listed by the subtree or concerning a community in it. */
    items(table: ListTable, path: string, opts: { status?: 'open' | 'matched' | 'closed'; limit: number; offset: number }) {
      let qb = db.selectFrom(`${table} as i`).where(underEither('i.org_id', 'i.community_org_id', path));
      if (opts.status) qb = qb.where('i.status', '=', opts.status);
      return {
        rows: () => qb.selectAll('i').orderBy(sql`i.status = 'open'`, 'desc').orderBy('i.id', 'desc').limit(opts.limit).offset(opts.offset).execute(),
        count: async () => num((await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
      };
    },
    item(table: ListTable, id: string) {
      return db.selectFrom(`${table} as i`).leftJoin('orgs as o', 'o.id', 'i.org_id').selectAll('i').select('o.path as org_path').where('i.id', '=', id).executeTakeFirst();
    },
    insertItem(table: ListTable, v: { org_id: string; org_name: string; community_org_id: string; community_name: string; region_id: string | null; title: string; kind: string; description: string | null; created_by: string }) {
      return db.insertInto(table).values(v).returningAll().executeTakeFirstOrThrow();
    },
    updateItem(table: ListTable, id: string, v: Partial<{ title: string; description: string | null; status: 'open' | 'matched' | 'closed' }>) {
      return db.updateTable(table).set({ ...v, updated_at: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
    },
    /** Open items of a community, by ids, locked: two projects cannot take the same item. */
    openForCommunity(table: ListTable, ids: string[], communityId: string) {
      return db.selectFrom(table).select(['id', 'title']).where('id', 'in', ids).where('community_org_id', '=', communityId)
        .where('status', '=', 'open').forUpdate().execute();
    },
    markMatched(table: ListTable, ids: string[]) {
      return db.updateTable(table).set({ status: 'matched', updated_at: new Date() }).where('id', 'in', ids).execute();
    },
    insertProject(v: { org_id: string; region_id: string | null; title: string; responsible_org_id: string; responsible_org_name: string; starts_on: string; ends_on: string | null; created_by: string }) {
      return db.insertInto('service_projects').values(v).returning('id').executeTakeFirstOrThrow();
    },
    insertLinks(rows: { project_id: string; org_id: string; responsible_org_id: string; resource_id: string | null; demand_id: string | null; title: string }[]) {
      return db.insertInto('service_project_links').values(rows).execute();
    },
    updateProject(id: string, v: Partial<{ title: string; ends_on: string | null; status: 'planned' | 'ongoing' | 'done'; result_note: string | null }>) {
      return db.updateTable('service_projects').set({ ...v, updated_at: new Date() }).where('id', '=', id).execute();
    },
    project(id: string) {
      return db.selectFrom('service_projects as p').leftJoin('orgs as o', 'o.id', 'p.org_id').selectAll('p').select(['o.path as org_path', 'o.name as org_name'])
        .where('p.id', '=', id).executeTakeFirst();
    },
    projects(path: string, opts: { limit: number; offset: number }) {
      const qb = db.selectFrom('service_projects as p').where(underEither('p.org_id', 'p.responsible_org_id', path));
      return {
        rows: () => qb.leftJoin('orgs as o', 'o.id', 'p.org_id').selectAll('p').select(['o.path as org_path', 'o.name as org_name'])
          .orderBy('p.starts_on', 'desc').orderBy('p.id', 'desc').limit(opts.limit).offset(opts.offset).execute(),
        count: async () => num((await qb.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n),
      };
    },
    /** Titles of the linked resources and demands of some projects. */
    links(projectIds: string[]) {
      if (projectIds.length === 0) return Promise.resolve([]);
      return db.selectFrom('service_project_links as l').select(['l.project_id', 'l.resource_id', 'l.demand_id', 'l.title'])
        .where('l.project_id', 'in', projectIds).orderBy('l.id').execute();
    },
  };
}
