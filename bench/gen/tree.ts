/**
 * A scalable organization tree of any size, from a seed: a town (its villages and
 * communities), a county (towns and streets, 区直机关工委 with 机关 branches, 两新 committee),
 * or a province (cities → counties). Depth stays 5–8: province 1, city 2, county 3, town 4,
 * community 5, grid 6, building group 7, 党员中心户 8.
 * Ids are assigned 1…N in pre-order so every ltree path is known without a round trip.
 */
import type { OrgType } from '../../packages/contracts/src/enums.ts';
import { chineseName, type Rng, type Setting } from '../../packages/db/src/fixtures/index.ts';

export interface OrgRow {
  id: number;
  parentId: number | null;
  path: string;
  depth: number;
  /** The county-level ancestor (members.region_id, the distribution key). */
  regionId: number;
  type: OrgType;
  name: string;
  sortOrder: number;
}

/** An organization that members are registered in, with its share of the roster. */
export interface Holder {
  orgId: number;
  setting: Setting;
  weight: number;
}

export interface Tree {
  orgs: OrgRow[];
  holders: Holder[];
}

const MAX_DEPTH = 8;
const NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const PLACE = [...'王李张刘陈杨赵黄周吴何胡马罗曹许邓冯彭余熊谢桂白金石双新大柳红向东桃龙青枣油朱韩程潘方姚'];
const PLACE2 = [...'湾畈庄楼岗店河寨冲营集塘林桥井山园坊堂铺'];
const CITIES = ['信阳', '郑州', '洛阳', '开封', '南阳', '商丘', '周口', '驻马店', '许昌', '平顶山', '新乡', '焦作', '安阳', '鹤壁', '濮阳', '漯河', '三门峡', '济源'];
const COMMUNITY = ['胜利', '新华', '民权', '解放', '和平', '建设', '文化', '滨河', '东方红', '明珠', '幸福', '光明', '团结', '友谊'];
const ORGANS = ['财政局', '教育局', '卫生健康委', '人社局', '自然资源局', '住建局', '交通运输局', '农业农村局', '水利局', '民政局', '司法局', '审计局', '统计局', '医保局', '税务局'];
const FIRMS = ['电子科技有限公司', '物流有限公司', '建材有限公司', '茶业有限公司', '食品有限公司', '律师事务所', '会计师事务所', '物业服务有限公司', '农业专业合作社', '社会工作服务中心'];

/** Builds the tree; `targetOrgs` is met within a few percent (a unit is never cut in half). */
export function buildTree(rng: Rng, targetOrgs: number): Tree {
  const orgs: OrgRow[] = [];
  const holders: Holder[] = [];
  const sorts = new Map<number, number>();
  const place = () => rng.pick(PLACE) + rng.pick(PLACE2);

  const add = (parent: OrgRow | null, type: OrgType, name: string, regionId?: number): OrgRow => {
    const id = orgs.length + 1;
    const key = parent?.id ?? 0;
    const sortOrder = (sorts.get(key) ?? 0) + 1;
    sorts.set(key, sortOrder);
    const row: OrgRow = {
      id, parentId: parent?.id ?? null, path: parent ? `${parent.path}.${id}` : String(id), depth: (parent?.depth ?? 0) + 1,
      regionId: regionId ?? parent?.regionId ?? id, type, name, sortOrder,
    };
    orgs.push(row);
    return row;
  };
  const hold = (o: OrgRow, setting: Setting, weight: number) => holders.push({ orgId: o.id, setting, weight });

  /** A village: a 党支部 with 党小组, or (one in five) a 党总支 with two or three branches. */
  const village = (parent: OrgRow) => {
    const name = place();
    if (rng.chance(0.2)) {
      const g = add(parent, 'general_branch', `${name}村党总支`);
      for (let i = 0, n = rng.int(2, 3); i < n; i++) {
        const b = add(g, 'branch', `${name}村第${NUM[i]}党支部`);
        hold(b, 'rural', 0.5 + rng.next() * 0.5);
        if (rng.chance(0.5) && b.depth < MAX_DEPTH) add(b, 'group', '第一党小组');
      }
      return;
    }
    const b = add(parent, 'branch', `${name}村党支部`);
    hold(b, 'rural', 0.8 + rng.next() * 0.8);
    for (let i = 0, n = rng.int(0, 3); i < n && b.depth < MAX_DEPTH; i++) add(b, 'group', `第${NUM[i]}党小组`);
  };

  /** A community 党委 → grid branches → building groups → (some) 党员中心户 → 楼栋长. */
  const community = (parent: OrgRow) => {
    const c = add(parent, 'party_committee', `${rng.pick(COMMUNITY)}社区党委`);
    for (let g = 0, n = rng.int(3, 5); g < n; g++) {
      const grid = add(c, 'grid_branch', `第${NUM[g]}网格党支部`);
      hold(grid, 'urban', 0.5);
      for (let h = 0, nb = rng.int(1, 3); h < nb && grid.depth < MAX_DEPTH; h++) {
        const no = rng.int(1, 30);
        const bg = add(grid, 'building_group', `${no}号楼党小组`);
        hold(bg, 'urban', 0.2);
        if (bg.depth < MAX_DEPTH && rng.chance(0.3)) {
          const ch = add(bg, 'center_household', `${chineseName(rng, 'male', 1958)}党员中心户`);
          if (ch.depth < MAX_DEPTH && rng.chance(0.5)) add(ch, 'building_lead', `${no}号楼1单元楼栋长`);
        }
      }
    }
  };

  /** 两新 organizations of a town or street: firms, sometimes an industry chain. */
  const twoNew = (parent: OrgRow, n: number) => {
    for (let i = 0; i < n; i++) {
      const f = add(parent, 'new_org', `${place()}${rng.pick(FIRMS)}党支部`);
      hold(f, 'enterprise', 0.3 + rng.next() * 0.3);
    }
    if (rng.chance(0.3)) hold(add(parent, 'industry_chain', `${place()}产业链党支部`), 'enterprise', 0.5);
  };

  /** A town (villages, maybe a community) or a street (communities, maybe a village), ~40 orgs. */
  const town = (parent: OrgRow | null, street: boolean, regionId?: number): OrgRow => {
    const name = place();
    const t = add(parent, street ? 'street_committee' : 'town_committee', street ? `${name}街道党工委` : `${name}镇党委`, regionId);
    hold(add(t, 'branch', `${name}${street ? '街道' : '镇'}机关党支部`), 'urban', 0.6);
    const villages = street ? rng.int(0, 2) : rng.int(7, 11);
    const communities = street ? rng.int(2, 4) : rng.int(0, 1);
    for (let v = 0; v < villages; v++) village(t);
    for (let c = 0; c < communities; c++) community(t);
    twoNew(t, rng.int(1, 2));
    if (!street && rng.chance(0.15)) hold(add(t, 'temp_branch', `${name}镇易地搬迁安置点临时党支部`), 'temp', 0.6);
    return t;
  };

  /** A county: 区直机关工委 and 两新党委 (about a tenth), then towns and streets up to the budget. */
  const county = (parent: OrgRow | null, budget: number, name: string): OrgRow => {
    const start = orgs.length;
    const k = add(parent, 'district_committee', `${name}委`);
    k.regionId = k.id;
    const organs = add(k, 'party_committee', `${name}直机关工委`);
    for (let i = 0, n = Math.max(2, Math.round(budget / 60)); i < n; i++) {
      const b = add(organs, 'branch', `${name}${ORGANS[i % ORGANS.length]}${i >= ORGANS.length ? NUM[Math.floor(i / ORGANS.length) % 10] : ''}机关党支部`);
      hold(b, 'urban', 0.7);
      if (rng.chance(0.4) && b.depth < MAX_DEPTH) add(b, 'group', '第一党小组');
    }
    const ln = add(k, 'party_committee', `${name}非公有制经济组织和社会组织党委`);
    twoNew(ln, Math.max(2, Math.round(budget / 80)));
    while (orgs.length - start < budget) town(k, rng.chance(0.25));
    return k;
  };

  if (targetOrgs <= 120) {
    // A town on its own is the root (town scale).
    while (orgs.length < targetOrgs) {
      if (orgs.length === 0) town(null, false);
      else village(orgs[0]!);
    }
  } else if (targetOrgs <= 8_000) {
    county(null, targetOrgs, `${place()}区`);
  } else {
    const root = add(null, 'party_committee', '河南省委');
    const cityCount = Math.min(CITIES.length, Math.max(2, Math.round(targetOrgs / 25_000)));
    const cities = CITIES.slice(0, cityCount).map((c) => add(root, 'party_committee', `${c}市委`));
    for (let i = 0; orgs.length < targetOrgs; i++) {
      const budget = Math.min(rng.int(1_600, 2_400), targetOrgs - orgs.length);
      county(cities[i % cities.length]!, Math.max(budget, 60), `${place()}${rng.chance(0.3) ? '区' : '县'}`);
    }
  }
  return { orgs, holders };
}

/**
 * Splits `total` members over the holders in proportion to their weights (largest remainder),
 * so the sum is exact and the split the same for a seed.
 */
export function allocate(holders: readonly Holder[], total: number): number[] {
  const weight = holders.reduce((s, h) => s + h.weight, 0);
  const shares = holders.map((h) => (total * h.weight) / weight);
  const counts = shares.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = shares.map((s, i) => [i, s - Math.floor(s)] as const).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  for (const [i] of order) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return counts;
}
