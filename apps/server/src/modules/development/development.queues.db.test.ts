import { expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness.ts';
import { caseBody, walk } from './development.test-helpers.ts';
import { addDays, chinaDate } from './rules/dates.ts';

describeOnEngines('development queues and notices', (h) => {
  it('a late talk appears in the secretary\'s to-do list and first in the town\'s pipeline', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const today = chinaDate(h.clock());
    const late = (await a.post('/api/v1/development-cases', caseBody(h.tree.branchAId, { name: '钱逾期', appliedOn: addDays(today, -45) }))).json();
    const fresh = (await a.post('/api/v1/development-cases', caseBody(h.tree.branchAId, { name: '孙按期', appliedOn: addDays(today, -3) }))).json();
    const later = (await a.post('/api/v1/development-cases', caseBody(h.tree.branchAId, { name: '李已谈' }))).json();
    await walk(a, later.id, 2, 3);

    const todo = (await a.get('/api/v1/development-cases/todo')).json();
    const byName = new Map(todo.items.map((i: { name: string }) => [i.name, i]));
    expect(byName.get('钱逾期')).toMatchObject({ overdue: true, deadlines: [{ code: 'talk_within_1_month', state: 'overdue' }] });
    expect(byName.get('孙按期')).toMatchObject({ overdue: false, deadlines: [{ code: 'talk_within_1_month', state: 'due_soon' }] });
    expect(byName.has('李已谈')).toBe(false);

    const town = await h.login(h.tree.users.town);
    const p = (await town.get(`/api/v1/development-cases/pipeline?orgId=${h.tree.townId}`)).json();
    expect(p.stages.map((s: { stage: number }) => s.stage)).toEqual([1, 2, 3, 4, 5]);
    expect(p.stages[0].cases[0].id).toBe(late.id);
    expect(p.stages[0].overdue).toBeGreaterThanOrEqual(1);
    expect(p.stages[0].cases.map((c: { id: string }) => c.id)).toContain(fresh.id);
    expect(p.stages[1].cases.map((c: { id: string }) => c.id)).toContain(later.id);
  });

  it('三公示 switched on for the town: step 4 waits for a 5-working-day 公示, shown publicly without ID or phone', async () => {
    const admin = await h.login(h.tree.users.admin);
    const today = chinaDate(h.clock());
    const bind = await admin.post('/api/v1/development-rules/bindings', { orgId: h.tree.townId, ruleSetCode: 'huaiyin_3gs', effectiveFrom: addDays(today, -60) });
    expect(bind.statusCode, bind.body).toBe(201);
    const a = await h.login(h.tree.users.secretaryA);
    expect((await a.post('/api/v1/development-rules/bindings', { orgId: h.tree.branchAId, ruleSetCode: 'huaiyin_3gs', effectiveFrom: today })).statusCode).toBe(403);
    const body = caseBody(h.tree.branchAId, { name: '周公示', appliedOn: addDays(today, -20) });
    const c = (await a.post('/api/v1/development-cases', body)).json();
    expect(c.ruleSets.map((s: { code: string }) => s.code)).toEqual(['cpc_2014', 'huaiyin_3gs']);
    await a.post(`/api/v1/development-cases/${c.id}/steps`, { stepNo: 2, doneOn: addDays(today, -15), facts: { talker: '王' } });
    const noDiff = await a.post(`/api/v1/development-cases/${c.id}/steps`, { stepNo: 3, doneOn: addDays(today, -10), facts: { candidates: 2, slots: 2 } });
    expect(noDiff.json().details.rule).toBe('differential');
    expect((await a.post(`/api/v1/development-cases/${c.id}/steps`, { stepNo: 3, doneOn: addDays(today, -10), facts: { candidates: 3, slots: 2 } })).statusCode).toBe(200);
    const refused = await a.post(`/api/v1/development-cases/${c.id}/steps`, { stepNo: 4, doneOn: today });
    expect(refused.json().details).toMatchObject({ rule: 'publicity', ruleName: '公示不少于5个工作日，期满后方可办理下一步' });

    const n = await a.post(`/api/v1/development-cases/${c.id}/notices`, { kind: 'activist', startOn: addDays(today, -1), contact: '镇党委组织办 0517-1234567' });
    expect(n.statusCode, n.body).toBe(201);
    expect(n.json().workingDays).toBe(5);
    const pub = await h.app.inject({ method: 'GET', url: '/api/v1/public/notices' });
    expect(pub.statusCode).toBe(200);
    const item = pub.json().items.find((i: { id: string }) => i.id === n.json().id);
    expect(item).toMatchObject({ personName: '周公示', orgName: expect.stringContaining('甲村党支部'), stageName: '入党积极分子' });
    expect(Object.keys(item).sort()).toEqual(['contact', 'endOn', 'id', 'kind', 'orgName', 'personName', 'stageName', 'startOn', 'title']);
    expect(pub.body).not.toContain(body.idNumber);
    expect(pub.body).not.toContain(body.idNumber.slice(-4));
    expect(pub.body).not.toContain('13912345678');
    expect(pub.body).not.toContain('5678');

    // Still in its period today: step 4 stays refused; once the period has ended it is accepted.
    expect((await a.post(`/api/v1/development-cases/${c.id}/steps`, { stepNo: 4, doneOn: today })).statusCode).toBe(422);
    h.clock.advance(20 * 86_400_000);
    const a2 = await h.login(h.tree.users.secretaryA);
    const after = await a2.post(`/api/v1/development-cases/${c.id}/steps`, { stepNo: 4, doneOn: addDays(n.json().endOn, 1) });
    expect(after.statusCode, after.body).toBe(200);
    const gone = (await h.app.inject({ method: 'GET', url: '/api/v1/public/notices' })).json();
    expect(gone.items.map((i: { id: string }) => i.id)).not.toContain(n.json().id);
  });
});
