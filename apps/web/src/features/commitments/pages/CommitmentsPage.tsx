import { useLocation } from 'react-router';
import { OrgTabsPage } from '../../../components/OrgTabsPage.tsx';
import { ManageTab } from '../components/ManageTab.tsx';
import { FeedbackTab } from '../components/FeedbackTab.tsx';
import { MyCommitments } from '../components/MyCommitments.tsx';
import { PrintBoard } from '../components/PrintBoard.tsx';

/** 承诺践诺 (F2): secretaries vet and follow their subtree's commitments; a member writes their own. */
export default function CommitmentsPage() {
  const loc = useLocation();
  if (loc.pathname.startsWith('/commitments/print')) return <PrintBoard />;
  return (
    <OrgTabsPage
      base="commitments"
      title="承诺践诺"
      tabs={[
        { key: 'manage', label: '承诺管理', render: (orgId) => <ManageTab orgId={orgId} /> },
        { key: 'feedback', label: '群众评价', render: (orgId) => <FeedbackTab orgId={orgId} /> },
      ]}
      mine={{ label: '我的承诺', page: <MyCommitments /> }}
    />
  );
}
