import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeOnEngines } from '../../test/harness.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { ledgerMismatches } from '../points/points.test-helpers.ts';
import { createCommunity, hourPoints, memberIdOf, PNG, send } from './service.test-helpers.ts';

describeOnEngines('service posts and reports', (h) => {
  const today = () => chinaToday(h.clock());
  const year = () => Number(today().slice(0, 4));

  it('journey: report → claim → log hours → totals, person-times and points once per hour; feedback both sides; end', async () => {
    const c = await createCommunity(h);
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    const m = await h.login(h.tree.users.memberA);
    // The community sets up a post; the member finds the community and reports to it.
    let res = await c.secretary.post('/api/v1/posts', { orgId: c.id, name: '文明劝导岗', kind: 'civility', audience: 'in_service', capacity: 3 });
    expect(res.statusCode, res.body).toBe(201);
    const post = res.json();
    expect((await m.get(`/api/v1/service-communities?q=${encodeURIComponent(c.name.slice(0, 3))}`)).json().items).toContainEqual({ id: c.id, name: c.name });
    // Before reporting, the community's post is neither listed nor claimable for the member.
    expect((await m.get('/api/v1/posts/mine')).json().posts.map((p: { id: string }) => p.id)).not.toContain(post.id);
    expect((await m.post(`/api/v1/posts/${post.id}/claim`, {})).statusCode).toBe(404);
    res = await m.post('/api/v1/service-reports', { communityOrgId: c.id });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json();
    expect(report).toMatchObject({ memberId, communityOrgId: c.id, communityName: c.name, status: 'active', hours: 0 });
    expect((await m.post('/api/v1/service-reports', { communityOrgId: c.id })).json().code).toBe('SERVICE_ALREADY_REPORTED');

    res = await m.post(`/api/v1/posts/${post.id}/claim`, {});
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ postId: post.id, memberId, assigned: false });
    expect((await m.post(`/api/v1/posts/${post.id}/claim`, {})).json().code).toBe('SERVICE_POST_ALREADY_CLAIMED');

    // Two logs: 2 h on the post and 1.5 h for the community; points: one per whole hour, once.
    res = await m.post('/api/v1/service-hours', { postId: post.id, servedOn: today(), hours: 2, content: '路口文明劝导' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ hours: 2, points: 2, postName: '文明劝导岗', orgId: c.id });
    const first = res.json().id as string;
    res = await m.post('/api/v1/service-hours', { servedOn: today(), hours: 1.5, content: '政策宣传' });
    expect([res.statusCode, res.json().orgId, res.json().points]).toEqual([201, c.id, 1]);
    expect((await hourPoints(h, memberId)).map((e) => [e.source_id, e.delta])).toEqual([[`${first}:1`, 1], [`${first}:2`, 1], [`${res.json().id}:1`, 1]]);
    res = await m.post('/api/v1/service-hours', { servedOn: today(), hours: 25, content: '过长' });
    expect([res.statusCode, res.json().code, JSON.stringify(res.json().details)]).toEqual([400, 'VALIDATION_FAILED', expect.stringContaining('hours')]);
    res = await m.post('/api/v1/service-hours', { servedOn: '2099-01-01', hours: 1, content: '未来' });
    expect(res.json().code).toBe('SERVICE_HOURS_DATE_INVALID');

    // The community sees the reported member with hours and posts; totals in hours and person-times.
    const list = (await c.secretary.get(`/api/v1/service-reports?orgId=${c.id}`)).json();
    expect(list.items).toEqual([expect.objectContaining({ id: report.id, memberId, hours: 3.5, personTimes: 2, posts: ['文明劝导岗'] })]);
    const totals = (await c.secretary.get(`/api/v1/service-hours/totals?orgId=${c.id}`)).json();
    expect(totals).toMatchObject({ year: year(), hours: 3.5, personTimes: 2, members: 1, byMember: [{ memberId, hours: 3.5, personTimes: 2 }], byCommunity: [{ orgId: c.id, orgName: c.name, hours: 3.5, personTimes: 2 }] });
    const posts = (await c.secretary.get(`/api/v1/posts?orgId=${c.id}`)).json();
    expect(posts.items[0]).toMatchObject({ id: post.id, claimed: 1, capacity: 3, personTimes: 1, hours: 2 });

    // The member's branch sees the same figures from its side; branch totals count its members.
    const a = await h.login(h.tree.users.secretaryA);
    const branchSide = (await a.get(`/api/v1/service-reports?orgId=${h.tree.branchAId}&side=branch`)).json();
    expect(branchSide.items[0]).toMatchObject({ id: report.id, hours: 3.5, communityName: c.name });
    expect((await a.get(`/api/v1/service-hours/totals?orgId=${h.tree.branchAId}&side=branch`)).json()).toMatchObject({ hours: 3.5, personTimes: 2 });

    // Feedback: the community rates, the member's branch reads it; the branch cannot rate.
    res = await send(h, c.secretary, 'PUT', '/api/v1/service-feedback', { reportId: report.id, year: year(), rating: 'excellent', note: '积极主动' });
    expect(res.statusCode, res.body).toBe(200);
    expect((await send(h, a, 'PUT', '/api/v1/service-feedback', { reportId: report.id, year: year(), rating: 'poor' })).statusCode).toBe(404);
    expect((await a.get(`/api/v1/service-feedback?orgId=${h.tree.branchAId}&side=branch`)).json().items).toEqual([expect.objectContaining({ reportId: report.id, rating: 'excellent', note: '积极主动' })]);
    expect((await a.get(`/api/v1/service-reports?orgId=${h.tree.branchAId}&side=branch`)).json().items[0]).toMatchObject({ rating: 'excellent' });

    // Excel of hours per member for the year.
    const xlsx = await a.get(`/api/v1/service-hours/export?orgId=${h.tree.branchAId}&side=branch&year=${year()}`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('服务时长')!;
    expect(ws.getRow(3).values).toEqual([undefined, 1, list.items[0].memberName, list.items[0].memberOrgName, 3.5, 2]);

    // My service on the phone.
    const mine = (await m.get('/api/v1/posts/mine')).json();
    expect(mine).toMatchObject({ isMember: true, yearHours: 3.5, yearPersonTimes: 2, report: { id: report.id, communityName: c.name } });
    expect(mine.posts.find((p: { id: string }) => p.id === post.id)).toMatchObject({ mine: true, orgName: c.name });
    expect(mine.hours.map((x: { hours: number; points: number }) => [x.hours, x.points]).sort()).toEqual([[1.5, 1], [2, 2]]);

    // A wrong log deleted by the community: its points are reversed.
    res = await send(h, c.secretary, 'DELETE', `/api/v1/service-hours/${first}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((await hourPoints(h, memberId)).filter((e) => e.kind === 'reversal').map((e) => e.delta)).toEqual([-1, -1]);
    expect(await ledgerMismatches(h)).toEqual([]);

    // Ending the report ends the places on the community's posts.
    res = await a.post(`/api/v1/service-reports/${report.id}/end`, {});
    expect([res.statusCode, res.json().status]).toEqual([200, 'ended']);
    expect((await c.secretary.get(`/api/v1/posts?orgId=${c.id}`)).json().items[0].claimed).toBe(0);
    const audit = await h.database.db.selectFrom('audit_log').select('action').where('action', 'like', 'service.%').execute();
    expect(new Set(audit.map((x) => x.action))).toEqual(new Set([
      'service.post.create', 'service.report.create', 'service.post.claim', 'service.hours.log', 'service.feedback.set', 'service.hours.delete', 'service.report.end',
    ]));
  });

  it('capacity holds under concurrency: 8 parallel claims on a post of 2 → exactly 2', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const post = (await a.post('/api/v1/posts', { orgId: h.tree.branchAId, name: '环境卫生岗', kind: 'sanitation', audience: 'no_post', capacity: 2 })).json();
    const members = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchAId).orderBy('id').execute()).map((r) => r.id);
    const all = [...members, ...members.slice(0, 3)]; // 8 claims, 3 of them repeats
    const results = await Promise.all(all.map((memberId) => a.post(`/api/v1/posts/${post.id}/claim`, { memberId })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(2);
    const refused = results.filter((r) => r.statusCode !== 201).map((r) => r.json().code as string);
    expect(refused).toContain('SERVICE_POST_FULL');
    expect(refused.filter((code) => code !== 'SERVICE_POST_FULL' && code !== 'SERVICE_POST_ALREADY_CLAIMED')).toEqual([]);
    expect(new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().memberId)).size).toBe(2);
    const row = await h.database.db.selectFrom('service_posts').select('claimed').where('id', '=', post.id).executeTakeFirstOrThrow();
    const open = await h.database.db.selectFrom('post_claims').select('id').where('post_id', '=', post.id).where('ended_on', 'is', null).execute();
    expect([row.claimed, open.length]).toEqual([2, 2]);
    // Capacity cannot drop below the claims; freeing a place lets the next one in.
    expect((await send(h, a, 'PATCH', `/api/v1/posts/${post.id}`, { capacity: 1 })).json().code).toBe('SERVICE_POST_CAPACITY_BELOW_CLAIMED');
    const taken = results.find((r) => r.statusCode === 201)!.json();
    expect((await a.post(`/api/v1/posts/${post.id}/unclaim`, { memberId: taken.memberId })).json().endedOn).not.toBeNull();
    const free = members.find((id) => !results.some((r) => r.statusCode === 201 && r.json().memberId === id))!;
    expect((await a.post(`/api/v1/posts/${post.id}/claim`, { memberId: free })).statusCode).toBe(201);
    expect((await send(h, a, 'DELETE', `/api/v1/posts/${post.id}`)).json().code).toBe('SERVICE_POST_IN_USE');
  });

  it('双向认领: resources and demands matched into a project; matched items cannot be taken twice', async () => {
    const c = await createCommunity(h, '和平');
    const a = await h.login(h.tree.users.secretaryA);
    let res = await a.post('/api/v1/service-resources', { orgId: h.tree.branchAId, communityOrgId: c.id, title: '党员志愿者10名', kind: 'volunteers' });
    expect(res.statusCode, res.body).toBe(201);
    const resource = res.json();
    res = await c.secretary.post('/api/v1/service-demands', { orgId: c.id, title: '独居老人助餐', kind: 'elderly' });
    const demand = res.json();
    expect((await c.secretary.get(`/api/v1/service-resources?orgId=${c.id}`)).json().items.map((i: { id: string }) => i.id)).toEqual([resource.id]);
    res = await c.secretary.post('/api/v1/service-projects', {
      orgId: c.id, title: '助老食堂', responsibleOrgId: h.tree.branchAId, startsOn: today(), resourceIds: [resource.id], demandIds: [demand.id],
    });
    expect(res.statusCode, res.body).toBe(201);
    const project = res.json();
    expect(project).toMatchObject({ status: 'planned', resources: [{ id: resource.id, title: '党员志愿者10名' }], demands: [{ id: demand.id, title: '独居老人助餐' }] });
    expect((await c.secretary.get(`/api/v1/service-demands?orgId=${c.id}`)).json().items[0].status).toBe('matched');
    res = await c.secretary.post('/api/v1/service-projects', { orgId: c.id, title: '重复', responsibleOrgId: h.tree.branchAId, startsOn: today(), resourceIds: [resource.id], demandIds: [demand.id] });
    expect([res.statusCode, res.json().code]).toEqual([400, 'SERVICE_PROJECT_ITEMS_INVALID']);
    // The responsible branch sees the project; only the community updates it.
    expect((await a.get(`/api/v1/service-projects?orgId=${h.tree.branchAId}`)).json().items.map((p: { id: string }) => p.id)).toEqual([project.id]);
    expect((await send(h, a, 'PATCH', `/api/v1/service-projects/${project.id}`, { status: 'done' })).statusCode).toBe(404);
    res = await send(h, c.secretary, 'PATCH', `/api/v1/service-projects/${project.id}`, { status: 'done', resultNote: '每周服务 40 人次' });
    expect(res.json()).toMatchObject({ status: 'done', resultNote: '每周服务 40 人次' });
  });

  it('结对帮扶: pairing with a member, masked phone, visits with a magic-byte checked photo; the member logs own visits', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    let res = await a.post('/api/v1/pairings', { orgId: h.tree.branchAId, memberId, householdName: '王秀英', address: '甲村3组12号', hardshipKind: 'elderly', phone: '13812345678', startedOn: today() });
    expect(res.statusCode, res.body).toBe(201);
    const pairing = res.json();
    expect(pairing.phone).toBe('138****5678');
    expect(JSON.stringify((await a.get(`/api/v1/pairings?orgId=${h.tree.branchAId}`)).json())).not.toContain('13812345678');
    const m = await h.login(h.tree.users.memberA);
    res = await m.post(`/api/v1/pairings/${pairing.id}/visits`, { visitedOn: today(), content: '送去米面油，了解就医需求' });
    expect(res.statusCode, res.body).toBe(201);
    const visit = res.json();
    const put = (body: Buffer, type: string) => h.app.inject({ method: 'PUT', url: `/api/v1/pairings/${pairing.id}/visits/${visit.id}/photo`, payload: body, headers: { cookie: m.cookie, 'x-csrf-token': m.csrf, 'content-type': type } });
    expect((await put(Buffer.from('<script>alert(1)</script>'), 'image/png')).json().code).toBe('SERVICE_PHOTO_TYPE_INVALID');
    res = await put(PNG, 'image/png');
    expect([res.statusCode, res.json().hasPhoto]).toEqual([200, true]);
    const photo = await a.get(`/api/v1/pairings/${pairing.id}/visits/${visit.id}/photo`);
    expect([photo.statusCode, photo.headers['content-type'], photo.rawPayload.equals(PNG)]).toEqual([200, 'image/png', true]);
    expect((await a.get(`/api/v1/pairings/${pairing.id}`)).json()).toMatchObject({ visits: 1, lastVisitOn: today() });
    expect((await m.get('/api/v1/posts/mine')).json().pairings.map((p: { id: string }) => p.id)).toContain(pairing.id);
    res = await send(h, a, 'PATCH', `/api/v1/pairings/${pairing.id}`, { endedOn: today() });
    expect(res.json().endedOn).toBe(today());
    expect((await m.post(`/api/v1/pairings/${pairing.id}/visits`, { visitedOn: today(), content: '再访' })).json().code).toBe('SERVICE_PAIRING_ENDED');
  });

  it('every endpoint is in the OpenAPI document with its response schema', async () => {
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = Object.keys(doc.paths);
    for (const p of ['/api/v1/posts', '/api/v1/posts/mine', '/api/v1/posts/{id}/claim', '/api/v1/service-reports', '/api/v1/service-hours/totals',
      '/api/v1/service-hours/export', '/api/v1/service-feedback', '/api/v1/service-projects', '/api/v1/pairings/{id}/visits', '/api/v1/pairings/{id}/visits/{visitId}/photo']) {
      expect(paths, p).toContain(p);
    }
    expect(doc.paths['/api/v1/posts/mine'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('yearHours');
  });
});
