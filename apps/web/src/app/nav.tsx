import { Menu } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { usePointsStatus } from '../features/points/api.ts';

/** The console's sections. Each feature owns the page its entry opens. */
const ITEMS = [
  { key: '/me', label: '我的' },
  { key: '/orgs', label: '组织架构' },
  { key: '/members', label: '党员信息库' },
  { key: '/grids', label: '网格管理' },
  { key: '/sites', label: '阵地管理' },
  { key: '/teams/expiring', label: '换届提醒' },
  { key: '/imports', label: '批量导入' },
  { key: '/meetings', label: '组织生活' },
  { key: '/compliance', label: '合规检查' },
  { key: '/study', label: '学习教育' },
  { key: '/development', label: '发展党员' },
  { key: '/transfers', label: '关系转接' },
  { key: '/dues', label: '党费' },
  { key: '/wishes', label: '微心愿' },
  { key: '/commitments', label: '承诺践诺' },
  { key: '/service', label: '服务岗位' },
  { key: '/points', label: '积分' },
];

export function MainNav() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  // Points are optional per locality (never compulsory): where they are switched off, no entry.
  const points = usePointsStatus();
  const items = ITEMS.filter((i) => i.key !== '/points' || points.data?.enabled !== false);
  const selected = items.filter((i) => pathname.startsWith(i.key)).map((i) => i.key);
  return (
    <Menu
      mode="horizontal"
      theme="dark"
      selectedKeys={selected}
      items={items}
      onClick={(e) => void navigate(e.key)}
      style={{ flex: 1, minWidth: 0, background: 'transparent', borderBottom: 'none' }}
      data-testid="main-nav"
    />
  );
}
