import { describe, expect, it } from 'vitest';
import { attachGrids } from './components/gridTreeNodes.tsx';
import type { OrgTreeItem } from '../orgs/tree.ts';

const village = (key: string, children?: OrgTreeItem[]): OrgTreeItem => ({ key, title: `村${key}`, orgType: 'branch', isLeaf: !children, children });

describe('attachGrids', () => {
  it('hangs grids after the child organizations of their community, as leaves', () => {
    const items: OrgTreeItem[] = [{ key: '1', title: '镇', orgType: 'town_committee', isLeaf: false, children: [village('2', [village('3')]), village('4')] }];
    const out = attachGrids(items, { communities: [{ orgId: '2', grids: [{ id: '9', name: '第一网格', gridOrgId: null }] }, { orgId: '4', grids: [{ id: '8', name: '东网格', gridOrgId: null }] }] });
    const [a, b] = out[0]!.children!;
    expect(a!.children!.map((c) => c.key)).toEqual(['3', 'grid:9:2']);
    expect(b).toMatchObject({ isLeaf: false, children: [{ key: 'grid:8:4', title: '东网格', isLeaf: true }] });
    expect(items[0]!.children![1]!.children).toBeUndefined(); // input untouched
  });

  it('returns the same items when there are no grids', () => {
    const items = [village('2')];
    expect(attachGrids(items, { communities: [] })).toBe(items);
    expect(attachGrids(items, undefined)).toBe(items);
  });
});
