import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { chinaToday } from '../orgs/size-rules.ts';
import { createCommunity, memberIdOf, memberOfB, PNG, send, serviceSnapshot } from './service.test-helpers.ts';

describeOnEngines('service denial', (h) => {
  const today = () => chinaToday(h.clock());

  /** Community C with a post, member A reported to C with a claim, hours and a rating; A's pairing with a visit and photo; a project. */
  async function world() {
    const c = await createCommunity(h, 'denial');
    const memberA = await memberIdOf(h, h.tree.users.memberA);
    const m = await h.login(h.tree.users.memberA);
    const a = await h.login(h.tree.users.secretaryA);
    // Each test builds its own world: member A's report from an earlier one is ended first.
    const prior = await h.database.db.selectFrom('service_reports').select('id').where('member_id', '=', memberA).where('status', '=', 'active').executeTakeFirst();
    if (prior) expect((await a.post(`/api/v1/service-reports/${prior.id}/end`, {})).statusCode).toBe(200);
    const post = (await c.secretary.post('/api/v1/posts', { orgId: c.id, name: '甲村秘密岗', kind: 'policy', capacity: 5 })).json();
    const report = (await m.post('/api/v1/service-reports', { communityOrgId: c.id })).json();
    expect((await m.post(`/api/v1/posts/${post.id}/claim`, {})).statusCode).toBe(201);
    const hours = (await m.post('/api/v1/service-hours', { postId: post.id, servedOn: today(), hours: 3, content: '甲村服务内容' })).json();
    await send(h, c.secretary, 'PUT', '/api/v1/service-feedback', { reportId: report.id, year: Number(today().slice(0, 4)), rating: 'good' });
    const pairing = (await a.post('/api/v1/pairings', { orgId: h.tree.branchAId, memberId: memberA, householdName: '甲村困难户', address: '甲村1组', hardshipKind: 'illness', phone: '13900001111', startedOn: today() })).json();
    const visit = (await a.post(`/api/v1/pairings/${pairing.id}/visits`, { visitedOn: today(), content: '甲村走访' })).json();
    await h.app.inject({ method: 'PUT', url: `/api/v1/pairings/${pairing.id}/visits/${visit.id}/photo`, payload: PNG, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, 'content-type': 'image/png' } });
    const resource = (await a.post('/api/v1/service-resources', { orgId: h.tree.branchAId, communityOrgId: c.id, title: '甲村资源', kind: 'venue' })).json();
    const demand = (await c.secretary.post('/api/v1/service-demands', { orgId: c.id, title: '甲村需求', kind: 'health' })).json();
    const demand2 = (await c.secretary.post('/api/v1/service-demands', { orgId: c.id, title: '甲村需求二', kind: 'culture' })).json();
    const project = (await c.secretary.post('/api/v1/service-projects', { orgId: c.id, title: '甲村项目', responsibleOrgId: h.tree.branchAId, startsOn: today(), resourceIds: [resource.id], demandIds: [demand.id] })).json();
    for (const x of [post, report, hours, pairing, visit, resource, demand, demand2, project]) expect(x.id, JSON.stringify(x)).toBeTruthy();
    return { c, memberA, post, report, hours, pairing, visit, resource, demand, demand2, project };
  }

  it('the secretary of sibling branch B gets 403/404 on every endpoint and changes nothing', async () => {
    const w = await world();
    const b = await h.login(h.tree.users.secretaryB);
    const before = await serviceSnapshot(h);
    const A = h.tree.branchAId;
    const C = w.c.id;
    const y = Number(today().slice(0, 4));
    const answers = [
      await b.get(`/api/v1/posts?orgId=${C}`),
      await b.post('/api/v1/posts', { orgId: C, name: '乙村岗位', kind: 'other', capacity: 1 }),
      await send(h, b, 'PATCH', `/api/v1/posts/${w.post.id}`, { capacity: 99 }),
      await send(h, b, 'DELETE', `/api/v1/posts/${w.post.id}`),
      await b.get(`/api/v1/posts/${w.post.id}/claims`),
      await b.post(`/api/v1/posts/${w.post.id}/claim`, { memberId: w.memberA }),
      await b.post(`/api/v1/posts/${w.post.id}/unclaim`, { memberId: w.memberA }),
      await b.get(`/api/v1/service-reports?orgId=${C}`),
      await b.get(`/api/v1/service-reports?orgId=${A}&side=branch`),
      await b.post('/api/v1/service-reports', { communityOrgId: C, memberId: w.memberA }),
      await b.post(`/api/v1/service-reports/${w.report.id}/end`, {}),
      await send(h, b, 'PUT', '/api/v1/service-feedback', { reportId: w.report.id, year: y, rating: 'poor' }),
      await b.get(`/api/v1/service-feedback?orgId=${C}`),
      await b.post('/api/v1/service-hours', { memberId: w.memberA, postId: w.post.id, servedOn: today(), hours: 1, content: '乙村代登' }),
      await b.post('/api/v1/service-hours', { memberId: w.memberA, servedOn: today(), hours: 1, content: '乙村代登' }),
      await b.get(`/api/v1/service-hours?orgId=${C}`),
      await b.get(`/api/v1/service-hours/totals?orgId=${A}&side=branch`),
      await b.get(`/api/v1/service-hours/export?orgId=${C}`),
      await send(h, b, 'DELETE', `/api/v1/service-hours/${w.hours.id}`),
      await b.get(`/api/v1/service-resources?orgId=${C}`),
      await b.post('/api/v1/service-resources', { orgId: A, communityOrgId: C, title: '乙村', kind: 'funds' }),
      await send(h, b, 'PATCH', `/api/v1/service-resources/${w.resource.id}`, { status: 'closed' }),
      await b.get(`/api/v1/service-demands?orgId=${C}`),
      await b.post('/api/v1/service-demands', { orgId: C, title: '乙村', kind: 'other' }),
      await send(h, b, 'PATCH', `/api/v1/service-demands/${w.demand2.id}`, { status: 'closed' }),
      await b.get(`/api/v1/service-projects?orgId=${A}`),
      await b.post('/api/v1/service-projects', { orgId: C, title: '乙村', responsibleOrgId: h.tree.branchBId, startsOn: today(), resourceIds: [w.resource.id], demandIds: [w.demand2.id] }),
      await send(h, b, 'PATCH', `/api/v1/service-projects/${w.project.id}`, { status: 'done' }),
      await b.get(`/api/v1/pairings?orgId=${A}`),
      await b.post('/api/v1/pairings', { orgId: A, householdName: '乙', address: '乙', hardshipKind: 'other', startedOn: today() }),
      await b.get(`/api/v1/pairings/${w.pairing.id}`),
      await send(h, b, 'PATCH', `/api/v1/pairings/${w.pairing.id}`, { endedOn: today() }),
      await b.get(`/api/v1/pairings/${w.pairing.id}/visits`),
      await b.post(`/api/v1/pairings/${w.pairing.id}/visits`, { visitedOn: today(), content: '乙村走访' }),
      await h.app.inject({ method: 'PUT', url: `/api/v1/pairings/${w.pairing.id}/visits/${w.visit.id}/photo`, payload: PNG, headers: { cookie: b.cookie, 'x-csrf-token': b.csrf, 'content-type': 'image/png' } }),
      await b.get(`/api/v1/pairings/${w.pairing.id}/visits/${w.visit.id}/photo`),
    ];
    for (const res of answers) {
      expect([403, 404], `${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      for (const secret of ['甲村', '13900001111', '900001111']) expect(res.body).not.toContain(secret);
    }
    // B's own totals and lists do not count A's member or C's hours.
    const own = (await b.get(`/api/v1/service-hours/totals?orgId=${h.tree.branchBId}&side=branch`)).json();
    expect([own.hours, own.personTimes]).toEqual([0, 0]);
    expect(await serviceSnapshot(h)).toEqual(before);
  });

  it('a member of another branch cannot claim, log, end or visit for branch A and community C', async () => {
    const w = await world();
    const mb = await memberOfB(h);
    const before = await serviceSnapshot(h);
    const answers = [
      await mb.agent.post(`/api/v1/posts/${w.post.id}/claim`, {}),
      await mb.agent.post(`/api/v1/posts/${w.post.id}/claim`, { memberId: w.memberA }),
      await mb.agent.post(`/api/v1/posts/${w.post.id}/unclaim`, { memberId: w.memberA }),
      await mb.agent.post('/api/v1/service-hours', { postId: w.post.id, servedOn: today(), hours: 1, content: '冒登' }),
      await mb.agent.post('/api/v1/service-hours', { memberId: w.memberA, servedOn: today(), hours: 1, content: '冒登' }),
      await mb.agent.post(`/api/v1/service-reports/${w.report.id}/end`, {}),
      await mb.agent.post('/api/v1/service-reports', { communityOrgId: w.c.id, memberId: w.memberA }),
      await mb.agent.get(`/api/v1/pairings/${w.pairing.id}`),
      await mb.agent.post(`/api/v1/pairings/${w.pairing.id}/visits`, { visitedOn: today(), content: '冒访' }),
      await mb.agent.get(`/api/v1/pairings/${w.pairing.id}/visits/${w.visit.id}/photo`),
      await mb.agent.get(`/api/v1/posts?orgId=${h.tree.branchBId}`),
      await mb.agent.get(`/api/v1/service-reports?orgId=${h.tree.branchBId}&side=branch`),
    ];
    for (const res of answers) {
      expect([403, 404, 409], `${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      expect(res.body).not.toContain('甲村');
    }
    const mine = (await mb.agent.get('/api/v1/posts/mine')).json();
    expect(mine.isMember).toBe(true);
    expect(JSON.stringify(mine)).not.toContain('甲村');
    expect(await serviceSnapshot(h)).toEqual(before);
  });

  it('row-level security: raw queries without filters in B\'s scope see nothing of A or C; reports are seen from both of their sides only', async () => {
    const w = await world();
    const tables = ['service_posts', 'service_reports', 'post_claims', 'service_hours', 'service_feedback', 'resource_items', 'demand_items', 'service_projects', 'service_project_links', 'pairings', 'pairing_visits'] as const;
    const seen = (scope: string[]) => withScope(h.database.db, scope, async (trx) => {
      const out: Record<string, string[]> = {};
      for (const t of tables) out[t] = (await trx.selectFrom(t).select('id').execute()).map((r) => r.id);
      return out;
    });
    const b = await seen([h.tree.paths.branchB]);
    for (const t of tables) expect(b[t], t).toEqual([]);
    // Both sides of the report see it (and the hours and claim), a third branch does not.
    const cPath = (await h.database.db.selectFrom('orgs').select('path').where('id', '=', w.c.id).executeTakeFirstOrThrow()).path;
    const fromC = await seen([cPath]);
    const fromA = await seen([h.tree.paths.branchA]);
    for (const side of [fromC, fromA]) {
      expect(side.service_reports).toContain(w.report.id);
      expect(side.service_hours).toContain(w.hours.id);
    }
    expect(fromC.service_feedback).toHaveLength(1);
    expect(fromA.service_feedback).toEqual(expect.arrayContaining(fromC.service_feedback!));
    // The pairing is A's alone; C does not see it.
    expect(fromA.pairings).toContain(w.pairing.id);
    expect(fromC.pairings).not.toContain(w.pairing.id);
    // B's scope cannot write into A's or C's rows either.
    await expect(withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.insertInto('service_reports').values({
      member_id: w.memberA, member_name: 'x', member_org_id: h.tree.branchAId, member_org_name: 'x', community_org_id: w.c.id, community_name: 'x', region_id: null, reported_on: today(), created_by: null,
    }).execute())).rejects.toThrow();
    const upd = await withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.updateTable('service_posts').set({ capacity: 1000 }).where('id', '=', w.post.id).executeTakeFirst());
    expect(Number(upd.numUpdatedRows)).toBe(0);
    // The member's side may not write feedback (the community's act), even unfiltered.
    await expect(withScope(h.database.db, [h.tree.paths.branchA], (trx) => trx.updateTable('service_feedback').set({ rating: 'poor' }).where('report_id', '=', w.report.id).execute()))
      .rejects.toThrow(/row-level security/);
  });
});
