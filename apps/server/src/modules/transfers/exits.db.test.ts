import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeOnEngines } from '../../test/harness.ts';
import { memberOf } from './transfers.test-helpers.ts';
import { sixMonthsBefore } from './exits.service.ts';

describeOnEngines('member exits and floating members', (h) => {
  const today = () => new Date(h.clock()).toISOString().slice(0, 10);
  const active = async (id: string) => (await sql<{ active: boolean }>`SELECT active FROM members WHERE id = ${id}`.execute(h.database.db)).rows[0]!.active;

  it('death removes the member from the roster into the history store, searchable, ID masked; a warning keeps them', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const [dead, warned] = [await memberOf(h, h.tree.branchAId), await memberOf(h, h.tree.branchAId)];
    const res = await a.post('/api/v1/member-exits', { memberId: dead.id, kind: 'death', measure: '死亡', decidedOn: today(), decision: '支部核实，家属告知' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'death', removes: true, name: dead.name, orgId: h.tree.branchAId });
    expect(await active(dead.id)).toBe(false);
    expect((await a.get(`/api/v1/members/${dead.id}`)).statusCode).toBe(404);
    const detail = (await a.get(`/api/v1/member-exits/${res.json().id}`)).json();
    expect(detail.snapshot.name).toBe(dead.name);
    expect(detail.snapshot.id_number).toMatch(/\*{8}/);
    const found = (await a.get(`/api/v1/member-exits?orgId=${h.tree.branchAId}&q=${encodeURIComponent(dead.name)}`)).json();
    expect(found.items.map((i: { id: string }) => i.id)).toContain(res.json().id);
    // The org department above finds it too.
    expect((await (await h.login(h.tree.users.admin)).get(`/api/v1/member-exits/${res.json().id}`)).statusCode).toBe(200);
    expect((await h.database.db.selectFrom('audit_log').select('entity_id').where('action', '=', 'member.exit').execute()).map((r) => r.entity_id)).toContain(res.json().id);

    const warn = await a.post('/api/v1/member-exits', { memberId: warned.id, kind: 'discipline', measure: '警告', decidedOn: today(), decision: '党支部大会决定', approver: '镇纪委' });
    expect(warn.json()).toMatchObject({ removes: false, measure: '警告' });
    expect(await active(warned.id)).toBe(true);
    expect((await a.get(`/api/v1/member-exits?removes=true`)).json().items.map((i: { id: string }) => i.id)).not.toContain(warn.json().id);
  });

  it('refuses a measure of another category, a future date and an exited member', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const m = await memberOf(h, h.tree.branchAId);
    const wrong = await a.post('/api/v1/member-exits', { memberId: m.id, kind: 'death', measure: '除名', decidedOn: today(), decision: 'x' });
    expect(wrong.statusCode).toBe(400);
    expect(JSON.stringify(wrong.json().details)).toContain('measure');
    const future = await a.post('/api/v1/member-exits', { memberId: m.id, kind: 'withdrawal', measure: '退党', decidedOn: '2999-01-01', decision: 'x' });
    expect(future.json().code).toBe('MEMBER_EXIT_DATE_FUTURE');
    expect(await active(m.id)).toBe(true);
  });

  it('lapse candidates: members with no organizational life for 6 months, not those who attended recently', async () => {
    const a = await h.login(h.tree.users.secretaryB);
    const m = await memberOf(h, h.tree.branchBId);
    const before = (await a.get(`/api/v1/member-exits/lapse-candidates?orgId=${h.tree.branchBId}`)).json();
    expect(before.since).toBe(sixMonthsBefore(today()));
    expect(before.items.map((i: { memberId: string }) => i.memberId)).toContain(m.id);
    const mt = await h.database.db.insertInto('meetings').values({ org_id: h.tree.branchBId, kind: 'branch_meeting', title: '支部党员大会', held_at: new Date(h.clock()), status: 'held' } as never).returning('id').executeTakeFirstOrThrow();
    await h.database.db.insertInto('meeting_attendance').values({ meeting_id: mt.id, member_id: m.id, status: 'present' } as never).execute();
    const after = (await a.get(`/api/v1/member-exits/lapse-candidates?orgId=${h.tree.branchBId}`)).json();
    expect(after.items.map((i: { memberId: string }) => i.memberId)).not.toContain(m.id);
    expect(after.total).toBe(before.total - 1);
  });

  it('floating members: register going out and coming in, list them, end one', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const m = await memberOf(h, h.tree.branchAId);
    const out = await a.post('/api/v1/transfers/floating', { direction: 'out', orgId: h.tree.branchAId, memberId: m.id, place: '广东省深圳市宝安区', contact: '深圳某厂党支部 张书记', startOn: '2026-03-01', endOn: '2026-12-31' });
    expect(out.statusCode, out.body).toBe(201);
    expect(out.json()).toMatchObject({ name: m.name, direction: 'out', status: 'active' });
    const inn = await a.post('/api/v1/transfers/floating', { direction: 'in', orgId: h.tree.branchAId, name: '流入者', place: '河南省周口市某村党支部', startOn: '2026-05-01' });
    expect(inn.statusCode, inn.body).toBe(201);
    const list = (await a.get('/api/v1/transfers/floating?status=active')).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([out.json().id, inn.json().id]));
    expect((await a.post(`/api/v1/transfers/floating/${inn.json().id}/end`)).json().status).toBe('ended');
    expect((await a.post(`/api/v1/transfers/floating/${inn.json().id}/end`)).json().code).toBe('FLOATING_ALREADY_ENDED');
    const bad = await a.post('/api/v1/transfers/floating', { direction: 'out', orgId: h.tree.branchAId, place: '某地', startOn: '2026-05-01', endOn: '2026-04-01' });
    expect(bad.statusCode).toBe(400);
  });
});
