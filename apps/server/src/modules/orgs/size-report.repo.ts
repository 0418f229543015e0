import { sql, type Kysely } from 'kysely';
import type { DB } from '@dangjian/db';
import { BRANCH_LEVEL_TYPES } from '@dangjian/contracts';
import { pathUnder } from './orgs.repo.ts';

/**
 * Every active branch-level organization under `root` (itself included) with its full and
 * probationary members (its own and its 党小组's) and the end of its latest team's term, in
 * tree order. One statement; the member counts aggregate once over the subtree and are then
 * attributed to each branch by ltree containment.
 */
export function sizeReportRows(db: Kysely<DB>, root: string) {
  return db
    .with('b', (qb) => qb.selectFrom('orgs as o').leftJoin('orgs as p', 'p.id', 'o.parent_id')
      .select(['o.id', 'o.name', 'o.type', 'o.path', 'o.valid_until', 'p.name as parent_name'])
      .where((eb) => pathUnder(eb.ref('o.path'), root))
      .where('o.status', '=', 'active')
      .where('o.type', 'in', [...BRANCH_LEVEL_TYPES]))
    .with('c', (qb) => qb.selectFrom('members as m').innerJoin('orgs as mo', 'mo.id', 'm.org_id')
      .select(['mo.path', (eb) => eb.fn.countAll<string>().filterWhere('m.status', '=', 'full').as('full'),
        (eb) => eb.fn.countAll<string>().filterWhere('m.status', '=', 'probationary').as('probationary')])
      .where((eb) => pathUnder(eb.ref('mo.path'), root))
      .groupBy('mo.path'))
    .selectFrom('b')
    .select([
      'b.id', 'b.name', 'b.type', 'b.path', 'b.valid_until', 'b.parent_name',
      sql<string>`coalesce((SELECT sum(c.full) FROM c WHERE c.path <@ b.path), 0)`.as('full'),
      sql<string>`coalesce((SELECT sum(c.probationary) FROM c WHERE c.path <@ b.path), 0)`.as('probationary'),
      (eb) => eb.selectFrom('org_teams as t').select((e) => e.fn.max('t.term_end').as('e')).whereRef('t.org_id', '=', 'b.id').as('term_end'),
    ])
    .orderBy('b.path')
    .execute();
}
