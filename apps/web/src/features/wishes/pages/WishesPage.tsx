import { Card, Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../auth/api.ts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { ManageTab } from '../components/ManageTab.tsx';
import { MyWishesTab } from '../components/MyWishesTab.tsx';

const TABS = [{ key: 'manage', label: '心愿管理' }, { key: 'mine', label: '我的微心愿' }];

/** 微心愿 (F1): the branch reviews and follows wishes; a member claims and fulfils them. */
export default function WishesPage() {
  const loc = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const defaultOrg = useDefaultOrgId();
  const orgId = params.get('orgId') ?? defaultOrg;
  if (me.data && !me.data.permissions.includes('members:write')) return <MyWishesTab />;
  const active = TABS.find((t) => loc.pathname.startsWith(`/wishes/${t.key}`))?.key ?? 'manage';
  return (
    <Card title="微心愿" extra={active === 'manage' && <OrgPicker value={orgId} onChange={(id) => setParams({ orgId: id })} testId="wishes-org-picker" />}>
      <Tabs activeKey={active} items={TABS} onChange={(k) => navigate({ pathname: `/wishes/${k}`, search: params.toString() })} />
      <Routes>
        <Route index element={<Navigate to={{ pathname: 'manage', search: params.toString() }} replace />} />
        <Route path="manage" element={<ManageTab key={orgId} orgId={orgId} />} />
        <Route path="mine" element={<MyWishesTab />} />
      </Routes>
    </Card>
  );
}
