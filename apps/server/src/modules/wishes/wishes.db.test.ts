import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness.ts';
import { memberIdOf } from '../points/points.test-helpers.ts';
import { AUTO_RELEASE_NOTE, releaseOverdueWishes } from './wishes-lifecycle.ts';
import { branchRecords, expectNoPersonalData, JPEG, PNG, pub, randomPhone, residentPosts, setupWishes } from './wishes.test-helpers.ts';

describeOnEngines('wishes', (h) => {
  let s: Awaited<ReturnType<typeof setupWishes>>;
  beforeAll(async () => {
    s = await setupWishes(h);
  });

  it('the whole journey: code → post → photo → review → claim → fulfil → resident confirms → points once → the wall shows it', async () => {
    const c = pub(h);
    const w = await residentPosts(h, s, s.gridA, { content: '楼道灯坏了，有事请打 13912345678 联系我，身份证 110101199003070011。' });
    expect(w.status).toBe('pending');
    expect(w.token).toMatch(/^[A-Za-z0-9_-]{20,100}$/);

    // The resident's photo (magic bytes checked; a text file calling itself a JPEG is refused).
    const photo = await c.upload(`/wishes/${w.id}/photos`, PNG, { 'content-type': 'image/png', 'x-wish-token': w.token });
    expect(photo.statusCode, photo.body).toBe(201);
    const fake = await c.upload(`/wishes/${w.id}/photos`, Buffer.from('#!/bin/sh\necho hi'), { 'content-type': 'image/jpeg', 'x-wish-token': w.token });
    expect(fake.json().code).toBe('WISH_PHOTO_TYPE_INVALID');
    const stranger = await c.upload(`/wishes/${w.id}/photos`, PNG, { 'content-type': 'image/png', 'x-wish-token': 'x'.repeat(32) });
    expect(stranger.json().code).toBe('WISH_TOKEN_INVALID');

    // Pending wishes are not on the wall, nor their photos.
    expect((await c.get(`/wishes/${w.id}`)).statusCode).toBe(404);
    expect((await c.get(`/wish-photos/${photo.json().id}`)).statusCode).toBe(404);

    const sa = await h.login(h.tree.users.secretaryA);
    const listed = await sa.get(`/api/v1/wishes?orgId=${h.tree.branchAId}&status=pending`);
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.map((x: { id: string }) => x.id)).toContain(w.id);
    // Branch A's secretary sees the phone in full; the town's secretary sees it masked.
    expect(listed.json().items.find((x: { id: string }) => x.id === w.id).residentPhone).toBe(w.phone);
    const town = await h.login(h.tree.users.town);
    const townView = (await town.get(`/api/v1/wishes/${w.id}`)).json();
    expect(townView.residentPhone).toBe(`${w.phone.slice(0, 3)}****${w.phone.slice(7)}`);

    const reviewed = await sa.post(`/api/v1/wishes/${w.id}/review`, { accept: true });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    expect(reviewed.json().status).toBe('open');
    expect((await sa.post(`/api/v1/wishes/${w.id}/review`, { accept: true })).json().code).toBe('WISH_STATE');

    const member = await h.login(h.tree.users.memberA);
    const mine = (await member.get('/api/v1/wishes/mine')).json();
    expect(mine.isMember).toBe(true);
    expect(mine.available.map((x: { id: string }) => x.id)).toContain(w.id);
    const claimed = await member.post(`/api/v1/wishes/${w.id}/claim`, {});
    expect(claimed.statusCode, claimed.body).toBe(200);
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    expect(claimed.json()).toMatchObject({ status: 'claimed', claimantId: memberId });
    expect(new Date(claimed.json().claimDeadline).getTime() - new Date(claimed.json().claimedAt).getTime()).toBe(7 * 86_400_000);

    // Fulfil: the claimant's photo, then the note.
    const proof = await h.app.inject({
      method: 'POST', url: `/api/v1/wishes/${w.id}/photos?kind=fulfil`, payload: JPEG, remoteAddress: '127.0.0.1',
      headers: { cookie: member.cookie, 'x-csrf-token': member.csrf, 'content-type': 'image/jpeg' },
    });
    expect(proof.statusCode, proof.body).toBe(201);
    const done = await member.post(`/api/v1/wishes/${w.id}/fulfil`, { note: '已更换楼道灯泡两只，并检查了线路。' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'fulfilled', fulfilPhotoIds: [proof.json().id] });

    // The resident confirms with the token; a second confirmation awards nothing more.
    const bad = await c.post(`/wishes/${w.id}/confirm`, { token: 'y'.repeat(32), satisfied: true });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().code).toBe('WISH_TOKEN_INVALID');
    const ok = await c.post(`/wishes/${w.id}/confirm`, { token: w.token, satisfied: true });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('confirmed');
    expect((await c.post(`/wishes/${w.id}/confirm`, { token: w.token, satisfied: true })).statusCode).toBe(200);
    const entries = await h.database.db.selectFrom('points_entries').selectAll().where('source_type', '=', 'wish').where('source_id', '=', w.id).execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ member_id: memberId, rule_code: 'wish_fulfilled', kind: 'award', delta: 3 });
    expect((await sa.get(`/api/v1/wishes/${w.id}`)).json().pointsAwarded).toBe(3);

    // The wall of the grid and of the village show it confirmed, without personal data.
    for (const q of [`gridId=${s.gridA}`, `villageId=${h.tree.branchAId}`]) {
      const wall = await c.get(`/wishes?${q}`);
      expect(wall.statusCode, wall.body).toBe(200);
      const item = wall.json().items.find((x: { id: string }) => x.id === w.id);
      expect(item).toMatchObject({ status: 'confirmed', nickname: '王阿姨', photoIds: [photo.json().id], fulfilPhotoIds: [proof.json().id] });
      expect(item.content).toContain('139****5678');
      expect(wall.json().counts.confirmed).toBeGreaterThanOrEqual(1);
      expectNoPersonalData(wall.body);
    }
    const one = await c.get(`/wishes/${w.id}`);
    expect(one.json().claimantName).toBeTruthy();
    expectNoPersonalData(one.body);
    const img = await c.get(`/wish-photos/${photo.json().id}`);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');

    // The timeline and the audit log hold every step; resident steps carry no user and the name 'public'.
    const detail = (await sa.get(`/api/v1/wishes/${w.id}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['posted', 'reviewed', 'claimed', 'fulfilled', 'confirmed']);
    const audit = await h.database.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'actor_name']).where('entity_type', '=', 'wish')
      .where('entity_id', '=', w.id).orderBy('id').execute();
    expect(audit.map((a) => a.action)).toEqual(['wish.post', 'wish.photo.upload', 'wish.accept', 'wish.claim', 'wish.photo.upload', 'wish.fulfil', 'wish.confirm']);
    expect(audit[0]).toMatchObject({ actor_user_id: null, actor_name: 'public' });
  });

  it('public responses never carry a phone or an ID number', async () => {
    const c = pub(h);
    const w = await residentPosts(h, s, s.gridA, { title: '电话13800001111', content: '请拨打 13800001111，证件 11010119900307001X' });
    const mine = await c.post('/wishes/mine', { tokens: [{ id: w.id, token: w.token }, { id: w.id, token: 'z'.repeat(30) }] });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items).toHaveLength(1);
    expect(mine.json().tokens).toEqual([{ id: w.id, token: w.token }]);
    const code = await c.post('/wishes/code', { phone: w.phone });
    expect(code.statusCode, code.body).toBe(429); // within 60 s of the first code
    const answers = [mine, await c.get('/wish-grids'), await c.get(`/wish-grids?q=${encodeURIComponent('甲村')}`), await c.get(`/wishes?villageId=${h.tree.branchAId}`)];
    for (const r of answers) {
      expect(r.statusCode, r.body).toBe(200);
      expectNoPersonalData(r.body);
    }
    expect(answers[2]!.json().items.map((g: { id: string }) => g.id)).toEqual(expect.arrayContaining([s.gridA, s.gridA2]));
    // The wall needs a grid or a village, and names the field.
    const none = await c.get('/wishes');
    expect(none.statusCode).toBe(400);
    expect(none.json().details.fields[0].field).toBe('query.gridId');
  });

  it('the resident recovers the wishes with phone + code (new tokens), and disputes; the branch settles', async () => {
    const c = pub(h);
    const w = await residentPosts(h, s, s.gridA);
    h.clock.advance(61_000);
    expect((await c.post('/wishes/code', { phone: w.phone })).statusCode).toBe(200);
    const found = await c.post('/wishes/lookup', { phone: w.phone, code: s.sms.lastCode(w.phone) });
    expect(found.statusCode, found.body).toBe(200);
    const t = found.json().tokens.find((x: { id: string }) => x.id === w.id).token as string;
    expect(t).not.toBe(w.token);
    expectNoPersonalData(found.body);
    // The old token no longer works.
    expect((await c.post('/wishes/mine', { tokens: [{ id: w.id, token: w.token }] })).json().items).toHaveLength(0);

    const sa = await h.login(h.tree.users.secretaryA);
    await sa.post(`/api/v1/wishes/${w.id}/review`, { accept: true });
    const memberId = await memberIdOf(h, h.tree.users.memberA);
    expect((await sa.post(`/api/v1/wishes/${w.id}/claim`, { memberId })).statusCode).toBe(200);
    expect((await sa.post(`/api/v1/wishes/${w.id}/fulfil`, { note: '已联系维修师傅上门。' })).statusCode).toBe(200);
    const disputed = await c.post(`/wishes/${w.id}/confirm`, { token: t, satisfied: false, comment: '灯还是不亮' });
    expect(disputed.json()).toMatchObject({ status: 'disputed', disputeComment: '灯还是不亮' });
    expect((await c.post(`/wishes/${w.id}/confirm`, { token: t, satisfied: false })).statusCode).toBe(400); // a dispute needs a reason
    // The branch records the resident's later satisfaction: points once; reopening reverses them.
    const confirmed = await sa.post(`/api/v1/wishes/${w.id}/confirm`, { satisfied: true });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', pointsAwarded: 3 });
    const reopened = await sa.post(`/api/v1/wishes/${w.id}/reopen`, { reason: '确认登记有误' });
    expect(reopened.json()).toMatchObject({ status: 'open', claimantId: null, pointsAwarded: null });
    const ledger = await h.database.db.selectFrom('points_entries').select(['kind', 'delta']).where('source_id', '=', w.id).orderBy('id').execute();
    expect(ledger).toEqual([{ kind: 'award', delta: 3 }, { kind: 'reversal', delta: -3 }]);
  });

  it('review rejects with a reason; merge folds a duplicate into a live wish of the same branch', async () => {
    const sa = await h.login(h.tree.users.secretaryA);
    const r = await residentPosts(h, s, s.gridA);
    expect((await sa.post(`/api/v1/wishes/${r.id}/review`, { accept: false })).statusCode).toBe(400);
    const rejected = await sa.post(`/api/v1/wishes/${r.id}/review`, { accept: false, reason: '不属于本网格' });
    expect(rejected.json()).toMatchObject({ status: 'rejected', rejectReason: '不属于本网格' });
    const mine = await pub(h).post('/wishes/mine', { tokens: [{ id: r.id, token: r.token }] });
    expect(mine.json().items[0]).toMatchObject({ status: 'rejected', rejectReason: '不属于本网格' });

    const a = await residentPosts(h, s, s.gridA);
    const b = await branchRecords(h, s.gridA);
    const other = await branchRecords(h, s.gridA2, h.tree.users.secretaryA, '小组的心愿');
    expect((await sa.post(`/api/v1/wishes/${a.id}/merge`, { intoId: a.id })).json().code).toBe('WISH_MERGE_INVALID');
    expect((await sa.post(`/api/v1/wishes/${a.id}/merge`, { intoId: r.id })).json().code).toBe('WISH_MERGE_INVALID'); // rejected target
    expect((await sa.post(`/api/v1/wishes/${a.id}/merge`, { intoId: other.id })).json().code).toBe('WISH_MERGE_INVALID'); // another org
    expect(other.orgId).toBe(h.tree.groupAId);
    const merged = await sa.post(`/api/v1/wishes/${a.id}/merge`, { intoId: b.id, reason: '同一件事' });
    expect(merged.json()).toMatchObject({ status: 'merged', mergedInto: b.id });
    const target = (await sa.get(`/api/v1/wishes/${b.id}`)).json();
    expect(target.events.at(-1)).toMatchObject({ kind: 'merged' });
    // Merged and rejected wishes stay off the wall.
    const wall = (await pub(h).get(`/wishes?gridId=${s.gridA}&pageSize=100`)).json();
    const ids = wall.items.map((x: { id: string }) => x.id);
    expect(ids).not.toContain(a.id);
    expect(ids).not.toContain(r.id);
    expect(ids).toContain(b.id);
  });

  it('the list filters, counts and exports; close needs a reason', async () => {
    const sa = await h.login(h.tree.users.secretaryA);
    const w = await branchRecords(h, s.gridA, h.tree.users.secretaryA, '独特标题甲乙丙');
    const list = (await sa.get(`/api/v1/wishes?orgId=${h.tree.branchAId}&q=${encodeURIComponent('独特标题')}`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([w.id]);
    expect(list.counts).toEqual({ open: 1 });
    expect((await sa.post(`/api/v1/wishes/${w.id}/close`, { reason: '' })).statusCode).toBe(400);
    expect((await sa.post(`/api/v1/wishes/${w.id}/close`, { reason: '群众已自行解决' })).json().status).toBe('closed');
    const xlsx = await sa.get(`/api/v1/wishes/export?orgId=${h.tree.branchAId}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const titles = wb.worksheets[0]!.getColumn(6).values.map(String);
    expect(titles).toContain('独特标题甲乙丙');
  });

  it('a claim not fulfilled by its deadline goes back to open (moved clock), with an event', async () => {
    const w = await branchRecords(h, s.gridA);
    const member = await h.login(h.tree.users.memberA);
    expect((await member.post(`/api/v1/wishes/${w.id}/claim`, {})).statusCode).toBe(200);
    h.clock.advance(6 * 86_400_000);
    const sa6 = await h.login(h.tree.users.secretaryA);
    expect((await sa6.get(`/api/v1/wishes/${w.id}`)).json().status).toBe('claimed');
    h.clock.advance(1 * 86_400_000 + 60_000);
    const sa = await h.login(h.tree.users.secretaryA);
    const after = (await sa.get(`/api/v1/wishes/${w.id}`)).json();
    expect(after).toMatchObject({ status: 'open', claimantId: null });
    expect(after.events.at(-1)).toMatchObject({ kind: 'released', note: AUTO_RELEASE_NOTE, actorName: null });
    // Someone else may claim it now.
    const memberId = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchAId).orderBy('id', 'desc').executeTakeFirstOrThrow()).id;
    expect((await sa.post(`/api/v1/wishes/${w.id}/claim`, { memberId })).json()).toMatchObject({ status: 'claimed', claimantId: memberId });
    // The maintenance job releases overdue claims too (owner role, no request needed), and clears old codes.
    h.clock.advance(8 * 86_400_000);
    expect(await releaseOverdueWishes(h.database.db, h.clock())).toBeGreaterThanOrEqual(1);
    expect((await h.database.db.selectFrom('wishes').select('status').where('id', '=', w.id).executeTakeFirstOrThrow()).status).toBe('open');
    expect(await h.database.db.selectFrom('wish_codes').select('id').where('created_at', '<', new Date(h.clock().getTime() - 86_400_000)).execute()).toHaveLength(0);
  });

  it('a phone number typed into the wish is masked on the wall but kept for the branch', async () => {
    const phone = randomPhone();
    const w = await residentPosts(h, s, s.gridA, { content: `有事请联系 ${phone} 谢谢` });
    const sa = await h.login(h.tree.users.secretaryA);
    await sa.post(`/api/v1/wishes/${w.id}/review`, { accept: true });
    expect((await sa.get(`/api/v1/wishes/${w.id}`)).json().content).toContain(phone);
    const one = await pub(h).get(`/wishes/${w.id}`);
    expectNoPersonalData(one.body);
  });
});
