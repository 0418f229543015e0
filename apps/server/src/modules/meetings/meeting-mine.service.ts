import { withScope } from '@dangjian/db';
import { BUILTIN_MEETING_KINDS, type MeetingMineResponse } from '@dangjian/contracts';
import type { Actor } from '../../lib/actor.ts';
import { systemClock } from '../../lib/clock.ts';
import { chinaDate, chinaDayStart } from './meeting-rules.ts';
import type { MeetingsDeps } from './meetings.service.ts';

/**
 * 我的组织生活: for the signed-in user's linked member (users.member_id), the meetings of the
 * year they were expected at (on the attendance list), attended, missed or on leave. The scope
 * comes from their identity rather than a role, so a member needs no management permission
 * to see their own record, and only rows of their own attendance are read.
 * @example await mine.mine(actor, 2026) // { due: 24, attended: 21, missed: 2, leave: 1, … }
 */
export function createMeetingMineService(deps: MeetingsDeps) {
  const clock = deps.clock ?? systemClock;
  return {
    async mine(actor: Actor, year?: number): Promise<MeetingMineResponse> {
      const y = year ?? Number(chinaDate(clock()).slice(0, 4));
      const empty = { year: y, member: null, due: 0, attended: 0, missed: 0, leave: 0, byKind: [], items: [] };
      // Identity lookup (like the session's): the user's own member row and its org path.
      const me = await deps.db.selectFrom('users as u').innerJoin('members as mb', 'mb.id', 'u.member_id')
        .innerJoin('orgs as o', 'o.id', 'mb.org_id')
        .select(['mb.id', 'mb.name', 'o.name as org_name', 'o.path']).where('u.id', '=', actor.userId).executeTakeFirst();
      if (!me) return empty;
      // The parent's subtree, so a member of a 党小组 also sees the branch's meetings; the
      // member_id filter keeps every row their own.
      const scopeRoot = me.path.includes('.') ? me.path.slice(0, me.path.lastIndexOf('.')) : me.path;
      const rows = await withScope(deps.db, [scopeRoot], (trx) => trx.selectFrom('meeting_attendance as a')
        .innerJoin('meetings as m', 'm.id', 'a.meeting_id').innerJoin('orgs as o', 'o.id', 'm.org_id')
        .leftJoin('meeting_kinds as k', 'k.code', 'm.kind')
        .select(['m.id', 'm.title', 'm.kind', 'k.label', 'm.held_at', 'o.name as org_name', 'a.status', 'a.reason'])
        .where('a.member_id', '=', me.id).where('m.status', '=', 'held')
        .where('m.held_at', '>=', chinaDayStart(`${y}-01-01`)).where('m.held_at', '<', chinaDayStart(`${y + 1}-01-01`))
        .orderBy('m.held_at', 'desc').execute());
      const items = rows.map((r) => ({
        meetingId: r.id, title: r.title, kind: r.kind, kindLabel: r.label ?? BUILTIN_MEETING_KINDS[r.kind as keyof typeof BUILTIN_MEETING_KINDS] ?? r.kind,
        heldAt: new Date(r.held_at).toISOString(), orgName: r.org_name, status: r.status, reason: r.reason,
      }));
      const byKind = new Map<string, { kind: string; kindLabel: string; due: number; attended: number }>();
      for (const i of items) {
        const k = byKind.get(i.kind) ?? { kind: i.kind, kindLabel: i.kindLabel, due: 0, attended: 0 };
        k.due += 1;
        if (i.status === 'present') k.attended += 1;
        byKind.set(i.kind, k);
      }
      return {
        year: y, member: { id: me.id, name: me.name, orgName: me.org_name },
        due: items.length, attended: items.filter((i) => i.status === 'present').length,
        missed: items.filter((i) => i.status === 'absent').length, leave: items.filter((i) => i.status === 'leave').length,
        byKind: [...byKind.values()], items,
      };
    },
  };
}
