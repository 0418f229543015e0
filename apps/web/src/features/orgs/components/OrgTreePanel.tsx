import { useDeferredValue, useEffect, useMemo, useRef, useState, type Key } from 'react';
import { Alert, Card, Empty, Input, Skeleton, Tree, Typography, type GetRef } from 'antd';
import { useNavigate } from 'react-router';
import { useLoadOrgChildren, useOrgTree } from '../api.ts';
import { ancestorKeys, buildOrgTree, filterOrgTree, type OrgTreeItem } from '../tree.ts';
import { OrgTreeTitle } from './OrgTreeTitle.tsx';
import { useGridTreeNodes } from '../../grids/components/gridTreeNodes.tsx';

const TREE_HEIGHT_OFFSET = 230; // header + card chrome + search box

/** Left panel: the caller's scope as a searchable tree; selecting a node opens /orgs/:id. */
export function OrgTreePanel({ selectedId }: { selectedId: string | undefined }) {
  const tree = useOrgTree();
  const loadChildren = useLoadOrgChildren();
  const navigate = useNavigate();
  const [keyword, setKeyword] = useState('');
  const deferredKeyword = useDeferredValue(keyword.trim());
  const [expanded, setExpanded] = useState<Key[]>([]);
  const treeRef = useRef<GetRef<typeof Tree>>(null);

  const model = useMemo(() => (tree.data ? buildOrgTree(tree.data) : null), [tree.data]);
  const filtered = useMemo(
    () => (model && deferredKeyword ? filterOrgTree(model.items, deferredKeyword) : null),
    [model, deferredKeyword],
  );

  // Default: roots open (their first level visible) plus the path to the selected org.
  useEffect(() => {
    if (!model || filtered) return;
    const path = selectedId ? ancestorKeys(model.parentOf, selectedId) : [];
    setExpanded((prev) => [...new Set([...prev, ...model.rootKeys, ...path])]);
  }, [model, filtered, selectedId]);

  useEffect(() => {
    if (filtered) setExpanded(filtered.expandedKeys);
  }, [filtered]);

  useEffect(() => {
    if (selectedId) treeRef.current?.scrollTo({ key: selectedId, align: 'auto' });
  }, [selectedId, model]);

  const height = Math.max(320, window.innerHeight - TREE_HEIGHT_OFFSET);
  // Grids 网格 (feature grids) hang under their community as read-only leaves; a click opens /grids.
  const grids = useGridTreeNodes();
  const items = grids.attach(filtered ? filtered.items : (model?.items ?? []));

  return (
    <Card title="组织架构" size="small" styles={{ body: { padding: 12 } }}>
      <Input.Search
        placeholder="搜索组织名称"
        allowClear
        value={keyword}
        onChange={(e) => setKeyword(e.target.value)}
        style={{ marginBottom: 8 }}
        data-testid="org-tree-search"
      />
      {filtered && (
        <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 4, fontSize: 12 }}>
          找到 {filtered.matchCount} 个组织
        </Typography.Text>
      )}
      <div data-testid="org-tree">
        {tree.isPending ? (
          <Skeleton active paragraph={{ rows: 8 }} />
        ) : tree.isError ? (
          <Alert type="error" showIcon title="组织架构加载失败" description={tree.error.message} />
        ) : items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={filtered ? '没有匹配的组织' : '暂无可查看的组织'} />
        ) : (
          <Tree<OrgTreeItem>
            ref={treeRef}
            treeData={items}
            height={height}
            blockNode
            showLine
            expandedKeys={expanded}
            onExpand={(keys) => setExpanded(keys)}
            // Only a truncated (province-sized) scope has nodes whose children are not loaded yet.
            loadData={tree.data?.truncated ? (node) => loadChildren(String(node.key)) : undefined}
            selectedKeys={selectedId ? [selectedId] : []}
            onSelect={(_, info) => void navigate(grids.linkOf(info.node.key) ?? `/orgs/${info.node.key}`)}
            titleRender={(item) => grids.title(item) ?? <OrgTreeTitle item={item} keyword={deferredKeyword} />}
          />
        )}
      </div>
    </Card>
  );
}
