import { OrgTabsPage } from '../../../components/OrgTabsPage.tsx';
import { BasesTab } from '../components/BasesTab.tsx';
import { PaymentsTab } from '../components/PaymentsTab.tsx';
import { ArrearsTab } from '../components/ArrearsTab.tsx';
import { ReportsTab } from '../components/ReportsTab.tsx';
import { MyDues } from '../components/MyDues.tsx';

/** 党费 (D9): secretaries keep bases, payments, arrears and reports of their subtree; a member sees their own. */
export default function DuesPage() {
  return (
    <OrgTabsPage
      base="dues"
      title="党费管理"
      tabs={[
        { key: 'bases', label: '标准核定', render: (orgId) => <BasesTab orgId={orgId} /> },
        { key: 'payments', label: '缴纳登记', render: (orgId) => <PaymentsTab orgId={orgId} /> },
        { key: 'arrears', label: '欠缴名单', render: (orgId) => <ArrearsTab orgId={orgId} /> },
        { key: 'reports', label: '报表', render: (orgId) => <ReportsTab orgId={orgId} /> },
      ]}
      mine={{ label: '我的党费', page: <MyDues />, tab: false }}
    />
  );
}
