import { Grid, Layout, Typography } from 'antd';
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
  // Phones (members on the go): a shorter title and tighter padding so the header fits 360 px.
  const wide = Grid.useBreakpoint().md ?? true;
  return (
    <Layout style={{ minHeight: '100vh', overflowX: 'hidden' }}>
      <Layout.Header style={{ ...headerStyle, padding: wide ? '0 24px' : '0 8px', gap: wide ? 16 : 4 }}>
        <Link to="/orgs">
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap' }}>
            {wide ? '党建工作平台' : '党建'}
          </Typography.Title>
        </Link>
        <MainNav />
        <UserMenu />
      </Layout.Header>
      <Layout.Content style={{ padding: wide ? 16 : 8 }}>
        <ReminderBanner />
        <Outlet />
      </Layout.Content>
    </Layout>
  );
}
