// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ERRORS, type Me } from '@dangjian/contracts';
import { Providers } from '../../../app/providers.tsx';
import { createQueryClient } from '../../../app/query-client.ts';
import { LoginPage } from './LoginPage.tsx';

const me: Me = {
  id: '1',
  username: 'demo',
  displayName: '张三',
  mustChangePassword: false,
  roles: [],
  permissions: [],
  csrfToken: 'csrf-1',
};

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

function renderLogin(initial = '/login') {
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/orgs', element: <div>ORGS</div> },
      { path: '/change-password', element: <div>CHANGE</div> },
    ],
    { initialEntries: [initial] },
  );
  render(
    <Providers client={createQueryClient()}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return router;
}

async function submit(username: string, password: string) {
  fireEvent.change(await screen.findByTestId('login-username'), { target: { value: username } });
  fireEvent.change(screen.getByTestId('login-password'), { target: { value: password } });
  fireEvent.click(screen.getByTestId('login-submit'));
}

describe('LoginPage', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    fetchMock.mockReset();
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('renders the form with its test hooks', async () => {
    renderLogin();
    expect(await screen.findByTestId('login-username')).toBeTruthy();
    expect(screen.getByTestId('login-password').tagName).toBe('INPUT');
    expect(screen.getByTestId('login-submit').textContent).toContain('登');
    expect(screen.queryByTestId('login-error')).toBeNull();
  });

  it('shows the server message when the account is locked', async () => {
    const { message } = ERRORS.ACCOUNT_LOCKED;
    fetchMock.mockResolvedValue(json(423, { code: 'ACCOUNT_LOCKED', message, requestId: 'r1' }));
    const router = renderLogin();
    await submit('demo', 'wrong');
    expect((await screen.findByTestId('login-error')).textContent).toContain(message);
    expect(router.state.location.pathname).toBe('/login');
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/api/v1/auth/login');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(String(init?.body))).toEqual({ username: 'demo', password: 'wrong' });
  });

  it('goes to the requested page after a successful login', async () => {
    fetchMock.mockResolvedValue(json(200, me));
    const router = renderLogin('/login?next=%2Forgs');
    await submit(' demo ', 'Demo#2026');
    await waitFor(() => expect(router.state.location.pathname).toBe('/orgs'));
  });

  it('sends a user with an initial password to change it', async () => {
    fetchMock.mockResolvedValue(json(200, { ...me, mustChangePassword: true }));
    const router = renderLogin();
    await submit('demo', 'Init#2026');
    await waitFor(() => expect(router.state.location.pathname).toBe('/change-password'));
  });

  it('does not call the server when fields are empty', async () => {
    renderLogin();
    fireEvent.click(await screen.findByTestId('login-submit'));
    expect(await screen.findByText('请输入用户名')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
