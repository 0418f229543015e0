import { Card, Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../auth/api.ts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { ManageTab } from '../components/ManageTab.tsx';
import { FeedbackTab } from '../components/FeedbackTab.tsx';
import { MyCommitments } from '../components/MyCommitments.tsx';
import { PrintBoard } from '../components/PrintBoard.tsx';

const TABS = [
  { key: 'manage', label: '承诺管理' },
  { key: 'feedback', label: '群众评价' },
  { key: 'mine', label: '我的承诺' },
];

/** 承诺践诺 (F2): secretaries vet and follow their subtree's commitments; a member writes their own. */
export default function CommitmentsPage() {
  const loc = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const defaultOrg = useDefaultOrgId();
  const orgId = params.get('orgId') ?? defaultOrg;
  if (loc.pathname.startsWith('/commitments/print')) return <PrintBoard />;
  if (me.data && !me.data.permissions.includes('members:write')) return <MyCommitments />;
  const active = TABS.find((t) => loc.pathname.startsWith(`/commitments/${t.key}`))?.key ?? 'manage';
  return (
    <Card title="承诺践诺" extra={active !== 'mine' && <OrgPicker value={orgId} onChange={(id) => setParams({ orgId: id })} testId="commitments-org-picker" />}>
      <Tabs activeKey={active} items={TABS} onChange={(k) => navigate({ pathname: `/commitments/${k}`, search: params.toString() })} />
      <Routes>
        <Route index element={<Navigate to={{ pathname: 'manage', search: params.toString() }} replace />} />
        <Route path="manage" element={<ManageTab orgId={orgId} />} />
        <Route path="feedback" element={<FeedbackTab orgId={orgId} />} />
        <Route path="mine" element={<MyCommitments />} />
      </Routes>
    </Card>
  );
}
