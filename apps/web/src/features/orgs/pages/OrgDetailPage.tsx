import { useCallback } from 'react';
import { Alert, Card, Flex, Skeleton } from 'antd';
import { useParams } from 'react-router';
import { isApiError } from '../../../lib/api.ts';
import { MemberSection } from '../../members/components/MemberSection.tsx';
import { isOrgId, useOrgDetail, useOrgTree } from '../api.ts';
import { ForbiddenResult } from '../components/ForbiddenResult.tsx';
import { OrgHeader } from '../components/OrgHeader.tsx';
import { OrgStats } from '../components/OrgStats.tsx';
import { SubOrgSection } from '../components/SubOrgSection.tsx';

/** /orgs/:id — one organization: header, statistics, sub-organizations chart, member list. */
export default function OrgDetailPage() {
  const { id } = useParams();
  const valid = isOrgId(id);
  const detail = useOrgDetail(valid ? id : undefined);
  const tree = useOrgTree();
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

  const { org, stats } = detail.data;
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <OrgHeader org={org} inScope={inScope} />
      </Card>
      <OrgStats stats={stats} />
      <SubOrgSection rows={stats.subOrgsByType} />
      <MemberSection key={org.id} orgId={org.id} />
    </Flex>
  );
}
