import { Card, Col, Row, Statistic } from 'antd';
import type { MemberStatus, OrgDetail } from '@dangjian/contracts';

type Stats = OrgDetail['stats'];

function countOf(stats: Stats, status: MemberStatus): number {
  return stats.membersByStatus.find((s) => s.status === status)?.count ?? 0;
}

/** The four headline numbers. Each test id wraps a Statistic whose value is the plain number. */
export function OrgStats({ stats }: { stats: Stats }) {
  const cards = [
    { testId: 'stat-subOrgTotal', title: '下级组织总数', value: stats.subOrgTotal, suffix: '个' },
    { testId: 'stat-memberTotal', title: '党员总数', value: stats.memberTotal, suffix: '人' },
    { testId: 'stat-full', title: '正式党员', value: countOf(stats, 'full'), suffix: '人' },
    { testId: 'stat-probationary', title: '预备党员', value: countOf(stats, 'probationary'), suffix: '人' },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((c) => (
        <Col key={c.testId} xs={12} lg={6}>
          <Card size="small">
            <div data-testid={c.testId}>
              <Statistic title={c.title} value={c.value} groupSeparator="" suffix={c.suffix} />
            </div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}
