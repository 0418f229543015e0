import { Tag } from 'antd';
import { ORG_TYPES } from '@dangjian/contracts';
import { splitMatch, type OrgTreeItem } from '../tree.ts';

/** Tree node title: the org name as plain text (highlighting the search match) and a type tag. */
export function OrgTreeTitle({ item, keyword }: { item: OrgTreeItem; keyword: string }) {
  const parts = splitMatch(item.title, keyword);
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {parts ? (
        <span className="org-tree-name">
          {parts[0]}
          <mark style={{ background: '#ffe58f', padding: 0 }}>{parts[1]}</mark>
          {parts[2]}
        </span>
      ) : (
        <span className="org-tree-name">{item.title}</span>
      )}
      <Tag style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '16px' }}>{ORG_TYPES[item.orgType]}</Tag>
    </span>
  );
}
