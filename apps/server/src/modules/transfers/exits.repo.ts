import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '@dangjian/db';
import type { ExitKind, MemberExitListQuery } from '@dangjian/contracts';
import { pathInScope } from '../orgs/orgs.repo.ts';

type Tx = Kysely<DB> | Transaction<DB>;

export interface NewExit {
  memberId: string; orgId: string; name: string; kind: ExitKind; measure: string; removes: boolean;
  decidedOn: string; decision: string | null; approver: string | null; reason: string | null;
  snapshot: Record<string, unknown>; transferId: string | null; createdBy: string;
}

function baseSelect(db: Tx) {
  return db.selectFrom('member_exits as e').innerJoin('orgs as o', 'o.id', 'e.org_id')
    .selectAll('e').select(['o.name as org_name', 'o.path as org_path']);
}
export type ExitRow = Awaited<ReturnType<ReturnType<typeof baseSelect>['executeTakeFirstOrThrow']>>;

/** SQL of the history store (member_exits, append-only) and of the lapse candidates. */
export function createExitsRepo(db: Tx) {
  return {
    async insert(e: NewExit): Promise<string> {
      const r = await db.insertInto('member_exits').values({
        member_id: e.memberId, org_id: e.orgId, name: e.name, kind: e.kind, measure: e.measure, removes: e.removes,
        decided_on: e.decidedOn, decision: e.decision, approver: e.approver, reason: e.reason,
        snapshot: JSON.stringify(e.snapshot), transfer_id: e.transferId, created_by: e.createdBy,
      }).returning('id').executeTakeFirstOrThrow();
      return r.id;
    },

    /** Records of the subtree (the org at the time of the decision), newest decision first. */
    async list(scope: readonly string[], q: MemberExitListQuery, underPath: string | null) {
      let query = baseSelect(db).where((eb) => pathInScope(eb.ref('o.path'), scope));
      if (underPath) query = query.where(sql<boolean>`o.path <@ ${underPath}::ltree`);
      if (q.kind) query = query.where('e.kind', '=', q.kind);
      if (q.removes) query = query.where('e.removes', '=', q.removes === 'true');
      if (q.q) query = query.where((eb) => eb.or([eb('e.name', 'like', `%${q.q}%`), eb('e.measure', 'like', `%${q.q}%`)]));
      const [rows, total] = await Promise.all([
        query.orderBy('e.decided_on', 'desc').orderBy('e.id', 'desc').limit(q.pageSize).offset((q.page - 1) * q.pageSize).execute(),
        query.clearSelect().select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },

    find(id: string, scope: readonly string[]) {
      return baseSelect(db).where('e.id', '=', id).where((eb) => pathInScope(eb.ref('o.path'), scope)).executeTakeFirst();
    },

    /** The whole member row, for the snapshot (run after includeExited). */
    snapshotOf(memberId: string) {
      return db.selectFrom('members').selectAll().where('id', '=', memberId).executeTakeFirst();
    },

    /**
     * Active members of the subtree who joined before `since` and attended no held meeting
     * (present) since then: the 6-month organizational-life part of the lapse rule (党章 Art.9).
     */
    async lapseCandidates(underPath: string, since: string, page: number, pageSize: number) {
      const last = db.selectFrom('meeting_attendance as a').innerJoin('meetings as mt', 'mt.id', 'a.meeting_id')
        .select((eb) => ['a.member_id', eb.fn.max(sql<string>`(mt.held_at AT TIME ZONE 'Asia/Shanghai')::date::text`).as('last_on')])
        .where('a.status', '=', 'present').where('mt.status', '=', 'held').groupBy('a.member_id').as('l');
      const query = db.selectFrom('members as m').innerJoin('orgs as o', 'o.id', 'm.org_id').leftJoin(last, 'l.member_id', 'm.id')
        .where(sql<boolean>`o.path <@ ${underPath}::ltree`)
        .where(sql<boolean>`coalesce(m.joined_on, DATE '0001-01-01') < ${since}::date`)
        .where((eb) => eb.or([eb('l.last_on', 'is', null), eb('l.last_on', '<', since)]));
      const [rows, total] = await Promise.all([
        query.select(['m.id', 'm.name', 'm.org_id', 'o.name as org_name', 'l.last_on'])
          .orderBy('l.last_on', (ob) => ob.asc().nullsFirst()).orderBy('m.name_pinyin').orderBy('m.id')
          .limit(pageSize).offset((page - 1) * pageSize).execute(),
        query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { rows, total: Number(total.n) };
    },
  };
}
