import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { send } from '../grids/grid-test-helpers.ts';

const DAY = 86_400_000;

describeOnEngines('meetings', (h) => {
  let a: Agent;
  let town: Agent;
  const ago = (days: number) => new Date(h.clock().getTime() - days * DAY).toISOString();
  const create = (body: Record<string, unknown>) => a.post('/api/v1/meetings', { orgId: h.tree.branchAId, kind: 'branch_committee', title: '支委会', heldAt: ago(1), ...body });

  it('setup', async () => {
    a = await h.login(h.tree.users.secretaryA);
    town = await h.login(h.tree.users.town);
  });

  it('lists the built-in kinds and the templates; custom kinds apply to the org and below', async () => {
    const kinds = (await a.get(`/api/v1/meetings/kinds?orgId=${h.tree.branchAId}`)).json().items;
    expect(kinds.slice(0, 7).map((k: { code: string }) => k.code)).toEqual([
      'branch_congress', 'branch_committee', 'group_meeting', 'party_lesson', 'theme_day', 'life_meeting', 'democratic_review',
    ]);
    const made = await town.post('/api/v1/meetings/kinds', { orgId: h.tree.townId, label: '团拜会' });
    expect(made.statusCode).toBe(201);
    expect(made.json().code).toMatch(/^custom_\d+$/);
    expect((await town.post('/api/v1/meetings/kinds', { orgId: h.tree.townId, label: '团拜会' })).json().code).toBe('MEETING_KIND_LABEL_TAKEN');
    // The branch below sees the town's kind and may record one.
    const seen = (await a.get(`/api/v1/meetings/kinds?orgId=${h.tree.branchAId}`)).json().items;
    expect(seen.map((k: { label: string }) => k.label)).toContain('团拜会');
    const res = await create({ kind: made.json().code, title: '春节团拜会' });
    expect(res.statusCode).toBe(201);
    expect(res.json().kindLabel).toBe('团拜会');
    expect((await create({ kind: 'custom_999999999' })).json().code).toBe('MEETING_KIND_UNKNOWN');
    const tpl = (await a.get('/api/v1/meetings/templates')).json().items;
    expect(tpl.map((t: { code: string }) => t.code)).toEqual(['five_steps', 'five_plus_n']);
  });

  it('creates a meeting with attendance from the branch roster and marks, audited', async () => {
    const [m0, m1, m2] = await memberIds();
    const res = await create({
      kind: 'branch_congress', title: '第三季度党员大会', place: '村委会议室', host: '张书记', recorder: '李委员', templateCode: 'five_steps',
      attendance: [{ memberId: m1, status: 'absent', reason: '外出务工' }, { memberId: m2, status: 'leave', reason: '生病' }],
    });
    expect(res.statusCode).toBe(201);
    const d = res.json();
    expect(d.counts).toEqual({ due: 5, present: 3, absent: 1, leave: 1 });
    expect(d.topics).toContain('五、行');
    expect(d.attendance.find((x: { memberId: string }) => x.memberId === m1)).toMatchObject({ status: 'absent', reason: '外出务工' });
    expect(d.attendance.find((x: { memberId: string }) => x.memberId === m0).status).toBe('present');
    expect(d).toMatchObject({ locked: false, lateEntry: false, canEdit: true, canAmend: false, lockDays: 7 });
    const log = await h.database.db.selectFrom('audit_log').select(['action', 'after']).where('entity_type', '=', 'meeting').where('entity_id', '=', d.id).executeTakeFirstOrThrow();
    expect(log).toMatchObject({ action: 'meeting.create', after: { title: '第三季度党员大会', counts: { due: 5, present: 3 } } });
    // A member of branch B is not on A's roster; an absence needs a reason.
    const bMember = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchBId).executeTakeFirstOrThrow()).id;
    expect((await create({ attendance: [{ memberId: bMember, status: 'present' }] })).json().code).toBe('MEETING_ATTENDEE_INVALID');
    const noReason = await create({ attendance: [{ memberId: m1, status: 'absent' }] });
    expect(noReason.json()).toMatchObject({ code: 'MEETING_REASON_REQUIRED', details: { field: 'attendance.0.reason' } });
    expect((await create({ heldAt: new Date(h.clock().getTime() + 2 * DAY).toISOString(), status: 'held' })).json().code).toBe('MEETING_TIME_INVALID');
    expect((await create({ title: 'x'.repeat(201) })).json().code).toBe('VALIDATION_FAILED');
  });

  it('warns when fewer than half of the full members attend a 支部党员大会', async () => {
    const members = await h.database.db.selectFrom('members').select(['id', 'status']).where('org_id', '=', h.tree.branchAId).orderBy('id').execute();
    const full = members.filter((m) => m.status === 'full');
    const absent = full.slice(0, Math.floor(full.length / 2) + 1);
    const res = (await create({ kind: 'branch_congress', attendance: absent.map((m) => ({ memberId: m.id, status: 'absent', reason: '外出' })) })).json();
    expect(res.quorum).toEqual({ fullDue: full.length, fullPresent: full.length - absent.length, required: Math.ceil(full.length / 2), met: false });
    const ok = (await create({ kind: 'branch_congress' })).json();
    expect(ok.quorum.met).toBe(true);
    expect((await create({ kind: 'branch_committee' })).json().quorum).toBeNull();
  });

  it('lists the subtree with filters and counts', async () => {
    const list = (await town.get(`/api/v1/meetings?orgId=${h.tree.townId}&kind=branch_congress&pageSize=2`)).json();
    expect(list.total).toBe(3);
    expect(list.items).toHaveLength(2);
    expect(list.items[0].counts.due).toBe(5);
    const none = (await a.get(`/api/v1/meetings?orgId=${h.tree.branchAId}&from=2000-01-01&to=2000-12-31`)).json();
    expect(none.total).toBe(0);
    const xlsx = await town.get(`/api/v1/meetings/export?orgId=${h.tree.townId}&kind=branch_congress`);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(2 + 3);
    expect(String(ws.getRow(3).getCell(3).value)).toBe('支部党员大会');
    expect(Number(ws.getRow(3).getCell(8).value)).toBe(5);
    const roster = (await a.get(`/api/v1/meetings/roster?orgId=${h.tree.branchAId}&kind=branch_congress&date=2026-11-01`)).json();
    expect(roster.items).toHaveLength(5);
  });

  it('patches before the lock; refuses with 409 MEETING_LOCKED on day 8; only the secretary above amends', async () => {
    const [m0] = await memberIds();
    const id = (await create({ title: '锁定测试', heldAt: ago(0) })).json().id;
    const p = await send(h.app, a, 'PATCH', `/api/v1/meetings/${id}`, { place: '党员活动室', attendance: [{ memberId: m0, status: 'absent', reason: '出差' }] });
    expect(p.statusCode).toBe(200);
    expect(p.json()).toMatchObject({ place: '党员活动室', counts: { absent: 1 } });
    const upd = await h.database.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'meeting.update').where('entity_id', '=', id).executeTakeFirstOrThrow();
    expect(upd).toMatchObject({ before: { place: null }, after: { place: '党员活动室' } });
    expect((await town.post(`/api/v1/meetings/${id}/amendments`, { changes: { place: '礼堂' }, reason: '笔误更正' })).json().code).toBe('MEETING_NOT_LOCKED');

    h.clock.advance(7 * DAY + 60_000);
    // Sessions time out after 30 idle minutes: sign in again on day 8.
    a = await h.login(h.tree.users.secretaryA);
    town = await h.login(h.tree.users.town);
    const locked = await send(h.app, a, 'PATCH', `/api/v1/meetings/${id}`, { place: '补写' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('MEETING_LOCKED');
    expect((await send(h.app, a, 'DELETE', `/api/v1/meetings/${id}`)).json().code).toBe('MEETING_LOCKED');
    const detail = (await a.get(`/api/v1/meetings/${id}`)).json();
    expect(detail).toMatchObject({ locked: true, canEdit: false, canAmend: false, place: '党员活动室' });

    const own = await a.post(`/api/v1/meetings/${id}/amendments`, { changes: { place: '补写' }, reason: '自己改' });
    expect(own.statusCode).toBe(403);
    expect(own.json().code).toBe('MEETING_AMEND_FORBIDDEN');

    const am = await town.post(`/api/v1/meetings/${id}/amendments`, { changes: { place: '村部礼堂', attendance: [{ memberId: m0, status: 'present' }] }, reason: '核对签到表后更正' });
    expect(am.statusCode).toBe(201);
    const d = am.json();
    expect(d).toMatchObject({ place: '村部礼堂', counts: { absent: 0 }, amendmentCount: 1 });
    expect(d.amendments[0]).toMatchObject({ reason: '核对签到表后更正', changes: { place: { before: '党员活动室', after: '村部礼堂' } } });
    expect(d.amendments[0].changes.attendance.after[0]).toContain('出席');
    const row = await h.database.db.selectFrom('meeting_amendments').selectAll().where('meeting_id', '=', id).executeTakeFirstOrThrow();
    expect(row.reason).toBe('核对签到表后更正');
    expect(await h.database.db.selectFrom('audit_log').select('action').where('action', '=', 'meeting.amend').where('entity_id', '=', id).executeTakeFirst()).toBeTruthy();
    expect((await town.get(`/api/v1/meetings/${id}`)).json().canAmend).toBe(true);
  });

  it('a record entered after its lock date is locked at once and flagged 补录', async () => {
    const d = (await create({ title: '补录的会', heldAt: ago(30) })).json();
    expect(d).toMatchObject({ locked: true, lateEntry: true, canEdit: false });
  });

  it('lock days are data per locality (nearest setting wins)', async () => {
    const s = await send(h.app, town, 'PUT', '/api/v1/meetings/settings', { orgId: h.tree.townId, lockDays: 3 });
    expect(s.json()).toMatchObject({ lockDays: 3 });
    expect((await a.get(`/api/v1/meetings/settings?orgId=${h.tree.branchAId}`)).json()).toMatchObject({ lockDays: 3, inheritedFromOrgId: h.tree.townId });
    const d = (await create({ heldAt: ago(4) })).json();
    expect(d).toMatchObject({ locked: true, lockDays: 3 });
    await send(h.app, town, 'PUT', '/api/v1/meetings/settings', { orgId: h.tree.townId, lockDays: 7 });
  });

  it('uploads photos and attachments checked by their bytes, and serves them back', async () => {
    const id = (await create({ heldAt: ago(0) })).json().id;
    const up = (body: Buffer, type: string, q = '') => send(h.app, a, 'POST', `/api/v1/meetings/${id}/files${q}`, body, { 'content-type': type });
    const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(100, 7)]);
    const photo = await up(jpeg, 'image/jpeg', '?category=photo&name=%E4%BC%9A%E5%9C%BA.jpg');
    expect(photo.statusCode).toBe(201);
    expect(photo.json()).toMatchObject({ category: 'photo', name: '会场.jpg', mime: 'image/jpeg', size: 104 });
    const pdf = await up(Buffer.from('%PDF-1.7\n...'), 'application/pdf', '?name=minutes.pdf');
    expect(pdf.json().mime).toBe('application/pdf');
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('....word/document.xml....')]);
    const word = await up(docx, 'application/octet-stream', '?name=a.docx');
    expect(word.json().mime).toContain('wordprocessingml');
    expect((await up(Buffer.from('GIF89a\x01\x00'), 'image/gif', '?category=photo')).json().code).toBe('MEETING_FILE_TYPE_INVALID');
    expect((await up(Buffer.from('%PDF-1.7'), 'application/pdf', '?category=photo')).json().code).toBe('MEETING_FILE_TYPE_INVALID');
    const big = await up(Buffer.concat([jpeg, Buffer.alloc(10 * 1024 * 1024)]), 'image/jpeg');
    expect(big.statusCode).toBe(413);
    const got = await a.get(`/api/v1/meetings/${id}/files/${photo.json().id}`);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(got.rawPayload, jpeg)).toBe(0);
    expect((await a.get(`/api/v1/meetings/${id}`)).json().files).toHaveLength(3);
    const del = await send(h.app, a, 'DELETE', `/api/v1/meetings/${id}/files/${pdf.json().id}`);
    expect(del.statusCode).toBe(200);
    const fileIds = [photo.json().id, pdf.json().id, word.json().id];
    expect((await h.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'meeting_file').where('entity_id', 'in', fileIds).execute()).map((r) => r.action).sort())
      .toEqual(['meeting.file.delete', 'meeting.file.upload', 'meeting.file.upload', 'meeting.file.upload']);
  });

  it('the print view and the member’s own page', async () => {
    const id = (await create({ title: '打印测试', heldAt: ago(0) })).json().id;
    const p = (await a.get(`/api/v1/meetings/${id}/print`)).json();
    expect(p).toMatchObject({ title: '打印测试', orgFullName: expect.any(String), counts: { due: 5 } });
    const member = await h.login(h.tree.users.memberA);
    const mine = (await member.get('/api/v1/meetings/mine')).json();
    expect(mine.member).toBeTruthy();
    const rows = await h.database.db.selectFrom('meeting_attendance as x').innerJoin('meetings as m', 'm.id', 'x.meeting_id')
      .select(['x.status']).where('x.member_id', '=', mine.member.id).where('m.status', '=', 'held')
      .where('m.held_at', '>=', new Date(`${mine.year - 1}-12-31T16:00:00Z`)).execute();
    expect(mine.due).toBe(rows.length);
    expect(mine.attended).toBe(rows.filter((r) => r.status === 'present').length);
    expect(mine.missed + mine.attended + mine.leave).toBe(mine.due);
    // A member has no management scope: the records themselves stay closed.
    expect((await member.get(`/api/v1/meetings/${id}`)).statusCode).toBe(404);
  });

  async function memberIds(): Promise<string[]> {
    return (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchAId).orderBy('id').execute()).map((r) => r.id);
  }
});
