import { Card, Empty, Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../auth/api.ts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { usePointsStatus } from '../api.ts';
import { MyPoints } from '../components/MyPoints.tsx';
import { MembersTab } from '../components/MembersTab.tsx';
import { GoodsTab } from '../components/GoodsTab.tsx';
import { OrdersTab } from '../components/OrdersTab.tsx';
import { LeaderboardTab } from '../components/LeaderboardTab.tsx';
import { SettingsTab } from '../components/SettingsTab.tsx';

const TABS = [
  { key: 'members', label: '党员积分' },
  { key: 'leaderboard', label: '积分榜' },
  { key: 'goods', label: '兑换物品' },
  { key: 'orders', label: '兑换订单' },
  { key: 'settings', label: '积分设置' },
  { key: 'mine', label: '我的积分' },
];

/** 党员积分 (E2): secretaries keep balances, the shop and settings of their subtree; a member sees their own. */
export default function PointsPage() {
  const loc = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const status = usePointsStatus();
  const defaultOrg = useDefaultOrgId();
  const orgId = params.get('orgId') ?? defaultOrg;
  if (me.data && !me.data.permissions.includes('members:write')) return <MyPoints />;
  const active = TABS.find((t) => loc.pathname.startsWith(`/points/${t.key}`))?.key ?? 'members';
  return (
    <Card title="党员积分" extra={<OrgPicker value={orgId} onChange={(id) => setParams({ orgId: id })} testId="points-org-picker" />}>
      {status.data && !status.data.enabled && active !== 'settings' && <Empty style={{ marginBottom: 16 }} description="本地区未启用党员积分，可在“积分设置”中启用" />}
      <Tabs activeKey={active} items={TABS} onChange={(k) => navigate({ pathname: `/points/${k}`, search: params.toString() })} />
      <Routes>
        <Route index element={<Navigate to={{ pathname: 'members', search: params.toString() }} replace />} />
        <Route path="members" element={<MembersTab orgId={orgId} />} />
        <Route path="leaderboard" element={<LeaderboardTab orgId={orgId} />} />
        <Route path="goods" element={<GoodsTab orgId={orgId} />} />
        <Route path="orders" element={<OrdersTab orgId={orgId} />} />
        <Route path="settings" element={<SettingsTab orgId={orgId} />} />
        <Route path="mine" element={<MyPoints />} />
      </Routes>
    </Card>
  );
}
