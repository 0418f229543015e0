import { lazy } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { setSessionHandler } from '../lib/api.ts';
import { LoginPage } from '../features/auth/pages/LoginPage.tsx';
import { ChangePasswordPage } from '../features/auth/pages/ChangePasswordPage.tsx';
import { RequireAuth } from '../features/auth/components/RequireAuth.tsx';
import { loginPath } from '../features/auth/next.ts';
import { NotFoundPage } from '../components/NotFoundPage.tsx';
import { Lazy } from '../components/Lazy.tsx';
import { AppLayout } from './layout.tsx';
import { HomeRedirect } from './home.tsx';

const OrgsPage = lazy(() => import('../features/orgs/pages/OrgsPage.tsx'));
const OrgsIndexPage = lazy(() => import('../features/orgs/pages/OrgsIndexPage.tsx'));
const OrgDetailPage = lazy(() => import('../features/orgs/pages/OrgDetailPage.tsx'));
const TeamsExpiringPage = lazy(() => import('../features/orgs/pages/TeamsExpiringPage.tsx'));
const MembersPage = lazy(() => import('../features/members/pages/MembersPage.tsx'));
const ImportPage = lazy(() => import('../features/imports/pages/ImportPage.tsx'));
const GridsPage = lazy(() => import('../features/grids/pages/GridsPage.tsx'));
const SitesPage = lazy(() => import('../features/sites/pages/SitesPage.tsx'));
const MeetingsPage = lazy(() => import('../features/meetings/pages/MeetingsPage.tsx'));
const CompliancePage = lazy(() => import('../features/compliance/pages/CompliancePage.tsx'));
const StudyPage = lazy(() => import('../features/study/pages/StudyPage.tsx'));
const DevelopmentPage = lazy(() => import('../features/development/pages/DevelopmentPage.tsx'));
const TransfersPage = lazy(() => import('../features/transfers/pages/TransfersPage.tsx'));
const DuesPage = lazy(() => import('../features/dues/pages/DuesPage.tsx'));
const PointsPage = lazy(() => import('../features/points/pages/PointsPage.tsx'));
const WishesPage = lazy(() => import('../features/wishes/pages/WishesPage.tsx'));
const CommitmentsPage = lazy(() => import('../features/commitments/pages/CommitmentsPage.tsx'));
const ServicePage = lazy(() => import('../features/service/pages/ServicePage.tsx'));
const MePage = lazy(() => import('../features/me/pages/MePage.tsx'));

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/change-password', element: <ChangePasswordPage /> },
  {
    path: '/',
    element: <RequireAuth />,
    children: [
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <HomeRedirect /> },
          { path: 'me', element: <Lazy><MePage /></Lazy> },
          {
            path: 'orgs',
            element: <Lazy><OrgsPage /></Lazy>,
            children: [
              { index: true, element: <Lazy><OrgsIndexPage /></Lazy> },
              { path: ':id', element: <Lazy><OrgDetailPage /></Lazy> },
            ],
          },
          { path: 'teams/expiring', element: <Lazy><TeamsExpiringPage /></Lazy> },
          { path: 'members', element: <Lazy><MembersPage /></Lazy> },
          { path: 'imports', element: <Lazy><ImportPage /></Lazy> },
          { path: 'grids', element: <Lazy><GridsPage /></Lazy> },
          { path: 'sites', element: <Lazy><SitesPage /></Lazy> },
          { path: 'meetings/*', element: <Lazy><MeetingsPage /></Lazy> },
          { path: 'compliance/*', element: <Lazy><CompliancePage /></Lazy> },
          { path: 'study/*', element: <Lazy><StudyPage /></Lazy> },
          { path: 'development/*', element: <Lazy><DevelopmentPage /></Lazy> },
          { path: 'transfers/*', element: <Lazy><TransfersPage /></Lazy> },
          { path: 'dues/*', element: <Lazy><DuesPage /></Lazy> },
          { path: 'points/*', element: <Lazy><PointsPage /></Lazy> },
          { path: 'wishes/*', element: <Lazy><WishesPage /></Lazy> },
          { path: 'commitments/*', element: <Lazy><CommitmentsPage /></Lazy> },
          { path: 'service/*', element: <Lazy><ServicePage /></Lazy> },
        ],
      },
    ],
  },
  { path: '*', element: <NotFoundPage /> },
];

export const router = createBrowserRouter(routes);

// Any API call that meets an ended session or a pending forced password change lands here.
setSessionHandler((event) => {
  const { pathname, search } = window.location;
  if (event === 'unauthenticated') {
    if (pathname !== '/login') void router.navigate(loginPath(pathname + search), { replace: true });
  } else if (pathname !== '/change-password') {
    void router.navigate('/change-password', { replace: true });
  }
});
