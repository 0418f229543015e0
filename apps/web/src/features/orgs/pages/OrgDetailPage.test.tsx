// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { MemberListItem, MemberListResponse, OrgDetail, OrgTreeResponse } from '@dangjian/contracts';
import { Providers } from '../../../app/providers.tsx';
import { createQueryClient } from '../../../app/query-client.ts';
import OrgsPage from './OrgsPage.tsx';
import OrgDetailPage from './OrgDetailPage.tsx';

const tree: OrgTreeResponse = {
  roots: ['1'],
  nodes: [
    { id: '1', parentId: null, name: '东城街道党工委', type: 'street_committee', path: '1', depth: 0, childCount: 1 },
    { id: '2', parentId: '1', name: '和平社区党支部', type: 'branch', path: '1.2', depth: 1, childCount: 0 },
  ],
};
const detail: OrgDetail = {
  org: {
    ...tree.nodes[0]!, shortName: null, code: null, ancestors: [], sortOrder: 0, status: 'active',
    tempReason: null, validUntil: null, buildingKind: null,
  },
  stats: {
    subOrgsByType: [{ type: 'branch', count: 1 }],
    subOrgTotal: 1,
    membersByStatus: [{ status: 'full', count: 1200 }, { status: 'probationary', count: 34 }],
    memberTotal: 1234,
  },
  warnings: [],
};
const member = (id: string, name: string): MemberListItem => ({
  id, name, gender: 'female', age: 40, idNumberMasked: '320802********1234', phoneMasked: '138****5678',
  status: 'full', orgId: '2', orgName: '和平社区党支部', joinedOn: '2001-07-01', education: '本科',
});
const page1: MemberListResponse = { items: [member('m1', '李梅')], nextCursor: 'c1', total: 2 };
const page2: MemberListResponse = { items: [member('m2', '王芳')], nextCursor: null, total: 2 };

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function route(url: string): Response {
  const u = new URL(url, 'http://x');
  if (u.pathname === '/api/v1/orgs/tree') return json(200, tree);
  if (u.pathname === '/api/v1/orgs/1') return json(200, detail);
  if (u.pathname === '/api/v1/members') return json(200, u.searchParams.get('cursor') === 'c1' ? page2 : page1);
  return json(404, { code: 'NOT_FOUND', message: '记录不存在或不在您的管理范围内', requestId: 'r' });
}

function renderAt(path: string) {
  const router = createMemoryRouter(
    [{ path: '/orgs', element: <OrgsPage />, children: [{ path: ':id', element: <OrgDetailPage /> }] }],
    { initialEntries: [path] },
  );
  render(<Providers client={createQueryClient()}><RouterProvider router={router} /></Providers>);
  return router;
}

describe('OrgDetailPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset().mockImplementation(async (input) => route(String(input)));
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows the org, plain-number statistics, the tree and the member list with load more', async () => {
    const router = renderAt('/orgs/1');
    expect((await screen.findByTestId('org-title')).textContent).toBe('东城街道党工委');
    expect(screen.getByTestId('stat-memberTotal').textContent).toContain('1234');
    expect(screen.getByTestId('stat-full').textContent).toContain('1200');
    expect(screen.getByTestId('stat-probationary').textContent).toContain('34');
    expect(screen.getByTestId('stat-subOrgTotal').textContent).toContain('1');

    // The root is expanded by default, so its child is visible and clickable by name.
    fireEvent.click(await screen.findByText('和平社区党支部', { selector: '.org-tree-name' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/orgs/2'));
    await router.navigate('/orgs/1');

    expect(await screen.findByText('李梅')).toBeTruthy();
    expect(screen.getByTestId('member-total').textContent).toContain('共 2 人');
    fireEvent.click(screen.getByTestId('member-load-more'));
    expect(await screen.findByText('王芳')).toBeTruthy();
    expect(screen.queryByTestId('member-load-more')).toBeNull();
  });

  it('shows the forbidden result for an org outside the scope', async () => {
    renderAt('/orgs/999');
    expect((await screen.findByTestId('forbidden-result')).textContent).toContain('无权访问或组织不存在');
  });
});
