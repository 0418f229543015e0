import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { freshIdNumber } from '../members/members.test-helpers.ts';
import { letterBody, memberOf } from './transfers.test-helpers.ts';

describeOnEngines('transfers denial', (h) => {
  /** Everything of branch A (and its group) that B could touch. Other suites share the database. */
  const snapshot = async () => {
    const a = [h.tree.branchAId, h.tree.groupAId];
    const db = h.database.db;
    return {
      members: await db.selectFrom('members').select(['id', 'org_id', 'updated_at']).where('org_id', 'in', a).orderBy('id').execute(),
      transfers: await db.selectFrom('transfers').selectAll().where((eb) => eb.or([eb('from_org_id', 'in', a), eb('to_org_id', 'in', a)])).orderBy('id').execute(),
      exits: await db.selectFrom('member_exits').select('id').where('org_id', 'in', a).orderBy('id').execute(),
      floating: await db.selectFrom('floating_members').selectAll().where('org_id', 'in', a).orderBy('id').execute(),
    };
  };

  it('the secretary of branch B can neither read nor change branch A\'s members, transfers, letters, exits or floating members', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const [m1, m2, m3, m4] = [await memberOf(h, h.tree.branchAId), await memberOf(h, h.tree.branchAId), await memberOf(h, h.tree.branchAId), await memberOf(h, h.tree.branchAId)];
    const letter = (await a.post('/api/v1/transfers/letters', letterBody(m1.id, { destinationOrgName: '甲村机密去向' }))).json();
    const internal = (await a.post('/api/v1/transfers/internal', { memberId: m2.id, toOrgId: h.tree.groupAId, reason: '甲村内部' })).json();
    const exit = (await a.post('/api/v1/member-exits', { memberId: m3.id, kind: 'withdrawal', measure: '退党', decidedOn: '2026-01-05', decision: '甲村决定' })).json();
    const floating = (await a.post('/api/v1/transfers/floating', { direction: 'in', orgId: h.tree.branchAId, name: '甲村流入', place: '外地', startOn: '2026-05-01' })).json();
    expect([letter.id, internal.id, exit.id, floating.id].every(Boolean)).toBe(true);

    const b = await h.login(h.tree.users.secretaryB);
    const before = await snapshot();
    const answers = [
      await b.get(`/api/v1/transfers/${letter.id}`),
      await b.get(`/api/v1/transfers/${internal.id}`),
      await b.post(`/api/v1/transfers/${letter.id}/receipt`, { receiptOn: '2026-11-01' }),
      await b.post(`/api/v1/transfers/${letter.id}/file`),
      await b.post(`/api/v1/transfers/${internal.id}/accept`, {}),
      await b.post(`/api/v1/transfers/${internal.id}/reject`, {}),
      await b.post(`/api/v1/transfers/${internal.id}/cancel`),
      await b.post('/api/v1/transfers/internal', { memberId: m4.id, toOrgId: h.tree.branchBId, reason: '拉走' }),
      await b.post('/api/v1/transfers/letters', letterBody(m4.id)),
      await b.post('/api/v1/transfers/incoming', { letterNo: 'X1', fromOrgName: '外地党委', duesPaidTo: '2026-10', orgId: h.tree.branchAId, name: '塞入', idNumber: freshIdNumber(), status: 'full', joinedOn: '2010-07-01', fullOn: '2011-07-01' }),
      await b.post('/api/v1/member-exits', { memberId: m4.id, kind: 'death', measure: '死亡', decidedOn: '2026-01-05', decision: '乙村' }),
      await b.get(`/api/v1/member-exits/${exit.id}`),
      await b.get(`/api/v1/member-exits?orgId=${h.tree.branchAId}`),
      await b.get(`/api/v1/member-exits/lapse-candidates?orgId=${h.tree.branchAId}`),
      await b.post('/api/v1/transfers/floating', { direction: 'out', orgId: h.tree.branchAId, memberId: m4.id, place: '外地', startOn: '2026-05-01' }),
      await b.post(`/api/v1/transfers/floating/${floating.id}/end`),
    ];
    for (const res of answers) {
      expect([403, 404], `${res.statusCode} ${res.body}`).toContain(res.statusCode);
      expect(res.body).not.toContain(m1.name);
      expect(res.body).not.toContain('甲村');
    }
    // Lists answer, but with nothing of A.
    for (const url of ['/api/v1/transfers', '/api/v1/transfers?direction=in', '/api/v1/member-exits', '/api/v1/transfers/floating', '/api/v1/member-exits/lapse-candidates']) {
      const res = await b.get(url);
      expect(res.statusCode, res.body).toBe(200);
      for (const m of [m1, m2, m3, m4]) expect(res.body).not.toContain(m.name);
      expect(res.body).not.toContain('甲村');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('row-level security: unfiltered queries in B\'s scope return nothing of A; exited members are hidden from every feature', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const m = await memberOf(h, h.tree.branchAId);
    await a.post('/api/v1/transfers/floating', { direction: 'out', orgId: h.tree.branchAId, memberId: m.id, place: '外地', startOn: '2026-05-01' });
    const t = (await a.post('/api/v1/transfers/letters', letterBody(m.id))).json();
    const inB = await withScope(h.database.db, [h.tree.paths.branchB], async (trx) => ({
      transfers: await trx.selectFrom('transfers').select('id').execute(),
      exits: await trx.selectFrom('member_exits').select('member_id').execute(),
      floating: await trx.selectFrom('floating_members').select('member_id').execute(),
    }));
    expect(inB.transfers.map((r) => r.id)).not.toContain(t.id);
    expect(inB.exits.map((r) => r.member_id)).not.toContain(m.id);
    expect(inB.floating.map((r) => r.member_id)).not.toContain(m.id);
    const inA = await withScope(h.database.db, [h.tree.paths.branchA], async (trx) => ({
      transfers: await trx.selectFrom('transfers').select('id').execute(),
      member: await trx.selectFrom('members').select('id').where('id', '=', m.id).execute(),
    }));
    expect(inA.transfers.map((r) => r.id)).toContain(t.id);
    expect(inA.member).toEqual([]);
    // B's scope cannot write rows that belong to A.
    await expect(withScope(h.database.db, [h.tree.paths.branchB], (trx) =>
      trx.insertInto('floating_members').values({ direction: 'in', org_id: h.tree.branchAId, member_id: null, name: 'x', phone: null, place: 'y', contact: null, start_on: '2026-01-01', end_on: null, remarks: null, created_by: null }).execute(),
    )).rejects.toThrow();
    // The history store is append-only.
    await expect(withScope(h.database.db, [h.tree.paths.branchA], (trx) => trx.deleteFrom('member_exits').execute())).rejects.toThrow();
  });
});
