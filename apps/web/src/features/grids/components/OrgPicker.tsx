import { useMemo, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useOrgTree } from '../../orgs/api.ts';
import { buildOrgTree, type OrgTreeItem } from '../../orgs/tree.ts';

interface PickerNode { value: string; title: string; children?: PickerNode[]; disabled?: boolean }

function toPicker(items: OrgTreeItem[], allow?: (item: OrgTreeItem) => boolean): PickerNode[] {
  return items.map((i) => ({
    value: i.key, title: i.title, disabled: allow ? !allow(i) : false,
    children: i.children ? toPicker(i.children, allow) : undefined,
  }));
}

/**
 * A searchable TreeSelect of the caller's scope. `allow` greys out organizations that cannot be
 * chosen (e.g. only village/community organizations for a grid).
 */
export function OrgPicker(props: {
  value?: string; onChange?: (id: string) => void; allow?: (item: OrgTreeItem) => boolean;
  placeholder?: string; style?: CSSProperties; testId?: string; disabled?: boolean;
}) {
  const tree = useOrgTree();
  const data = useMemo(() => (tree.data ? toPicker(buildOrgTree(tree.data).items, props.allow) : []), [tree.data, props.allow]);
  return (
    <TreeSelect
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={data.map((d) => d.value)}
      loading={tree.isPending}
      treeData={data}
      value={props.value}
      onChange={(v: string) => props.onChange?.(v)}
      placeholder={props.placeholder ?? '选择组织'}
      style={props.style ?? { width: 320 }}
      popupMatchSelectWidth={false}
      disabled={props.disabled}
      data-testid={props.testId}
    />
  );
}

/** The first root of the caller's scope: the default organization of a page. */
export function useDefaultOrgId(): string | undefined {
  const tree = useOrgTree();
  return tree.data?.roots[0];
}
