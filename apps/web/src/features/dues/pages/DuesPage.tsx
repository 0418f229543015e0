import { Card, Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../../auth/api.ts';
import { OrgPicker, useDefaultOrgId } from '../../grids/components/OrgPicker.tsx';
import { BasesTab } from '../components/BasesTab.tsx';
import { PaymentsTab } from '../components/PaymentsTab.tsx';
import { ArrearsTab } from '../components/ArrearsTab.tsx';
import { ReportsTab } from '../components/ReportsTab.tsx';
import { MyDues } from '../components/MyDues.tsx';

const TABS = [
  { key: 'bases', label: '标准核定' },
  { key: 'payments', label: '缴纳登记' },
  { key: 'arrears', label: '欠缴名单' },
  { key: 'reports', label: '报表' },
];

/** 党费 (D9): secretaries keep bases, payments, arrears and reports of their subtree; a member sees their own. */
export default function DuesPage() {
  const loc = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const defaultOrg = useDefaultOrgId();
  const orgId = params.get('orgId') ?? defaultOrg;
  if (me.data && !me.data.permissions.includes('members:write')) return <MyDues />;
  const active = TABS.find((t) => loc.pathname.startsWith(`/dues/${t.key}`))?.key ?? 'bases';
  return (
    <Card title="党费管理" extra={<OrgPicker value={orgId} onChange={(id) => setParams({ orgId: id })} testId="dues-org-picker" />}>
      <Tabs activeKey={active} items={TABS} onChange={(k) => navigate({ pathname: `/dues/${k}`, search: params.toString() })} />
      <Routes>
        <Route index element={<Navigate to={{ pathname: 'bases', search: params.toString() }} replace />} />
        <Route path="bases" element={<BasesTab orgId={orgId} />} />
        <Route path="payments" element={<PaymentsTab orgId={orgId} />} />
        <Route path="arrears" element={<ArrearsTab orgId={orgId} />} />
        <Route path="reports" element={<ReportsTab orgId={orgId} />} />
        <Route path="mine" element={<MyDues />} />
      </Routes>
    </Card>
  );
}
