import { Card, Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../auth/api.ts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { PostsTab } from '../components/PostsTab.tsx';
import { ReportsTab } from '../components/ReportsTab.tsx';
import { HoursTab } from '../components/HoursTab.tsx';
import { MatchingTab } from '../components/MatchingTab.tsx';
import { PairingsTab } from '../components/PairingsTab.tsx';
import { MyService } from '../components/MyService.tsx';

const TABS = [
  { key: 'posts', label: '服务岗位' },
  { key: 'reports', label: '双报到' },
  { key: 'hours', label: '服务时长' },
  { key: 'matching', label: '双向认领' },
  { key: 'pairings', label: '结对帮扶' },
  { key: 'mine', label: '我的服务' },
];

/**
 * 服务岗位、双报到、双向认领、结对帮扶 (F3, F4): secretaries keep their subtree's posts, reported
 * members, hours, lists and pairings; a member sees only 我的服务 (phone-first).
 */
export default function ServicePage() {
  const loc = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const defaultOrg = useDefaultOrgId();
  const orgId = params.get('orgId') ?? defaultOrg;
  if (me.data && !me.data.permissions.includes('members:write')) return <MyService />;
  const active = TABS.find((t) => loc.pathname.startsWith(`/service/${t.key}`))?.key ?? 'posts';
  return (
    <Card title="服务岗位与结对帮扶" extra={active !== 'mine' && <OrgPicker value={orgId} onChange={(id) => setParams({ orgId: id })} testId="service-org-picker" />}>
      <Tabs activeKey={active} items={TABS} onChange={(k) => navigate({ pathname: `/service/${k}`, search: params.toString() })} />
      <Routes>
        <Route index element={<Navigate to={{ pathname: 'posts', search: params.toString() }} replace />} />
        <Route path="posts" element={<PostsTab orgId={orgId} />} />
        <Route path="reports" element={<ReportsTab orgId={orgId} />} />
        <Route path="hours" element={<HoursTab orgId={orgId} />} />
        <Route path="matching" element={<MatchingTab orgId={orgId} />} />
        <Route path="pairings" element={<PairingsTab orgId={orgId} />} />
        <Route path="mine" element={<MyService />} />
      </Routes>
    </Card>
  );
}
