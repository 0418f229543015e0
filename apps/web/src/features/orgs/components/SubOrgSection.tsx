import { lazy, Suspense } from 'react';
import { Card, Empty, Skeleton } from 'antd';
import type { OrgDetail } from '@dangjian/contracts';

const SubOrgChart = lazy(() => import('./SubOrgChart.tsx'));

/** Card with the sub-organizations-by-type chart, or an empty state for a leaf organization. */
export function SubOrgSection({ rows }: { rows: OrgDetail['stats']['subOrgsByType'] }) {
  const nonZero = rows.filter((r) => r.count > 0);
  return (
    <Card title="下级组织分布" size="small" data-testid="suborg-chart">
      {nonZero.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无下级组织" />
      ) : (
        <Suspense fallback={<Skeleton active />}>
          <SubOrgChart rows={nonZero} />
        </Suspense>
      )}
    </Card>
  );
}
