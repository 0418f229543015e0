/**
 * Grids (A2) and a year of 群众微心愿 (F1). Grids: one per 网格党支部 of a community (org_id the
 * community 党委, grid_org_id the grid branch) and one to three per village (org_id the village
 * 党支部 or 党总支, no grid branch). Wishes: about one a month per grid over the year before
 * TODAY, reviewed by the grid's branch (else the village); the older ones mostly confirmed, the
 * recent ones open, claimed or awaiting confirmation, a few rejected or closed — with their
 * timeline (wish_events). Claimants are members registered under the reviewing organization.
 * Photos are not generated (bytea; the wall reads their ids only).
 */
import { createHash } from 'node:crypto';
import type { Rng } from '../../packages/db/src/fixtures/index.ts';
import { chineseName, syntheticPhone } from '../../packages/db/src/fixtures/index.ts';
import { copyRows, type Cell, type CopyResult } from '../lib/copy.ts';
import type { OrgRow } from './tree.ts';
import type { GenContext, Step } from './steps.ts';

const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const DAY = 86_400_000;
const TODAY_MS = Date.parse('2026-11-01T00:00:00Z');
const CLAIM_DAYS = 7;

export interface GridRow { id: number; orgId: number; gridOrgId: number | null; regionId: number; name: string }

/** Villages (村党支部 / 村党总支) and communities (社区党委 with grid branches) of the tree, with their grids. */
export function gridsOf(ctx: GenContext, rng: Rng): GridRow[] {
  const children = new Map<number, OrgRow[]>();
  for (const o of ctx.tree.orgs) if (o.parentId !== null) (children.get(o.parentId) ?? children.set(o.parentId, []).get(o.parentId)!).push(o);
  const grids: GridRow[] = [];
  for (const o of ctx.tree.orgs) {
    const gridBranches = (children.get(o.id) ?? []).filter((c) => c.type === 'grid_branch');
    if (o.type === 'party_committee' && o.name.endsWith('社区党委') && gridBranches.length > 0) {
      gridBranches.forEach((g, i) => grids.push({ id: grids.length + 1, orgId: o.id, gridOrgId: g.id, regionId: o.regionId, name: `第${NUM[i % 10]}网格${i >= 10 ? i + 1 : ''}` }));
    } else if ((o.type === 'branch' && o.name.endsWith('村党支部') && !o.name.includes('第')) || (o.type === 'general_branch' && o.name.endsWith('村党总支'))) {
      for (let i = 0, n = rng.int(1, 3); i < n; i++) grids.push({ id: grids.length + 1, orgId: o.id, gridOrgId: null, regionId: o.regionId, name: `第${NUM[i]}网格` });
    }
  }
  return grids;
}

export const gridsStep: Step = {
  name: 'grids',
  tables: ['grids'],
  identities: ['grids'],
  run: async (ctx): Promise<CopyResult[]> => {
    const rng = ctx.rngFor('grids');
    const grids = gridsOf(ctx, rng);
    return [await copyRows(ctx.opts.target, ctx.conn, {
      table: 'grids', columns: ['id', 'org_id', 'grid_org_id', 'name', 'leader_name', 'leader_phone', 'households'], total: grids.length,
      rows: grids.map((g): Cell[] => [g.id, g.orgId, g.gridOrgId, g.name, chineseName(rng, rng.chance(0.5) ? 'male' : 'female', 1970), syntheticPhone(rng), rng.int(80, 400)]),
    })];
  },
};

const WISHES: readonly { category: string; title: string; content: string }[] = [
  { category: 'living', title: '希望帮忙修理漏水的水管', content: '家里厨房水管漏水，老人独居不会修，希望有党员帮忙看看。' },
  { category: 'living', title: '想要一台二手洗衣机', content: '家里洗衣机坏了，孩子上学开销大，想要一台能用的二手洗衣机。' },
  { category: 'study', title: '孩子暑假作业需要辅导', content: '孩子上初一，数学跟不上，希望暑假每周有人辅导一两次。' },
  { category: 'health', title: '陪老人到县医院复查', content: '老伴腿脚不便，子女在外地打工，下月需要到县医院复查，希望有人陪同。' },
  { category: 'jobs', title: '希望推荐附近的工作', content: '刚从外地回乡，会开车，希望能推荐附近的工作岗位。' },
  { category: 'environment', title: '楼道灯坏了希望更换', content: '3号楼2单元楼道灯坏了一个多月，晚上上下楼不方便。' },
  { category: 'culture', title: '想学智能手机视频通话', content: '想学会用智能手机和孙子视频，希望有人教一教。' },
  { category: 'other', title: '希望帮忙清理院里杂物', content: '院子里堆了很多旧家具，自己搬不动，希望有人帮忙清理。' },
];
const NICK = ['王阿姨', '李大爷', '张奶奶', '刘师傅', '陈大姐', '杨叔', '赵阿姨', '黄大爷', '周女士', '吴先生'];

interface Wish {
  id: number; grid: GridRow; orgId: number; status: string; claimant: number | null;
  created: number; claimed: number | null; fulfilled: number | null; /** confirmed or disputed by the resident */ answered: number | null; closed: number | null;
  kind: (typeof WISHES)[number]; nickname: string; phone: string;
}

/** The wishes of every grid over the year, in id order; members of a holder are firstMember…+count-1. */
function* wishes(ctx: GenContext): Generator<Wish> {
  const rng = ctx.rngFor('wishes');
  const grids = gridsOf(ctx, ctx.rngFor('grids'));
  // Claimants: the members registered in the holders under each reviewing organization.
  const reviewers = new Set(grids.map((g) => g.gridOrgId ?? g.orgId));
  const pathOf = new Map(ctx.tree.orgs.map((o) => [o.id, o.path]));
  const under = new Map<number, number[]>();
  ctx.tree.holders.forEach((h, i) => {
    if (ctx.counts[i]! === 0) return;
    for (const a of pathOf.get(h.orgId)!.split('.').map(Number)) if (reviewers.has(a)) (under.get(a) ?? under.set(a, []).get(a)!).push(i);
  });
  let id = 0;
  for (const grid of grids) {
    const orgId = grid.gridOrgId ?? grid.orgId;
    const hs = under.get(orgId) ?? [];
    for (let n = rng.int(6, 18); n > 0; n--) {
      const created = TODAY_MS - rng.int(1, 365) * DAY + rng.int(1, 9) * 3_600_000;
      const age = (TODAY_MS - created) / DAY;
      const h = hs.length > 0 ? rng.pick(hs) : -1;
      const claimant = h >= 0 ? ctx.firstMember[h]! + rng.int(0, ctx.counts[h]! - 1) : null;
      // The lifecycle reached by TODAY: old wishes are mostly done; recent ones still moving.
      const x = rng.next();
      let status: string;
      if (x < 0.04) status = 'pending';
      else if (x < 0.08) status = 'rejected';
      else if (x < 0.1) status = 'closed';
      else if (claimant === null) status = 'open';
      else if (age < 10) status = x < 0.6 ? 'open' : 'claimed';
      else if (age < 30) status = x < 0.3 ? 'open' : x < 0.45 ? 'claimed' : x < 0.75 ? 'fulfilled' : 'confirmed';
      else status = x < 0.13 ? 'open' : x < 0.15 ? 'disputed' : x < 0.2 ? 'fulfilled' : 'confirmed';
      const hasClaim = ['claimed', 'fulfilled', 'confirmed', 'disputed'].includes(status);
      // A claim still running was taken in the last week, so none is overdue at TODAY.
      const claimed = !hasClaim ? null
        : status === 'claimed' ? Math.max(created + 3_600_000, TODAY_MS - rng.int(1, CLAIM_DAYS - 1) * DAY)
          : Math.min(created + rng.int(1, 5) * DAY, TODAY_MS - 2 * DAY);
      const fulfilled = claimed !== null && status !== 'claimed' ? Math.min(claimed + rng.int(1, CLAIM_DAYS - 1) * DAY, TODAY_MS - DAY) : null;
      const answered = fulfilled !== null && (status === 'confirmed' || status === 'disputed') ? Math.min(fulfilled + rng.int(1, 5) * DAY, TODAY_MS - 3_600_000) : null;
      const closed = status === 'closed' || status === 'rejected' ? created + rng.int(1, 3) * DAY : null;
      yield {
        id: ++id, grid, orgId, status, claimant: hasClaim ? claimant : null, created, claimed, fulfilled, answered, closed,
        kind: rng.pick(WISHES), nickname: rng.pick(NICK), phone: syntheticPhone(rng),
      };
    }
  }
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const WISH_COLUMNS = [
  'id', 'org_id', 'village_id', 'grid_id', 'region_id', 'source', 'category', 'title', 'content', 'nickname', 'resident_phone', 'token_hash',
  'status', 'claimant_id', 'claimed_at', 'claim_deadline', 'fulfil_note', 'fulfilled_at', 'confirmed_at', 'reject_reason', 'dispute_comment',
  'close_reason', 'created_at', 'updated_at',
] as const;

function* wishRows(ctx: GenContext): Generator<Cell[]> {
  for (const w of wishes(ctx)) {
    const updated = Math.max(w.created, w.claimed ?? 0, w.fulfilled ?? 0, w.answered ?? 0, w.closed ?? 0);
    yield [
      w.id, w.orgId, w.grid.orgId, w.grid.id, w.grid.regionId, 'public', w.kind.category, w.kind.title, w.kind.content, w.nickname, w.phone,
      createHash('sha256').update(`bench-wish-${w.id}`).digest('hex'), w.status, w.claimant, iso(w.claimed),
      w.status === 'claimed' ? iso(w.claimed! + CLAIM_DAYS * DAY) : null, w.fulfilled !== null ? '已上门完成，群众表示满意。' : null, iso(w.fulfilled),
      w.status === 'confirmed' ? iso(w.answered) : null, w.status === 'rejected' ? '不属于微心愿范围，已转社区办理' : null, w.status === 'disputed' ? '还没有完全修好' : null,
      w.status === 'closed' ? '群众已自行解决' : null, iso(w.created), iso(updated),
    ];
  }
}

/** The timeline; actor_name as the product writes it (the resident's nickname for their own acts). */
function* eventRows(ctx: GenContext): Generator<Cell[]> {
  let id = 0;
  for (const w of wishes(ctx)) {
    const ev = (kind: string, at: number | null, who: string, note: string | null = null): Cell[] => [++id, w.id, kind, null, who, note, iso(at)];
    yield ev('posted', w.created, w.nickname);
    if (w.status === 'pending') continue;
    if (w.status === 'rejected') { yield ev('rejected', w.closed, '支部书记', '不属于微心愿范围'); continue; }
    yield ev('reviewed', w.created + 3_600_000, '支部书记');
    if (w.claimed !== null) yield ev('claimed', w.claimed, '党员', '本人认领');
    if (w.fulfilled !== null) yield ev('fulfilled', w.fulfilled, '党员', '已上门完成');
    if (w.answered !== null) yield ev(w.status === 'disputed' ? 'disputed' : 'confirmed', w.answered, w.nickname);
    if (w.status === 'closed') yield ev('closed', w.closed, '支部书记', '群众已自行解决');
  }
}

export const wishesStep: Step = {
  name: 'wishes',
  weight: 0.5,
  tables: ['grids', 'wishes', 'wish_events'],
  identities: ['wishes', 'wish_events'],
  run: async (ctx): Promise<CopyResult[]> => {
    const perYear = gridsOf(ctx, ctx.rngFor('grids')).length * 12;
    return [
      await copyRows(ctx.opts.target, ctx.conn, { table: 'wishes', columns: WISH_COLUMNS, total: perYear, rows: wishRows(ctx) }),
      await copyRows(ctx.opts.target, ctx.conn, { table: 'wish_events', columns: ['id', 'wish_id', 'kind', 'actor', 'actor_name', 'note', 'at'], total: perYear * 4, rows: eventRows(ctx) }),
    ];
  },
};
