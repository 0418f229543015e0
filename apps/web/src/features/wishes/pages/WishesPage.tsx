import { OrgTabsPage } from '../../../components/OrgTabsPage.tsx';
import { ManageTab } from '../components/ManageTab.tsx';
import { MyWishesTab } from '../components/MyWishesTab.tsx';

/** 微心愿 (F1): the branch reviews and follows wishes; a member claims and fulfils them. */
export default function WishesPage() {
  return (
    <OrgTabsPage
      base="wishes"
      title="微心愿"
      tabs={[{ key: 'manage', label: '心愿管理', render: (orgId) => <ManageTab key={orgId} orgId={orgId} /> }]}
      mine={{ label: '我的微心愿', page: <MyWishesTab /> }}
    />
  );
}
