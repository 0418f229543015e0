import { sql, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { DB } from '@dangjian/db';
import type { MeetingKind, RulePeriod } from '@dangjian/contracts';
import { pathUnder } from '../orgs/orgs.repo.ts';
import type { HeldCounts } from './evaluate.ts';
import type { Rule } from './rules.ts';

/** A rule row with its organization's name when visible (ancestors' names are not). */
export interface RuleRow extends Rule {
  orgName: string | null;
  orgPath: string | null;
  note: string | null;
}

/** ltree text → its ids, root first ('1.12.140' → ['1', '12', '140']). */
export const pathIds = (path: string) => path.split('.');

/**
 * SQL of compliance: the subtree's organizations, the rules that can govern them and the held
 * meetings counted per organization, kind and month, in one aggregate.
 */
export function createComplianceRepo(db: Kysely<DB>) {
  const ruleColumns = [
    'r.id', 'r.org_id', 'r.kind', 'r.count', 'r.period', 'r.applies_to', 'r.min_full_members', 'r.months', 'r.note', 'o.name as org_name',
    sql<string | null>`o.path::text`.as('org_path'),
    sql<string | null>`to_char(r.effective_from, 'YYYY-MM-DD')`.as('effective_from'),
    sql<string | null>`to_char(r.effective_to, 'YYYY-MM-DD')`.as('effective_to'),
  ] as const;
  const toRule = (r: {
    id: string; org_id: string | null; kind: string; count: number; period: RulePeriod; applies_to: string[]; min_full_members: number | null; months: number[] | null;
    note: string | null; org_name: string | null; org_path: string | null; effective_from: string | null; effective_to: string | null;
  }): RuleRow => ({
    id: r.id, orgId: r.org_id, kind: r.kind as MeetingKind, count: r.count, period: r.period, appliesTo: r.applies_to, minFullMembers: r.min_full_members,
    months: r.months, effectiveFrom: r.effective_from, effectiveTo: r.effective_to, note: r.note, orgName: r.org_name, orgPath: r.org_path,
  });

  return {
    /** Active organizations of the subtree at `rootPath` (root included). */
    subtreeOrgs(rootPath: string) {
      return db.selectFrom('orgs as o')
        .select(['o.id', 'o.name', 'o.type', sql<string>`o.path::text`.as('path')])
        .where((eb) => pathUnder(eb.ref('o.path'), rootPath))
        .where('o.status', '=', 'active')
        .execute();
    },

    /** Full members registered directly in each organization of the subtree (inactive ones are hidden by RLS). */
    async fullMemberCounts(rootPath: string): Promise<Map<string, number>> {
      const rows = await db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .select(['m.org_id', (eb) => eb.fn.countAll<string>().as('n')])
        .where((eb) => pathUnder(eb.ref('o.path'), rootPath))
        .where('m.status', '=', 'full')
        .groupBy('m.org_id')
        .execute();
      return new Map(rows.map((r) => [r.org_id, Number(r.n)]));
    },

    /**
     * Rules that can govern the subtree at `rootPath`: the defaults, those of the root and its
     * ancestors (ids on its path) and those of organizations inside it.
     */
    async rulesFor(rootPath: string): Promise<RuleRow[]> {
      const rows = await db.selectFrom('meeting_rules as r')
        .leftJoin('orgs as o', 'o.id', 'r.org_id')
        .select(ruleColumns)
        .where((eb) => eb.or([
          eb('r.org_id', 'is', null),
          eb('r.org_id', 'in', pathIds(rootPath)),
          sql<SqlBool>`o.path <@ ${rootPath}::ltree`,
        ]))
        .orderBy(sql`o.path NULLS FIRST`)
        .orderBy('r.kind').orderBy('r.id')
        .execute();
      return rows.map(toRule);
    },

    async findRule(id: string): Promise<RuleRow | undefined> {
      const r = await db.selectFrom('meeting_rules as r').leftJoin('orgs as o', 'o.id', 'r.org_id').select(ruleColumns).where('r.id', '=', id).executeTakeFirst();
      return r && toRule(r);
    },

    insertRule(row: Insertable<DB['meeting_rules']> & { org_id: string }) {
      return db.insertInto('meeting_rules').values(row).returning('id').executeTakeFirstOrThrow().then((r) => r.id);
    },

    updateRule(id: string, patch: Updateable<DB['meeting_rules']>) {
      return db.updateTable('meeting_rules').set({ ...patch, updated_at: sql`now()` }).where('id', '=', id).execute();
    },

    deleteRule(id: string) {
      return db.deleteFrom('meeting_rules').where('id', '=', id).execute();
    },

    /**
     * Held meetings of the subtree in [from, to), per organization and kind, with one array of
     * months (ym = 202609, China time) and one of counts: a few thousand rows for a county year
     * instead of one per month. Rides on meetings(org_id, held_at) INCLUDE (kind, status).
     */
    async heldCounts(rootPath: string, from: Date, to: Date): Promise<Map<string, HeldCounts>> {
      const rows = await db
        .selectFrom((eb) => eb.selectFrom('meetings as m')
          .innerJoin('orgs as o', 'o.id', 'm.org_id')
          .select([
            'm.org_id', 'm.kind',
            sql<number>`to_char(m.held_at AT TIME ZONE 'UTC' + interval '8 hours', 'YYYYMM')::int`.as('ym'),
            (e) => e.fn.countAll<number>().as('n'),
          ])
          .where((e) => pathUnder(e.ref('o.path'), rootPath))
          .where('m.status', '=', 'held')
          .where('m.held_at', '>=', from)
          .where('m.held_at', '<', to)
          .groupBy(['m.org_id', 'm.kind', 'ym'])
          .as('c'))
        .select(['c.org_id', 'c.kind', sql<number[]>`array_agg(c.ym)`.as('yms'), sql<string[]>`array_agg(c.n)`.as('ns')])
        .groupBy(['c.org_id', 'c.kind'])
        .execute();
      const out = new Map<string, HeldCounts>();
      for (const r of rows) {
        let org = out.get(r.org_id);
        if (!org) out.set(r.org_id, (org = new Map()));
        org.set(r.kind, new Map(r.yms.map((ym, i) => [Number(ym), Number(r.ns[i])])));
      }
      return out;
    },
  };
}
