import { expect, it } from 'vitest';
import { createUser } from '@dangjian/db/fixtures';
import { describeOnEngines, login } from '../../test/harness.ts';

describeOnEngines('auth', (h) => {
  const loginReq = (username: string, password: string, remoteAddress = '127.0.0.1') =>
    h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress });

  it('signs in with an HttpOnly SameSite cookie and returns the roles', async () => {
    const res = await loginReq(h.tree.users.secretaryA, h.tree.password);
    expect(res.statusCode).toBe(200);
    const c = res.cookies.find((x) => x.name === 'dj_session');
    expect(c?.httpOnly).toBe(true);
    expect(String(c?.sameSite).toLowerCase()).toBe('strict');
    const me = res.json();
    expect(me.roles).toEqual([expect.objectContaining({ role: 'secretary', orgId: h.tree.branchAId })]);
    expect(me.csrfToken).toBeTruthy();
    const session = await h.database.db.selectFrom('sessions').selectAll().where('user_id', '=', me.id).execute();
    expect(session.length).toBeGreaterThan(0);
    // The cookie value itself is not stored.
    expect(session.some((s) => s.id_hash === c?.value)).toBe(false);
  });

  it('rejects a wrong password without saying which part was wrong, and audits it', async () => {
    const res = await loginReq(h.tree.users.memberA, 'Wrong#2026');
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', message: '用户名或密码错误' });
    const unknown = await loginReq('no-such-user-xyz', 'Wrong#2026');
    expect(unknown.json().code).toBe('INVALID_CREDENTIALS');
    const audit = await h.database.db.selectFrom('audit_log').select(['action', 'actor_name', 'ip']).where('actor_name', '=', 'no-such-user-xyz').execute();
    expect(audit).toEqual([{ action: 'auth.login.failure', actor_name: 'no-such-user-xyz', ip: '127.0.0.1' }]);
  });

  it('locks the account for 15 minutes after 5 failures', async () => {
    const username = `lock-${h.kind}-${Date.now()}`;
    await createUser(h.database.db, { username, displayName: '锁定测试', password: 'Right#2026', roles: [{ role: 'member', orgId: h.tree.branchAId }], mustChangePassword: false });
    for (let i = 0; i < 4; i++) expect((await loginReq(username, 'Bad#20260')).json().code).toBe('INVALID_CREDENTIALS');
    expect((await loginReq(username, 'Bad#20260')).json().code).toBe('ACCOUNT_LOCKED');
    const locked = await loginReq(username, 'Right#2026');
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    h.clock.advance(16 * 60_000);
    expect((await loginReq(username, 'Right#2026')).statusCode).toBe(200);
  });

  it('expires a session after 30 minutes idle, not while in use', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    h.clock.advance(20 * 60_000);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    h.clock.advance(20 * 60_000);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
    h.clock.advance(31 * 60_000);
    const res = await a.get('/api/v1/auth/me');
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('SESSION_EXPIRED');
  });

  it('requires the CSRF header on cookie-authenticated writes', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const none = await h.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: a.cookie } });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('CSRF_FAILED');
    const wrong = await a.post('/api/v1/auth/logout', undefined, { 'x-csrf-token': 'x'.repeat(a.csrf.length) });
    expect(wrong.json().code).toBe('CSRF_FAILED');
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('forces an initial password change before anything else, with the strength rule', async () => {
    const username = `init-${h.kind}-${Date.now()}`;
    await createUser(h.database.db, { username, displayName: '新用户', password: 'Init#2026', roles: [{ role: 'secretary', orgId: h.tree.branchAId }], mustChangePassword: true });
    const a = await login(h.app, username, 'Init#2026');
    expect((await a.get('/api/v1/auth/me')).json().mustChangePassword).toBe(true);
    const blocked = await a.get('/api/v1/orgs/tree');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    const weak = await a.post('/api/v1/auth/password', { oldPassword: 'Init#2026', newPassword: 'abcdefgh' });
    expect(weak.json().code).toBe('PASSWORD_TOO_WEAK');
    const same = await a.post('/api/v1/auth/password', { oldPassword: 'Init#2026', newPassword: 'Init#2026' });
    expect(same.json().code).toBe('PASSWORD_REUSED');
    const badOld = await a.post('/api/v1/auth/password', { oldPassword: 'Nope#2026', newPassword: 'Better#2027' });
    expect(badOld.statusCode).toBe(401);
    const ok = await a.post('/api/v1/auth/password', { oldPassword: 'Init#2026', newPassword: 'Better#2027' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().mustChangePassword).toBe(false);
    expect((await a.get('/api/v1/orgs/tree')).statusCode).toBe(200);
    expect((await login(h.app, username, 'Better#2027')).csrf).toBeTruthy();
  });

  it('signs out: the cookie no longer works', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const res = await a.post('/api/v1/auth/logout');
    expect(res.statusCode).toBe(200);
    expect((await a.get('/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('needs a session for every API route but sign-in', async () => {
    for (const url of ['/api/v1/auth/me', '/api/v1/orgs/tree', `/api/v1/orgs/${h.tree.rootId}`, `/api/v1/members?orgId=${h.tree.rootId}`]) {
      const res = await h.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.json().code).toBe('UNAUTHENTICATED');
    }
  });
});

describeOnEngines('auth rate limit', (h) => {
  it('limits sign-in attempts per address, counted in the database', async () => {
    const ip = `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'nobody', password: 'x' }, remoteAddress: ip });
      codes.push(res.json().code);
    }
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'RATE_LIMITED']);
    const row = await h.database.db.selectFrom('rate_limits').selectAll().where('key', '=', `login:${ip}`).executeTakeFirst();
    expect(row?.count).toBe(4);
  });
}, { LOGIN_RATE_LIMIT: 3, LOGIN_RATE_WINDOW_SECONDS: 600 });
