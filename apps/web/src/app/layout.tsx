import { Layout, Typography } from 'antd';
import { Link, Outlet } from 'react-router';
import { UserMenu } from './UserMenu.tsx';
import { MainNav } from './nav.tsx';
import { ReminderBanner } from '../features/compliance/components/ReminderBanner.tsx';

const headerStyle = {
  display: 'flex',
  alignItems: 'center',
  justifyContent: 'space-between',
  gap: 16,
  background: '#c8102e',
  padding: '0 24px',
} as const;

/** The signed-in shell: red header with the product name and the current user. */
export function AppLayout() {
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={headerStyle}>
        <Link to="/orgs">
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
            党建工作平台
          </Typography.Title>
        </Link>
        <MainNav />
        <UserMenu />
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <ReminderBanner />
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
