import { OrgTabsPage } from '../../../components/OrgTabsPage.tsx';
import { PostsTab } from '../components/PostsTab.tsx';
import { ReportsTab } from '../components/ReportsTab.tsx';
import { HoursTab } from '../components/HoursTab.tsx';
import { MatchingTab } from '../components/MatchingTab.tsx';
import { PairingsTab } from '../components/PairingsTab.tsx';
import { MyService } from '../components/MyService.tsx';

/**
 * 服务岗位、双报到、双向认领、结对帮扶 (F3, F4): secretaries keep their subtree's posts, reported
 * members, hours, lists and pairings; a member sees only 我的服务 (phone-first).
 */
export default function ServicePage() {
  return (
    <OrgTabsPage
      base="service"
      title="服务岗位与结对帮扶"
      tabs={[
        { key: 'posts', label: '服务岗位', render: (orgId) => <PostsTab orgId={orgId} /> },
        { key: 'reports', label: '双报到', render: (orgId) => <ReportsTab orgId={orgId} /> },
        { key: 'hours', label: '服务时长', render: (orgId) => <HoursTab orgId={orgId} /> },
        { key: 'matching', label: '双向认领', render: (orgId) => <MatchingTab orgId={orgId} /> },
        { key: 'pairings', label: '结对帮扶', render: (orgId) => <PairingsTab orgId={orgId} /> },
      ]}
      mine={{ label: '我的服务', page: <MyService /> }}
    />
  );
}
