import { Breadcrumb, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ORG_TYPES, type OrgDetail } from '@dangjian/contracts';

/**
 * Breadcrumb of ancestors and the org's name and type. Ancestors above the caller's scope are
 * shown as text, not links, since opening them would only answer 404.
 */
export function OrgHeader({ org, inScope }: { org: OrgDetail['org']; inScope: (id: string) => boolean }) {
  const items = [
    ...org.ancestors
      .filter((a) => a.id !== org.id)
      .map((a) => ({ key: a.id, title: inScope(a.id) ? <Link to={`/orgs/${a.id}`}>{a.name}</Link> : a.name })),
    { key: org.id, title: org.name },
  ];
  return (
    <div>
      <Breadcrumb items={items} data-testid="org-breadcrumb" />
      <Space align="center" style={{ marginTop: 8 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="org-title">
          {org.name}
        </Typography.Title>
        <Tag color="red" data-testid="org-type">{ORG_TYPES[org.type]}</Tag>
        {org.code && <Typography.Text type="secondary">组织编码：{org.code}</Typography.Text>}
      </Space>
    </div>
  );
}
