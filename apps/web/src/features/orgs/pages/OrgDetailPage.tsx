import { useCallback } from 'react';
import { Alert, Card, Flex, Skeleton, Tabs, Tag } from 'antd';
import { useParams } from 'react-router';
import { BRANCH_LEVEL_TYPES, ORG_STATUSES } from '@dangjian/contracts';
import { isApiError } from '../../../lib/api.ts';
import { useMe } from '../../auth/api.ts';
import { MemberSection } from '../../members/components/MemberSection.tsx';
import { isOrgId, useOrgDetail, useOrgTree } from '../api.ts';
import { writeAccess } from '../permissions.ts';
import { ForbiddenResult } from '../components/ForbiddenResult.tsx';
import { OrgHeader } from '../components/OrgHeader.tsx';
import { OrgStats } from '../components/OrgStats.tsx';
import { SubOrgSection } from '../components/SubOrgSection.tsx';
import { OrgActions } from '../components/OrgActions.tsx';
import { OrgWarnings } from '../components/OrgWarnings.tsx';
import { TeamsTab } from '../components/TeamsTab.tsx';
import { HistoryTab } from '../components/HistoryTab.tsx';
import { SizeReportTab } from '../components/SizeReportTab.tsx';

/**
 * /orgs/:id — one organization: header with the actions bar, rule warnings, statistics,
 * sub-organizations chart, and tabs for members, leadership teams, change history and the
 * branch size report.
 */
export default function OrgDetailPage() {
  const { id } = useParams();
  const valid = isOrgId(id);
  const detail = useOrgDetail(valid ? id : undefined);
  const tree = useOrgTree();
  const me = useMe();
  const nodes = tree.data?.nodes;
  const inScope = useCallback((orgId: string) => nodes?.some((n) => n.id === orgId) ?? false, [nodes]);

  if (!valid) return <ForbiddenResult status="404" />;
  if (detail.isError) {
    const e = detail.error;
    if (isApiError(e) && [400, 403, 404].includes(e.status)) {
      return <ForbiddenResult status={e.status === 403 ? '403' : '404'} />;
    }
    return <Alert type="error" showIcon title="组织信息加载失败" description={e.message} />;
  }
  if (detail.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }

  const { org, stats, warnings } = detail.data;
  const access = writeAccess(me.data, org.path);
  const hasBranches = BRANCH_LEVEL_TYPES.includes(org.type) || stats.subOrgsByType.some((r) => BRANCH_LEVEL_TYPES.includes(r.type));
  const tabs = [
    { key: 'members', label: '党员名单', children: <MemberSection key={org.id} orgId={org.id} /> },
    { key: 'teams', label: '班子成员', children: <TeamsTab key={org.id} org={org} canWrite={access.canWrite && org.status === 'active'} /> },
    { key: 'history', label: '变更记录', children: <HistoryTab key={org.id} orgId={org.id} /> },
    ...(hasBranches ? [{ key: 'sizes', label: '支部规模', children: <SizeReportTab key={org.id} orgId={org.id} /> }] : []),
  ];
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <OrgHeader org={org} inScope={inScope} />
        {org.status !== 'active' && <Tag color="default" style={{ marginTop: 8 }}>{ORG_STATUSES[org.status]}</Tag>}
        {access.canWrite && (
          <div style={{ marginTop: 12 }}>
            <OrgActions org={org} isScopeRoot={access.isScopeRoot} />
          </div>
        )}
      </Card>
      <OrgWarnings warnings={warnings} />
      <OrgStats stats={stats} />
      <SubOrgSection rows={stats.subOrgsByType} />
      <Card size="small">
        <Tabs items={tabs} destroyOnHidden data-testid="org-tabs" />
      </Card>
    </Flex>
  );
}
