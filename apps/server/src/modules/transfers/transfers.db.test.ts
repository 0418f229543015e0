import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { freshIdNumber } from '../members/members.test-helpers.ts';
import { letterBody, memberOf } from './transfers.test-helpers.ts';

const DAY = 86_400_000;

describeOnEngines('transfers', (h) => {
  const orgOf = async (id: string) => (await h.database.db.selectFrom('members').select('org_id').where('id', '=', id).executeTakeFirstOrThrow()).org_id;
  const audits = (action: string) => h.database.db.selectFrom('audit_log').select(['entity_id', 'before', 'after']).where('action', '=', action).execute();

  it('the town secretary moves a member from branch A to branch B in one step, with history and audit', async () => {
    const town = await h.login(h.tree.users.town);
    const m = await memberOf(h, h.tree.branchAId);
    const res = await town.post('/api/v1/transfers/internal', { memberId: m.id, toOrgId: h.tree.branchBId, reason: '搬迁' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'internal', status: 'done', memberName: m.name, toOrgId: h.tree.branchBId, canDecide: false });
    expect(await orgOf(m.id)).toBe(h.tree.branchBId);
    const hist = await h.database.db.selectFrom('member_history').selectAll().where('member_id', '=', m.id).where('action', '=', 'move').execute();
    expect(hist).toHaveLength(1);
    expect(hist[0]).toMatchObject({ from_org_id: h.tree.branchAId, to_org_id: h.tree.branchBId, reason: '搬迁' });
    expect((await audits('transfer.internal')).map((a) => a.entity_id)).toContain(res.json().id);
    const again = await town.post('/api/v1/transfers/internal', { memberId: m.id, toOrgId: h.tree.branchBId, reason: '再转' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('TRANSFER_SAME_ORG');
  });

  it('between branches: A requests, B sees it in its 转入 queue and accepts; the member moves only then', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const b = await h.login(h.tree.users.secretaryB);
    const m = await memberOf(h, h.tree.branchAId);
    const req = await a.post('/api/v1/transfers/internal', { memberId: m.id, toOrgId: h.tree.branchBId, reason: '婚嫁迁居' });
    expect(req.statusCode, req.body).toBe(201);
    const t = req.json();
    expect(t).toMatchObject({ status: 'pending', canDecide: false });
    expect(await orgOf(m.id)).toBe(h.tree.branchAId);
    expect((await a.post('/api/v1/transfers/internal', { memberId: m.id, toOrgId: h.tree.branchBId, reason: '重复' })).json().code).toBe('TRANSFER_ALREADY_PENDING');

    const queue = (await b.get('/api/v1/transfers?direction=in&queue=pending')).json();
    expect(queue.items.map((i: { id: string }) => i.id)).toContain(t.id);
    expect(queue.items.find((i: { id: string }) => i.id === t.id)).toMatchObject({ canDecide: true, memberName: m.name });
    // The sender cannot accept its own request.
    expect((await a.post(`/api/v1/transfers/${t.id}/accept`, {})).statusCode).toBe(403);
    expect((await b.get(`/api/v1/members/${m.id}`)).statusCode).toBe(404);

    const done = await b.post(`/api/v1/transfers/${t.id}/accept`, { note: '已报到' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', decisionNote: '已报到' });
    expect(await orgOf(m.id)).toBe(h.tree.branchBId);
    expect((await b.get(`/api/v1/members/${m.id}`)).statusCode).toBe(200);
    expect((await b.post(`/api/v1/transfers/${t.id}/accept`, {})).json().code).toBe('TRANSFER_NOT_PENDING');
    expect((await a.get(`/api/v1/transfers/${t.id}`)).json().status).toBe('done');
  });

  it('a rejected request leaves the member where it was', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const b = await h.login(h.tree.users.secretaryB);
    const bm = await memberOf(h, h.tree.branchBId);
    const t = (await b.post('/api/v1/transfers/internal', { memberId: bm.id, toOrgId: h.tree.branchAId, reason: '试' })).json();
    expect((await a.post(`/api/v1/transfers/${t.id}/reject`, { note: '未报到' })).json().status).toBe('rejected');
    expect(await orgOf(bm.id)).toBe(h.tree.branchBId);
  });

  it('an outgoing letter gets a sequential number, takes the member off the roster, then receipt and filing', async () => {
    let a = await h.login(h.tree.users.secretaryA);
    const [m1, m2] = [await memberOf(h, h.tree.branchAId), await memberOf(h, h.tree.branchAId)];
    const l1 = await a.post('/api/v1/transfers/letters', letterBody(m1.id));
    expect(l1.statusCode, l1.body).toBe(201);
    const year = new Date(h.clock()).getFullYear();
    expect(l1.json()).toMatchObject({ kind: 'out', status: 'issued', letterNo: `党介〔${year}〕第0001号`, validDays: 30, duesPaidTo: '2026-10', externalOrgName: '某市财政局机关党委' });
    const l2 = (await a.post('/api/v1/transfers/letters', letterBody(m2.id, { validDays: 10 }))).json();
    expect(l2.letterNo).toBe(`党介〔${year}〕第0002号`);
    const issued = l1.json().issuedOn as string;
    expect(new Date(l1.json().validUntil).getTime() - new Date(issued).getTime()).toBe(30 * DAY);

    // Off the active roster, into the history store with a snapshot.
    expect((await a.get(`/api/v1/members/${m1.id}`)).statusCode).toBe(404);
    const list = (await a.get(`/api/v1/members?orgId=${h.tree.branchAId}&limit=200`)).json();
    expect(JSON.stringify(list)).not.toContain(m1.name);
    const exits = (await a.get(`/api/v1/member-exits?q=${encodeURIComponent(m1.name)}`)).json();
    expect(exits.items[0]).toMatchObject({ kind: 'transfer_out', memberId: m1.id, transferId: l1.json().id, removes: true });

    // Queues: the 10-day letter is due within 7 days only later; after 11 days it has expired.
    expect((await a.get('/api/v1/transfers?queue=unfinished')).json().items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([l1.json().id, l2.id]));
    // Moving the clock ends the session (idle timeout): sign in again each time.
    h.clock.advance(5 * DAY);
    a = await h.login(h.tree.users.secretaryA);
    expect((await a.get('/api/v1/transfers?queue=expiring')).json().items.map((i: { id: string }) => i.id)).toContain(l2.id);
    h.clock.advance(6 * DAY);
    a = await h.login(h.tree.users.secretaryA);
    const expired = (await a.get('/api/v1/transfers?queue=expired')).json().items.map((i: { id: string }) => i.id);
    expect(expired).toContain(l2.id);
    expect(expired).not.toContain(l1.json().id);

    const early = await a.post(`/api/v1/transfers/${l1.json().id}/receipt`, { receiptOn: '2000-01-01' });
    expect(early.json().code).toBe('TRANSFER_RECEIPT_BEFORE_ISSUE');
    expect((await a.post(`/api/v1/transfers/${l1.json().id}/file`)).json().code).toBe('TRANSFER_LETTER_STATE');
    expect((await a.post(`/api/v1/transfers/${l1.json().id}/receipt`, { receiptOn: issued })).json().status).toBe('returned');
    expect((await a.post(`/api/v1/transfers/${l1.json().id}/file`)).json().status).toBe('filed');
    expect((await audits('transfer.letter.filed')).map((x) => x.entity_id)).toContain(l1.json().id);
    // The member row stays (attendance and history keep their references) but is hidden to the app role.
    const seen = await withScope(h.database.db, [h.tree.paths.branchA], (trx) => trx.selectFrom('members').select('id').where('id', '=', m1.id).execute());
    expect(seen).toEqual([]);
  });

  it('registers a letter from outside: creates the member in the branch; duplicates and bad input are refused', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const idNumber = freshIdNumber('19900101', false);
    const body = { letterNo: '外介〔2026〕第0088号', fromOrgName: '某县教育局机关党委', duesPaidTo: '2026-09', orgId: h.tree.branchAId, name: '转入者', idNumber, status: 'full', joinedOn: '2015-07-01', fullOn: '2016-07-01' };
    const res = await a.post('/api/v1/transfers/incoming', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'in', status: 'done', toOrgId: h.tree.branchAId, externalOrgName: '某县教育局机关党委' });
    const m = await h.database.db.selectFrom('members').selectAll().where('id', '=', res.json().memberId).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ org_id: h.tree.branchAId, gender: 'female', birth_date: '1990-01-01', name: '转入者' });
    const dup = await (await h.login(h.tree.users.secretaryB)).post('/api/v1/transfers/incoming', { ...body, orgId: h.tree.branchBId });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('MEMBER_ID_NUMBER_DUPLICATE');
    const bad = await a.post('/api/v1/transfers/incoming', { ...body, idNumber: '110105199001011234', duesPaidTo: '2026-13' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().details)).toContain('duesPaidTo');
  });
});
