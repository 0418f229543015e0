import type { OrgNode, OrgTreeResponse, OrgType } from '@dangjian/contracts';

/** A node as antd Tree takes it (`key`, `title`, `children`), plus the org type for the tag. */
export interface OrgTreeItem {
  key: string;
  title: string;
  orgType: OrgType;
  isLeaf: boolean;
  children?: OrgTreeItem[];
}

export interface OrgTreeModel {
  items: OrgTreeItem[];
  /** id → parent id (null for a root), to find ancestors of a deep-linked org. */
  parentOf: Map<string, string | null>;
  rootKeys: string[];
}

/**
 * Builds nested tree data from the flat, tree-ordered list the API returns. Children keep the
 * order of `nodes`; roots follow `roots`. A node whose parent is absent is treated as a root,
 * so a partial list never loses nodes.
 * @example buildOrgTree({ roots: ['1'], nodes: [root, child] }).items[0].children[0].key // child.id
 */
export function buildOrgTree(resp: OrgTreeResponse): OrgTreeModel {
  const byId = new Map<string, OrgTreeItem>();
  const parentOf = new Map<string, string | null>();
  for (const n of resp.nodes) byId.set(n.id, toItem(n));

  const orphans: OrgTreeItem[] = [];
  for (const n of resp.nodes) {
    const item = byId.get(n.id)!;
    const parent = n.parentId === null ? undefined : byId.get(n.parentId);
    parentOf.set(n.id, parent ? n.parentId : null);
    if (parent) {
      (parent.children ??= []).push(item);
      parent.isLeaf = false;
    } else if (!resp.roots.includes(n.id)) {
      orphans.push(item);
    }
  }

  const items = resp.roots.flatMap((id) => byId.get(id) ?? []).concat(orphans);
  return { items, parentOf, rootKeys: items.map((i) => i.key) };
}

// A node with children not yet sent (a truncated tree) is not a leaf: antd Tree loads it on expand.
function toItem(n: OrgNode): OrgTreeItem {
  return { key: n.id, title: n.name, orgType: n.type, isLeaf: n.childCount === 0 };
}

/**
 * Adds a lazily loaded subtree to the tree response, skipping nodes already present.
 * @example mergeTree(tree, await api(`/orgs/tree?rootId=${id}&depth=1`))
 */
export function mergeTree(base: OrgTreeResponse, more: OrgTreeResponse): OrgTreeResponse {
  const have = new Set(base.nodes.map((n) => n.id));
  return { ...base, nodes: [...base.nodes, ...more.nodes.filter((n) => !have.has(n.id))] };
}

/** Ancestor ids of `id`, nearest first; empty for a root or an unknown id. */
export function ancestorKeys(parentOf: Map<string, string | null>, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>([id]);
  let cur = parentOf.get(id);
  while (cur && !seen.has(cur)) {
    out.push(cur);
    seen.add(cur);
    cur = parentOf.get(cur);
  }
  return out;
}

export interface FilteredTree {
  items: OrgTreeItem[];
  /** Ancestors of every match, so that all matches are visible. */
  expandedKeys: string[];
  matchCount: number;
}

/**
 * Keeps the nodes whose name contains `keyword` (case-insensitive), with their ancestors and
 * their whole subtree. An empty keyword keeps everything.
 * @example filterOrgTree(items, '一支部').expandedKeys // ancestors of each “…一支部…”
 */
export function filterOrgTree(items: OrgTreeItem[], keyword: string): FilteredTree {
  const kw = keyword.trim().toLowerCase();
  if (!kw) return { items, expandedKeys: [], matchCount: 0 };
  const expandedKeys: string[] = [];
  let matchCount = 0;

  const visit = (item: OrgTreeItem): OrgTreeItem | null => {
    const kids = (item.children ?? []).map(visit).filter((c): c is OrgTreeItem => c !== null);
    const self = item.title.toLowerCase().includes(kw);
    if (self) matchCount += 1;
    if (kids.length > 0) expandedKeys.push(item.key);
    if (self) return kids.length > 0 ? { ...item, children: mergeKids(item.children!, kids) } : item;
    return kids.length > 0 ? { ...item, children: kids } : null;
  };

  return { items: items.map(visit).filter((i): i is OrgTreeItem => i !== null), expandedKeys, matchCount };
}

/** A matching node keeps all its children; the filtered ones replace their originals. */
function mergeKids(all: OrgTreeItem[], filtered: OrgTreeItem[]): OrgTreeItem[] {
  const byKey = new Map(filtered.map((k) => [k.key, k]));
  return all.map((c) => byKey.get(c.key) ?? c);
}

/** Splits `text` around the first case-insensitive match of `keyword`, for highlighting. */
export function splitMatch(text: string, keyword: string): [string, string, string] | null {
  const kw = keyword.trim();
  if (!kw) return null;
  const i = text.toLowerCase().indexOf(kw.toLowerCase());
  if (i < 0) return null;
  return [text.slice(0, i), text.slice(i, i + kw.length), text.slice(i + kw.length)];
}
