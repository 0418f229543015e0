import { Card, Col, Row, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../auth/api.ts';
import { useMyMeetings } from '../../meetings/api.ts';
import { useMyWishes } from '../../wishes/api.ts';
import { useMyCommitments } from '../../commitments/api.ts';
import { useMyService } from '../../service/api.ts';
import { useMyPoints, usePointsStatus } from '../../points/api.ts';

/** One tile: a title, the figure that matters, a line under it, and where a tap goes. */
function Tile(props: { to: string; title: string; loading: boolean; figure: ReactNode; note: ReactNode; testId: string }) {
  return (
    <Col xs={24} sm={12} lg={8}>
      <Link to={props.to} data-testid={props.testId}>
        <Card hoverable size="small" title={props.title}>
          {props.loading ? <Skeleton active paragraph={{ rows: 1 }} title={false} /> : (
            <>
              <Typography.Title level={3} style={{ margin: 0 }}>{props.figure}</Typography.Title>
              <Typography.Text type="secondary">{props.note}</Typography.Text>
            </>
          )}
        </Card>
      </Link>
    </Col>
  );
}

/**
 * 我的: a member's phone home. Each tile shows the figure from the member's own page (organizational
 * life this year, wishes claimed, commitments, service hours, points) and opens that page. Figures come
 * from the records; nothing here is typed in. Points appear only where the locality uses them.
 */
export default function MePage() {
  const me = useMe();
  const year = new Date().getFullYear();
  const meetings = useMyMeetings(year);
  const wishes = useMyWishes();
  const commitments = useMyCommitments(year);
  const service = useMyService();
  const status = usePointsStatus();
  const pointsOn = status.data?.enabled !== false;
  const points = useMyPoints(pointsOn);

  const m = meetings.data;
  const w = wishes.data;
  const c = commitments.data;
  const s = service.data;
  const done = c?.items.filter((i) => i.completedAt).length ?? 0;
  return (
    <div data-testid="me-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>{me.data?.displayName ?? ''}，您好</Typography.Title>
      <Row gutter={[12, 12]}>
        <Tile
          to="/meetings/my" title="我的组织生活" testId="me-meetings" loading={meetings.isPending}
          figure={m?.member ? `${m.attended} / ${m.due}` : '—'}
          note={m?.member ? `${year} 年应参加 ${m.due} 次，已参加 ${m.attended} 次${m.missed ? `，缺席 ${m.missed} 次` : ''}` : '未关联党员档案'}
        />
        <Tile
          to="/wishes/mine" title="我的微心愿" testId="me-wishes" loading={wishes.isPending}
          figure={w?.isMember ? `${w.claimed.length} 个认领中` : '—'}
          note={w?.isMember ? `可认领 ${w.available.length} 个，已完成 ${w.done.length} 个` : '未关联党员档案'}
        />
        <Tile
          to="/commitments/mine" title="我的承诺" testId="me-commitments" loading={commitments.isPending}
          figure={c?.member ? `${c.items.length} 项` : '—'}
          note={c?.member ? `${c.year} 年承诺，已践诺 ${done} 项` : '未关联党员档案'}
        />
        <Tile
          to="/service/mine" title="我的服务" testId="me-service" loading={service.isPending}
          figure={s?.isMember ? `${s.yearHours} 小时` : '—'}
          note={s?.isMember ? `${s.year} 年服务 ${s.yearPersonTimes} 次${s.report ? `，已到${s.report.communityName}报到` : '，尚未到社区报到'}` : '未关联党员档案'}
        />
        {pointsOn && (
          <Tile
            to="/points/mine" title="我的积分" testId="me-points" loading={points.isPending}
            figure={points.data?.member ? `${points.data.member.balance} 分` : '—'}
            note={points.data?.member ? '查看明细、兑换物品' : '未关联党员档案'}
          />
        )}
        <Tile to="/study" title="学习教育" testId="me-study" loading={false} figure="学习" note="党课、微党课、考试和培训" />
      </Row>
    </div>
  );
}
