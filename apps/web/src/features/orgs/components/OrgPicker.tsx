import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import type { OrgNode } from '@dangjian/contracts';
import { ORG_TYPES } from '@dangjian/contracts';
import { useOrgTree } from '../api.ts';

interface PickerNode { value: string; title: string; disabled?: boolean; children?: PickerNode[] }

/**
 * Picks an organization of the caller's tree. `exclude` (an org path) hides that subtree,
 * since nothing can be moved or merged into itself; `allow` greys out the rest.
 */
export function OrgPicker(props: {
  value?: string; onChange?: (v: string) => void; exclude?: string; allow?: (n: OrgNode) => boolean; testId?: string;
}) {
  const tree = useOrgTree();
  const { exclude, allow } = props;
  const data = useMemo(() => {
    const nodes = (tree.data?.nodes ?? []).filter((n) => !exclude || (n.path !== exclude && !n.path.startsWith(`${exclude}.`)));
    const byId = new Map<string, PickerNode>();
    const roots: PickerNode[] = [];
    for (const n of nodes) byId.set(n.id, { value: n.id, title: `${n.name}（${ORG_TYPES[n.type]}）`, disabled: allow ? !allow(n) : false });
    for (const n of nodes) {
      const parent = n.parentId ? byId.get(n.parentId) : undefined;
      if (parent) (parent.children ??= []).push(byId.get(n.id)!);
      else roots.push(byId.get(n.id)!);
    }
    return roots;
  }, [tree.data, exclude, allow]);
  return (
    <TreeSelect
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeData={data}
      value={props.value}
      onChange={props.onChange}
      loading={tree.isPending}
      placeholder="请选择组织（可输入名称搜索）"
      treeDefaultExpandAll={data.length < 50}
      data-testid={props.testId}
      style={{ width: '100%' }}
    />
  );
}
