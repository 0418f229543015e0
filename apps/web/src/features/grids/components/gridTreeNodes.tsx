import { useMemo } from 'react';
import { Tag } from 'antd';
import { ApartmentOutlined } from '@ant-design/icons';
import type { GridTreeResponse } from '@dangjian/contracts';
import type { OrgTreeItem } from '../../orgs/tree.ts';
import { useGridTree } from '../api.ts';

const PREFIX = 'grid:';

/** Adds each community's grids as read-only leaves after its child organizations. */
export function attachGrids(items: OrgTreeItem[], data: GridTreeResponse | undefined): OrgTreeItem[] {
  if (!data || data.communities.length === 0) return items;
  const byOrg = new Map(data.communities.map((c) => [c.orgId, c.grids]));
  const visit = (item: OrgTreeItem): OrgTreeItem => {
    const grids = byOrg.get(item.key);
    const kids = item.children?.map(visit);
    if (!grids) return kids ? { ...item, children: kids } : item;
    const leaves = grids.map((g) => ({ key: `${PREFIX}${g.id}:${item.key}`, title: g.name, orgType: item.orgType, isLeaf: true }));
    return { ...item, isLeaf: false, children: [...(kids ?? []), ...leaves] };
  };
  return items.map(visit);
}

/**
 * Grids 网格 in the organization tree: `attach` adds them under their community, `title`
 * renders a grid node (null for an organization), `linkOf` is where a click on it goes.
 * @example const grids = useGridTreeNodes(); const items = grids.attach(orgItems);
 */
export function useGridTreeNodes() {
  const tree = useGridTree();
  return useMemo(() => ({
    attach: (items: OrgTreeItem[]) => attachGrids(items, tree.data),
    title: (item: OrgTreeItem) => (String(item.key).startsWith(PREFIX) ? (
      <span style={{ whiteSpace: 'nowrap' }} data-testid="grid-tree-node">
        <ApartmentOutlined style={{ color: '#1677ff', marginInlineEnd: 4 }} />
        {item.title}
        <Tag color="blue" style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '16px' }}>网格</Tag>
      </span>
    ) : null),
    linkOf: (key: string | number | bigint): string | null => {
      const s = String(key);
      if (!s.startsWith(PREFIX)) return null;
      const [, gridId, orgId] = s.split(':');
      return `/grids?orgId=${orgId}&grid=${gridId}`;
    },
  }), [tree.data]);
}
