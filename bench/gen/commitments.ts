/**
 * 公开承诺 / 亮身份 (F2) for 2026: most members make one or two commitments and every branch's
 * team one (班子承诺, member_id NULL), placed as the product places them (placementOf in
 * apps/server/src/modules/commitments/commitments.repo.ts): org_id the nearest ancestor-or-self
 * that is not a group, village_id the outermost village/community (村/社区 in the name) above it,
 * else the branch. Most are approved, some completed, a few drafts, submitted or returned; the
 * approved ones get 践诺 progress notes and some residents' feedback. No photos (bytea).
 */
import { copyRows, type Cell, type CopyResult } from '../lib/copy.ts';
import type { OrgRow } from './tree.ts';
import type { GenContext, Step } from './steps.ts';

const GROUP_TYPES = new Set(['group', 'building_group', 'center_household', 'building_lead']);
const VILLAGE_TYPES = new Set(['party_committee', 'general_branch', 'branch']);
const DAY = 86_400_000;
const TODAY_MS = Date.parse('2026-11-01T00:00:00Z');
const YEAR_START = Date.parse('2026-01-05T01:00:00Z');

const MEMBER_TEXT = [
  '每月走访联系户不少于2户，帮助解决实际困难', '带头参加志愿服务，全年不少于20小时', '帮助1户困难群众发展产业增收',
  '做好垃圾分类宣传，带动身边群众参与', '结对帮扶1名留守儿童，定期辅导功课', '带头遵守村规民约，调解邻里矛盾',
];
const TEAM_TEXT = ['为群众办实事10件以上，公开办理结果', '完成村内道路亮化工程', '建成村级便民服务站，实行代办服务', '组织开展“三会一课”，按时率100%'];
const PROGRESS = ['本月走访2户，了解用水困难并已反映', '参加社区清洁家园活动半天', '帮助联系农资采购，节省成本', '组织党员志愿者为老人理发'];
const FEEDBACK = ['感谢党员同志帮忙，服务很周到', '希望多组织这样的活动', '路灯已经修好了，晚上出门方便多了', '承诺落实得好，点赞'];

interface Placement { orgId: number; regionId: number; villageId: number }

/** placementOf of the product, on the in-memory tree. */
function placements(ctx: GenContext): (orgId: number) => Placement {
  const byId = new Map<number, OrgRow>(ctx.tree.orgs.map((o) => [o.id, o]));
  const cache = new Map<number, Placement>();
  return (orgId) => {
    let p = cache.get(orgId);
    if (p) return p;
    const chain = byId.get(orgId)!.path.split('.').map((id) => byId.get(Number(id))!);
    const branch = [...chain].reverse().find((o) => !GROUP_TYPES.has(o.type)) ?? chain[chain.length - 1]!;
    const village = chain.slice(0, chain.indexOf(branch) + 1).find((o) => VILLAGE_TYPES.has(o.type) && /村|社区/.test(o.name)) ?? branch;
    cache.set(orgId, (p = { orgId: branch.id, regionId: branch.regionId, villageId: village.id }));
    return p;
  };
}

interface Commitment {
  id: number; place: Placement; memberId: number | null; content: string; status: string;
  submitted: number | null; vetted: number | null; completed: number | null; created: number;
}

function* commitments(ctx: GenContext): Generator<Commitment> {
  const rng = ctx.rngFor('commitments');
  const placeOf = placements(ctx);
  let id = 0;
  const make = (place: Placement, memberId: number | null, content: string): Commitment => {
    const created = YEAR_START + rng.int(0, 60) * DAY;
    const x = rng.next();
    const status = x < 0.04 ? 'draft' : x < 0.08 ? 'submitted' : x < 0.1 ? 'returned' : 'approved';
    const submitted = status === 'draft' ? null : created + rng.int(1, 5) * DAY;
    const vetted = status === 'approved' || status === 'returned' ? submitted! + rng.int(1, 7) * DAY : null;
    const completed = status === 'approved' && rng.chance(0.3) ? TODAY_MS - rng.int(1, 60) * DAY : null;
    return { id: ++id, place, memberId, content, status, submitted, vetted, completed, created };
  };
  const teams = new Set<number>();
  for (let i = 0; i < ctx.tree.holders.length; i++) {
    if (ctx.counts[i]! === 0) continue;
    const place = placeOf(ctx.tree.holders[i]!.orgId);
    if (!teams.has(place.orgId)) {
      teams.add(place.orgId);
      yield make(place, null, rng.pick(TEAM_TEXT));
    }
    for (let k = 0; k < ctx.counts[i]!; k++) {
      // Seven in ten members make a commitment; a fifth of those two.
      if (!rng.chance(0.7)) continue;
      const memberId = ctx.firstMember[i]! + k;
      for (let n = rng.chance(0.2) ? 2 : 1; n > 0; n--) yield make(place, memberId, rng.pick(MEMBER_TEXT));
    }
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const COLUMNS = [
  'id', 'org_id', 'region_id', 'village_id', 'member_id', 'year', 'content', 'status', 'return_reason', 'submitted_at', 'vetted_at', 'completed_at',
  'completion_note', 'rating', 'created_at', 'updated_at',
] as const;

function* commitmentRows(ctx: GenContext): Generator<Cell[]> {
  for (const c of commitments(ctx)) {
    yield [
      c.id, c.place.orgId, c.place.regionId, c.place.villageId, c.memberId, 2026, c.content, c.status, c.status === 'returned' ? '承诺内容不够具体，请补充时限和数量' : null,
      iso(c.submitted), iso(c.vetted), iso(c.completed), c.completed !== null ? '已按期完成，群众满意' : null,
      c.completed !== null ? (c.id % 3 === 0 ? 'good' : 'excellent') : null, iso(c.created), iso(c.completed ?? c.vetted ?? c.submitted ?? c.created),
    ];
  }
}

/** 践诺 notes: 0–3 per approved commitment, after approval. */
function* progressRows(ctx: GenContext): Generator<Cell[]> {
  const rng = ctx.rngFor('commitment-progress');
  let id = 0;
  for (const c of commitments(ctx)) {
    if (c.status !== 'approved') continue;
    for (let n = rng.int(0, 3); n > 0; n--) {
      const on = new Date(c.vetted! + rng.int(1, Math.max(1, Math.floor((TODAY_MS - c.vetted!) / DAY) - 1)) * DAY);
      yield [++id, c.id, c.place.orgId, c.place.regionId, on.toISOString().slice(0, 10), rng.pick(PROGRESS), on.toISOString()];
    }
  }
}

/** Residents' comments on one in eight approved commitments; most answered. */
function* feedbackRows(ctx: GenContext): Generator<Cell[]> {
  const rng = ctx.rngFor('commitment-feedback');
  let id = 0;
  for (const c of commitments(ctx)) {
    if (c.status !== 'approved' || !rng.chance(0.125)) continue;
    const at = c.vetted! + rng.int(1, 200) * DAY;
    if (at >= TODAY_MS) continue;
    const answered = rng.chance(0.7);
    yield [++id, c.id, c.place.orgId, c.place.regionId, rng.chance(0.5) ? '热心群众' : null, rng.pick(FEEDBACK), new Date(at).toISOString(),
      answered ? '感谢您的支持，我们会继续努力。' : null, answered ? new Date(Math.min(at + 2 * DAY, TODAY_MS - 3_600_000)).toISOString() : null, false];
  }
}

export const commitmentsStep: Step = {
  name: 'commitments',
  weight: 2.2,
  tables: ['commitments', 'commitment_progress', 'commitment_feedback'],
  identities: ['commitments', 'commitment_progress', 'commitment_feedback'],
  run: async (ctx): Promise<CopyResult[]> => {
    const expected = Math.round(ctx.opts.members * 0.84 + ctx.tree.holders.length);
    return [
      await copyRows(ctx.opts.target, ctx.conn, { table: 'commitments', columns: COLUMNS, total: expected, rows: commitmentRows(ctx) }),
      await copyRows(ctx.opts.target, ctx.conn, {
        table: 'commitment_progress', columns: ['id', 'commitment_id', 'org_id', 'region_id', 'on_date', 'note', 'created_at'], total: Math.round(expected * 1.35), rows: progressRows(ctx),
      }),
      await copyRows(ctx.opts.target, ctx.conn, {
        table: 'commitment_feedback', columns: ['id', 'commitment_id', 'org_id', 'region_id', 'nickname', 'content', 'created_at', 'answer', 'answered_at', 'hidden'],
        total: Math.round(expected * 0.11), rows: feedbackRows(ctx),
      }),
    ];
  },
};
