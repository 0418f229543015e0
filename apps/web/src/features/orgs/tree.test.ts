import { describe, expect, it } from 'vitest';
import type { OrgNode, OrgTreeResponse } from '@dangjian/contracts';
import { ancestorKeys, buildOrgTree, filterOrgTree, mergeTree, splitMatch } from './tree.ts';

function node(id: string, parentId: string | null, name: string, type: OrgNode['type'] = 'branch'): OrgNode {
  return { id, parentId, name, type, path: id, depth: 0, childCount: 0 };
}

// 1 区委 ─┬─ 2 街道 ─┬─ 4 一支部 ── 6 第一党小组
//         │          └─ 5 二支部
//         └─ 3 乡镇
const resp: OrgTreeResponse = {
  roots: ['1'],
  nodes: [
    node('1', null, '示范区委', 'district_committee'),
    node('2', '1', '东城街道党工委', 'street_committee'),
    node('4', '2', '和平社区第一支部'),
    node('6', '4', '第一党小组', 'group'),
    node('5', '2', '和平社区第二支部'),
    node('3', '1', '西山乡党委', 'town_committee'),
  ],
};

describe('buildOrgTree', () => {
  it('nests the flat list under its roots in list order', () => {
    const { items, rootKeys } = buildOrgTree(resp);
    expect(rootKeys).toEqual(['1']);
    const root = items[0]!;
    expect(root).toMatchObject({ key: '1', title: '示范区委', orgType: 'district_committee', isLeaf: false });
    expect(root.children!.map((c) => c.key)).toEqual(['2', '3']);
    expect(root.children![0]!.children!.map((c) => c.title)).toEqual(['和平社区第一支部', '和平社区第二支部']);
    expect(root.children![1]).toMatchObject({ key: '3', isLeaf: true });
    expect(root.children![1]!.children).toBeUndefined();
  });

  it('treats a node whose parent is outside the list as a root', () => {
    const scoped: OrgTreeResponse = { roots: ['2'], nodes: [node('2', '1', 'A'), node('9', '77', 'B')] };
    expect(buildOrgTree(scoped).rootKeys).toEqual(['2', '9']);
  });

  it('returns nothing for an empty scope', () => {
    expect(buildOrgTree({ roots: [], nodes: [] }).items).toEqual([]);
  });

  it('finds ancestors nearest first', () => {
    const { parentOf } = buildOrgTree(resp);
    expect(ancestorKeys(parentOf, '6')).toEqual(['4', '2', '1']);
    expect(ancestorKeys(parentOf, '1')).toEqual([]);
    expect(ancestorKeys(parentOf, 'nope')).toEqual([]);
  });
});

describe('filterOrgTree', () => {
  const { items } = buildOrgTree(resp);

  it('keeps matches with their ancestors and expands the ancestors', () => {
    const f = filterOrgTree(items, '第二');
    expect(f.matchCount).toBe(1);
    expect(f.items[0]!.children!.map((c) => c.key)).toEqual(['2']);
    expect(f.items[0]!.children![0]!.children!.map((c) => c.key)).toEqual(['5']);
    expect(new Set(f.expandedKeys)).toEqual(new Set(['1', '2']));
  });

  it('keeps the whole subtree of a matching node', () => {
    const f = filterOrgTree(items, '街道');
    const street = f.items[0]!.children![0]!;
    expect(street.children!.map((c) => c.key)).toEqual(['4', '5']);
  });

  it('is case-insensitive, and an empty keyword keeps everything', () => {
    const latin = buildOrgTree({ roots: ['1'], nodes: [node('1', null, 'Alpha Branch')] }).items;
    expect(filterOrgTree(latin, 'alpha').matchCount).toBe(1);
    expect(filterOrgTree(items, '  ').items).toBe(items);
    expect(filterOrgTree(items, '不存在').items).toEqual([]);
  });

  it('splits a title around the match', () => {
    expect(splitMatch('和平社区第一支部', '社区')).toEqual(['和平', '社区', '第一支部']);
    expect(splitMatch('abc', 'x')).toBeNull();
  });
});

describe('truncated trees', () => {
  it('marks unsent children as loadable and merges a loaded subtree once', () => {
    const base = {
      truncated: true,
      roots: ['1'],
      nodes: [
        { id: '1', parentId: null, name: '省委', type: 'party_committee' as const, path: '1', depth: 1, childCount: 1 },
        { id: '2', parentId: '1', name: '市委', type: 'party_committee' as const, path: '1.2', depth: 2, childCount: 1 },
      ],
    };
    const before = buildOrgTree(base);
    expect(before.items[0]!.children![0]).toMatchObject({ key: '2', isLeaf: false });
    expect(before.items[0]!.children![0]!.children).toBeUndefined();
    const more = { roots: ['2'], nodes: [base.nodes[1]!, { id: '3', parentId: '2', name: '县委', type: 'party_committee' as const, path: '1.2.3', depth: 3, childCount: 0 }] };
    const merged = mergeTree(mergeTree(base, more), more);
    expect(merged.nodes.map((n) => n.id)).toEqual(['1', '2', '3']);
    expect(buildOrgTree(merged).items[0]!.children![0]!.children![0]).toMatchObject({ key: '3', isLeaf: true });
  });
});
