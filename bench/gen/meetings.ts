/**
 * A year (2026) of 三会一课 meetings with attendance for every branch and group, the shape the
 * compliance report reads: most organizations meet the default rules, about one in six misses
 * some meetings, so the report has shortfalls to name. Attendance is taken for the branch's
 * registered members (党小组会 have none: members are registered in branches).
 */
import type { Rng } from '../../packages/db/src/fixtures/index.ts';
import { copyRows, type Cell, type CopyResult } from '../lib/copy.ts';
import type { GenContext, Step } from './steps.ts';

const BRANCHES = new Set(['branch', 'temp_branch', 'grid_branch', 'building_branch']);
const GROUPS = new Set(['group', 'building_group']);
const TITLES: Record<string, string> = {
  branch_congress: '支部党员大会', branch_committee: '支部委员会会议', group_meeting: '党小组会', party_lesson: '党课',
  theme_day: '主题党日活动', life_meeting: '组织生活会', democratic_review: '民主评议党员大会',
};
/** Meetings where every member is expected; a committee meeting has about five attendees. */
const ALL_MEMBERS = new Set(['branch_congress', 'party_lesson', 'theme_day', 'life_meeting', 'democratic_review']);

interface Planned { id: number; orgId: number; regionId: number; kind: string; at: string }

/** The meetings one organization holds in 2026; `diligence` is its chance to hold each one. */
function plan(rng: Rng, isBranch: boolean, diligence: number): { kind: string; month: number }[] {
  const out: { kind: string; month: number }[] = [];
  const maybe = (kind: string, month: number) => { if (rng.chance(diligence)) out.push({ kind, month }); };
  for (let m = 1; m <= 12; m++) {
    if (!isBranch) { maybe('group_meeting', m); continue; }
    maybe('branch_committee', m);
    maybe('theme_day', m);
  }
  if (isBranch) {
    for (let q = 0; q < 4; q++) {
      maybe('branch_congress', q * 3 + rng.int(1, 3));
      maybe('party_lesson', q * 3 + rng.int(1, 3));
    }
    maybe('life_meeting', rng.int(11, 12));
    maybe('democratic_review', rng.int(11, 12));
  }
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');

function meetingsOf(ctx: GenContext, rng: Rng): Planned[] {
  const out: Planned[] = [];
  for (const o of ctx.tree.orgs) {
    const isBranch = BRANCHES.has(o.type);
    if (!isBranch && !GROUPS.has(o.type)) continue;
    const diligence = rng.chance(0.17) ? 0.8 : 1;
    for (const p of plan(rng, isBranch, diligence)) {
      // Mornings, China time (UTC+8): 01:00–03:00Z is 09:00–11:00 local.
      out.push({ id: out.length + 1, orgId: o.id, regionId: o.regionId, kind: p.kind, at: `2026-${pad(p.month)}-${pad(rng.int(1, 28))}T0${rng.int(1, 3)}:00:00Z` });
    }
  }
  return out;
}

function* attendance(ctx: GenContext, meetings: Planned[], rng: Rng): Generator<Cell[]> {
  const roster = new Map<number, { first: number; count: number }>();
  ctx.tree.holders.forEach((h, i) => roster.set(h.orgId, { first: ctx.firstMember[i]!, count: ctx.counts[i]! }));
  for (const m of meetings) {
    const r = roster.get(m.orgId);
    if (!r || r.count === 0) continue;
    const n = ALL_MEMBERS.has(m.kind) ? r.count : Math.min(5, r.count);
    for (let k = 0; k < n; k++) {
      const x = rng.next();
      yield [m.id, r.first + k, x < 0.88 ? 'present' : x < 0.96 ? 'leave' : 'absent'];
    }
  }
}

/** The generator step: meetings, then attendance, both by COPY. */
export const meetingsStep: Step = {
  name: 'meetings',
  tables: ['meetings', 'meeting_attendance'],
  weight: 18,
  run: async (ctx): Promise<CopyResult[]> => {
    const rng = ctx.rngFor('meetings');
    const meetings = meetingsOf(ctx, rng);
    const held = await copyRows(ctx.opts.target, ctx.conn, {
      table: 'meetings', columns: ['id', 'org_id', 'region_id', 'kind', 'title', 'held_at', 'status'], total: meetings.length,
      rows: meetings.map((m): Cell[] => [m.id, m.orgId, m.regionId, m.kind, `2026年${TITLES[m.kind]}`, m.at, 'held']),
    });
    const perBranch = ctx.counts.reduce((s, c) => s + c, 0) / Math.max(1, ctx.tree.holders.length);
    const att = await copyRows(ctx.opts.target, ctx.conn, {
      table: 'meeting_attendance', columns: ['meeting_id', 'member_id', 'status'],
      total: Math.round(meetings.length * Math.min(perBranch, 20)), rows: attendance(ctx, meetings, rng),
    });
    return [held, att];
  },
};
