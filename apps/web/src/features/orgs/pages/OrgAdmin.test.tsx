// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import type { ExpiringTeamsResponse, Me, OrgDetail, OrgTreeResponse } from '@dangjian/contracts';
import { Providers } from '../../../app/providers.tsx';
import { createQueryClient } from '../../../app/query-client.ts';
import OrgDetailPage from './OrgDetailPage.tsx';
import TeamsExpiringPage from './TeamsExpiringPage.tsx';

const tree: OrgTreeResponse = {
  roots: ['1'],
  nodes: [
    { id: '1', parentId: null, name: '东城街道党工委', type: 'street_committee', path: '1', depth: 1, childCount: 1 },
    { id: '2', parentId: '1', name: '和平社区党支部', type: 'branch', path: '1.2', depth: 2, childCount: 0 },
  ],
};
const detailOf = (n: 0 | 1, warnings: OrgDetail['warnings'] = []): OrgDetail => ({
  org: { ...tree.nodes[n]!, shortName: null, code: null, ancestors: [], sortOrder: 1, status: 'active', tempReason: null, validUntil: null, buildingKind: null },
  stats: { subOrgsByType: [], subOrgTotal: 0, membersByStatus: [], memberTotal: 0 },
  warnings,
});
const meWith = (role: 'secretary' | 'member'): Me => ({
  id: 'u', username: 'u', displayName: '书记', mustChangePassword: false, csrfToken: 't', permissions: [],
  roles: [{ role, orgId: '1', orgName: '东城街道党工委', orgPath: '1' }],
});
const expiring: ExpiringTeamsResponse = {
  total: 2,
  items: [
    { teamId: 't1', orgId: '2', orgName: '和平社区党支部', orgType: 'branch', sessionNo: 3, termStart: '2021-01-01', termEnd: '2026-01-01', daysLeft: -12, expired: true },
    { teamId: 't2', orgId: '3', orgName: '幸福社区党支部', orgType: 'branch', sessionNo: null, termStart: '2022-03-01', termEnd: '2027-02-28', daysLeft: 40, expired: false },
  ],
};

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
let role: 'secretary' | 'member' = 'secretary';

function route(url: string): Response {
  const u = new URL(url, 'http://x');
  const warn = [{ code: 'BRANCH_TOO_FEW_FULL' as const, message: '正式党员仅 2 名，不足 3 名，宜与邻近单位成立联合党支部' }];
  switch (u.pathname) {
    case '/api/v1/auth/me': return json(200, meWith(role));
    case '/api/v1/orgs/tree': return json(200, tree);
    case '/api/v1/orgs/1': return json(200, detailOf(0));
    case '/api/v1/orgs/2': return json(200, detailOf(1, warn));
    case '/api/v1/orgs/teams/expiring': return json(200, expiring);
    case '/api/v1/members': return json(200, { items: [], nextCursor: null, total: 0 });
    default: return json(404, { code: 'NOT_FOUND', message: '不存在', requestId: 'r' });
  }
}

function renderAt(path: string) {
  const router = createMemoryRouter([
    { path: '/orgs/:id', element: <OrgDetailPage /> },
    { path: '/teams/expiring', element: <TeamsExpiringPage /> },
  ], { initialEntries: [path] });
  render(<Providers client={createQueryClient()}><RouterProvider router={router} /></Providers>);
}

describe('organization administration UI', () => {
  beforeEach(() => {
    role = 'secretary';
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockImplementation(async (input) => route(String(input))));
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('a writer sees the actions bar; on a branch below the scope root all actions are enabled; warnings are listed', async () => {
    renderAt('/orgs/2');
    await screen.findByTestId('org-actions');
    for (const k of ['create', 'edit', 'move', 'merge', 'dissolve']) {
      expect((screen.getByTestId(`org-action-${k}`) as HTMLButtonElement).disabled).toBe(false);
    }
    expect(screen.getByTestId('warning-BRANCH_TOO_FEW_FULL').textContent).toContain('不足 3 名');
    expect(screen.getByText('班子成员')).toBeTruthy();
    expect(screen.getByText('变更记录')).toBeTruthy();
  });

  it('on the scope root, move, merge and dissolve are disabled (the higher committee decides)', async () => {
    renderAt('/orgs/1');
    await screen.findByTestId('org-actions');
    expect((screen.getByTestId('org-action-create') as HTMLButtonElement).disabled).toBe(false);
    for (const k of ['move', 'merge', 'dissolve']) expect((screen.getByTestId(`org-action-${k}`) as HTMLButtonElement).disabled).toBe(true);
  });

  it('a member sees no actions', async () => {
    role = 'member';
    renderAt('/orgs/2');
    await screen.findByTestId('org-title');
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId('org-actions')).toBeNull();
  });

  it('换届提醒 lists teams with days left and an expired tag', async () => {
    renderAt('/teams/expiring');
    expect(await screen.findByText('和平社区党支部')).toBeTruthy();
    expect(screen.getByTestId('expired-tag').textContent).toContain('已届满 12 天');
    expect(screen.getByText('剩 40 天')).toBeTruthy();
    expect(screen.getByText('第 3 届')).toBeTruthy();
  });
});
