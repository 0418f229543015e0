import { expect, it } from 'vitest';
import { describeOnEngines } from '../test/harness.ts';

describeOnEngines('http contract', (h) => {
  const post = (payload: string | object, contentType = 'application/json') =>
    h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers: { 'content-type': contentType } });

  it('malformed JSON is 400 MALFORMED_JSON with a request id', async () => {
    const res = await post('{"username": ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON' });
    expect(res.json().requestId).toBeTruthy();
    expect(res.headers['x-request-id']).toBe(res.json().requestId);
  });

  it('wrong types, overlong strings and unknown fields are 400 naming the field', async () => {
    const wrongType = await post({ username: 12, password: 'x' });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().code).toBe('VALIDATION_FAILED');
    expect(wrongType.json().details.fields.map((f: { field: string }) => f.field)).toContain('body.username');

    const long = await post({ username: 'a'.repeat(51), password: 'x' });
    expect(long.json().details.fields[0].field).toBe('body.username');

    const unknown = await post({ username: 'a', password: 'x', admin: true });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details.fields.map((f: { field: string }) => f.field)).toContain('body.admin');

    const missing = await post({ username: 'a' });
    expect(missing.json().details.fields[0].field).toBe('body.password');
    expect(missing.json().message).toMatch(/body\.password/);
  });

  it('never returns a stack trace, and unknown API routes are 404 JSON', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/v1/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
  });

  it('serves OpenAPI 3 generated from the contracts, and the docs page', async () => {
    const res = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    expect(spec.openapi).toMatch(/^3\./);
    for (const p of ['/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/auth/me', '/api/v1/orgs/tree', '/api/v1/orgs/{id}', '/api/v1/members/']) {
      expect(Object.keys(spec.paths)).toContain(p);
    }
    expect(spec.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('username');
    const docs = await h.app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
  });

  it('/healthz and /metrics', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    await h.app.inject({ method: 'GET', url: '/api/v1/auth/me' });
    const m = await h.app.inject({ method: 'GET', url: '/metrics' });
    expect(m.statusCode).toBe(200);
    expect(m.body).toContain('dangjian_http_request_duration_seconds_bucket');
    expect(m.body).toContain('route="/api/v1/auth/me"');
  });
});

describeOnEngines('http limits', (h) => {
  it('an unsupported content type is 415 and an oversized body 413, with stable codes', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const r415 = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: 'x', headers: { 'content-type': 'application/x-unknown' } });
    expect(r415.statusCode).toBe(415);
    expect(r415.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const big = JSON.stringify({ username: 'a', password: 'x'.repeat(2 * 1024 * 1024) });
    const r413 = await h.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: big, headers: { 'content-type': 'application/json', cookie: a.cookie } });
    expect(r413.statusCode).toBe(413);
    expect(r413.json().code).toBe('PAYLOAD_TOO_LARGE');
  });
});
