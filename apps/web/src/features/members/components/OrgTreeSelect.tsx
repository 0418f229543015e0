import { useMemo } from 'react';
import { TreeSelect } from 'antd';
import { useOrgTree } from '../../orgs/api.ts';
import { buildOrgTree, type OrgTreeItem } from '../../orgs/tree.ts';

interface Option { value: string; title: string; children?: Option[]; disabled?: boolean }

function toOptions(items: OrgTreeItem[], disabled?: (item: OrgTreeItem) => boolean): Option[] {
  return items.map((i) => ({ value: i.key, title: i.title, disabled: disabled?.(i), children: i.children ? toOptions(i.children, disabled) : undefined }));
}

/** The root ids of the caller's scope (the org picker's default is the first). */
export function useScopeRoots(): string[] | undefined {
  const tree = useOrgTree();
  return useMemo(() => (tree.data ? buildOrgTree(tree.data).rootKeys : undefined), [tree.data]);
}

/** A searchable TreeSelect over the caller's scope. `disabled` greys out nodes (e.g. committees). */
export function OrgTreeSelect(props: {
  value?: string;
  onChange?: (v: string) => void;
  disabled?: (item: OrgTreeItem) => boolean;
  placeholder?: string;
  testId?: string;
  style?: React.CSSProperties;
}) {
  const tree = useOrgTree();
  const options = useMemo(() => (tree.data ? toOptions(buildOrgTree(tree.data).items, props.disabled) : []), [tree.data, props.disabled]);
  return (
    <TreeSelect
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={options.map((o) => o.value)}
      loading={tree.isPending}
      value={props.value}
      onChange={(v: string) => props.onChange?.(v)}
      treeData={options}
      placeholder={props.placeholder ?? '选择组织'}
      style={props.style ?? { width: '100%' }}
      popupMatchSelectWidth={false}
      data-testid={props.testId}
    />
  );
}
