import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useMe } from '../features/auth/api.ts';
import { OrgPicker, useDefaultOrgId } from '../features/grids/components/OrgPicker.tsx';

export interface OrgTab {
  key: string;
  label: string;
  /** The tab's content for the organization picked (?orgId=, else the user's own). */
  render(orgId: string | undefined): ReactNode;
}

/**
 * The console page of a feature kept per subtree: an organization picker, one tab per part as a
 * nested route under `/<base>/<tab>`, and the member's own page. A user without record-keeping
 * rights (members:write) sees only `mine` (phone-first); keepers see the tabs, with `mine` as the
 * last one when given.
 * @example <OrgTabsPage base="dues" title="党费管理" tabs={[{ key: 'bases', label: '标准核定', render: (id) => <BasesTab orgId={id} /> }]} mine={{ label: '我的党费', page: <MyDues />, tab: false }} />
 */
export function OrgTabsPage(props: {
  base: string;
  title: string;
  tabs: OrgTab[];
  mine: { label: string; page: ReactNode; /** also a tab for keepers (default true) */ tab?: boolean };
}) {
  const { base, tabs, mine } = props;
  const loc = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const me = useMe();
  const defaultOrg = useDefaultOrgId();
  const orgId = params.get('orgId') ?? defaultOrg;
  if (me.data && !me.data.permissions.includes('members:write')) return <>{mine.page}</>;
  const items = [...tabs.map(({ key, label }) => ({ key, label })), ...(mine.tab === false ? [] : [{ key: 'mine', label: mine.label }])];
  const active = items.find((t) => loc.pathname.startsWith(`/${base}/${t.key}`))?.key ?? tabs[0]!.key;
  return (
    <Card title={props.title} extra={active !== 'mine' && <OrgPicker value={orgId} onChange={(id) => setParams({ orgId: id })} testId={`${base}-org-picker`} />}>
      <Tabs activeKey={active} items={items} onChange={(k) => navigate({ pathname: `/${base}/${k}`, search: params.toString() })} />
      <Routes>
        <Route index element={<Navigate to={{ pathname: tabs[0]!.key, search: params.toString() }} replace />} />
        {tabs.map((t) => <Route key={t.key} path={t.key} element={t.render(orgId)} />)}
        <Route path="mine" element={mine.page} />
      </Routes>
    </Card>
  );
}
