import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { send } from '../grids/grid-test-helpers.ts';

const DAY = 86_400_000;

/**
 * The secretary of branch B must neither read nor change any meeting of sibling branch A:
 * list, get, print, patch, attendance, delete, upload, download, amend → 403/404, never the
 * data, and nothing changed. Row-level security hides A's rows from an unfiltered query.
 */
describeOnEngines('meetings scope: sibling branch denied', (h) => {
  let b: Agent;
  const A = { meeting: '', locked: '', file: '', title: '', member: '', kind: '' };

  async function snapshot() {
    const db = h.database.db;
    const ids = [A.meeting, A.locked];
    return {
      meetings: await db.selectFrom('meetings').selectAll().where('id', 'in', ids).orderBy('id').execute(),
      attendance: await db.selectFrom('meeting_attendance').selectAll().where('meeting_id', 'in', ids).orderBy('meeting_id').orderBy('member_id').execute(),
      files: await db.selectFrom('meeting_files').select(['id', 'size']).where('meeting_id', 'in', ids).orderBy('id').execute(),
      amendments: await db.selectFrom('meeting_amendments').select('id').where('meeting_id', 'in', ids).execute(),
      kinds: await db.selectFrom('meeting_kinds').select('code').where('org_id', 'is not', null).execute(),
    };
  }

  it('setup: A has an open meeting with a file, a locked meeting and a custom kind', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    A.title = `甲村机密支委会${h.kind}`;
    A.kind = (await a.post('/api/v1/meetings/kinds', { orgId: h.tree.branchAId, label: '甲村专题会' })).json().code;
    const now = h.clock().getTime();
    A.meeting = (await a.post('/api/v1/meetings', { orgId: h.tree.branchAId, kind: 'branch_committee', title: A.title, heldAt: new Date(now - DAY).toISOString(), minutes: '机密纪要' })).json().id;
    A.locked = (await a.post('/api/v1/meetings', { orgId: h.tree.branchAId, kind: 'branch_congress', title: A.title, heldAt: new Date(now - 20 * DAY).toISOString() })).json().id;
    A.file = (await send(h.app, a, 'POST', `/api/v1/meetings/${A.meeting}/files?name=x.pdf`, Buffer.from('%PDF-1.4 secret'), { 'content-type': 'application/pdf' })).json().id;
    A.member = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchAId).executeTakeFirstOrThrow()).id;
    expect(A.file && A.locked && A.meeting && A.kind).toBeTruthy();
    b = await h.login(h.tree.users.secretaryB);
  });

  it('every read is 404 without data; B sees only its own', async () => {
    for (const u of [
      `/api/v1/meetings?orgId=${h.tree.branchAId}`, `/api/v1/meetings?orgId=${h.tree.townId}`, `/api/v1/meetings/${A.meeting}`,
      `/api/v1/meetings/${A.meeting}/print`, `/api/v1/meetings/${A.meeting}/files/${A.file}`, `/api/v1/meetings/kinds?orgId=${h.tree.branchAId}`,
      `/api/v1/meetings/settings?orgId=${h.tree.branchAId}`, `/api/v1/meetings/export?orgId=${h.tree.branchAId}`, `/api/v1/meetings/export?orgId=${h.tree.townId}`, `/api/v1/meetings/roster?orgId=${h.tree.branchAId}&kind=branch_congress&date=2026-01-01`,
    ]) {
      const res = await b.get(u);
      expect(res.statusCode, u).toBe(404);
      expect(res.body).not.toContain(A.title);
      expect(res.body).not.toContain('secret');
    }
    expect((await b.get(`/api/v1/meetings?orgId=${h.tree.branchBId}`)).json().total).toBe(0);
    const kinds = (await b.get(`/api/v1/meetings/kinds?orgId=${h.tree.branchBId}`)).json().items;
    expect(kinds.map((k: { code: string }) => k.code)).not.toContain(A.kind);
  });

  it('every write is 403/404 and changes nothing', async () => {
    const before = await snapshot();
    const writes: [string, 'POST' | 'PATCH' | 'DELETE' | 'PUT', string, unknown?, Record<string, string>?][] = [
      ['create in A', 'POST', '/api/v1/meetings', { orgId: h.tree.branchAId, kind: 'branch_committee', title: '乙建的', heldAt: h.clock().toISOString() }],
      ['create with A member', 'POST', '/api/v1/meetings', { orgId: h.tree.branchBId, kind: 'branch_committee', title: '乙建的', heldAt: h.clock().toISOString(), attendance: [{ memberId: A.member, status: 'present' }] }],
      ['create with A kind', 'POST', '/api/v1/meetings', { orgId: h.tree.branchBId, kind: A.kind, title: '乙建的', heldAt: h.clock().toISOString() }],
      ['patch', 'PATCH', `/api/v1/meetings/${A.meeting}`, { title: '改名' }],
      ['attendance', 'PATCH', `/api/v1/meetings/${A.meeting}`, { attendance: [{ memberId: A.member, status: 'absent', reason: '乙改' }] }],
      ['delete', 'DELETE', `/api/v1/meetings/${A.meeting}`],
      ['upload', 'POST', `/api/v1/meetings/${A.meeting}/files`, Buffer.from('%PDF-1.4 x'), { 'content-type': 'application/pdf' }],
      ['delete file', 'DELETE', `/api/v1/meetings/${A.meeting}/files/${A.file}`],
      ['amend', 'POST', `/api/v1/meetings/${A.locked}/amendments`, { changes: { title: '乙改' }, reason: '越权更正' }],
      ['kind in A', 'POST', '/api/v1/meetings/kinds', { orgId: h.tree.branchAId, label: '乙建类型' }],
      ['settings of A', 'PUT', '/api/v1/meetings/settings', { orgId: h.tree.branchAId, lockDays: 365 }],
    ];
    for (const [what, method, u, body, headers] of writes) {
      const res = await send(h.app, b, method, u, body, headers);
      expect([400, 403, 404], what).toContain(res.statusCode);
      expect(res.body).not.toContain(A.title);
    }
    expect(await snapshot()).toEqual(before);
    expect(await h.database.db.selectFrom('meetings').select('id').where('title', '=', '乙建的').execute()).toEqual([]);
  });

  it('row-level security hides A from queries with no filter', async () => {
    const seen = await withScope(h.database.db, [h.tree.paths.branchB], async (trx) => ({
      meetings: await trx.selectFrom('meetings').select('id').execute(),
      attendance: await trx.selectFrom('meeting_attendance').select('meeting_id').execute(),
      files: await trx.selectFrom('meeting_files').select('id').execute(),
      amendments: await trx.selectFrom('meeting_amendments').select('id').execute(),
      customKinds: await trx.selectFrom('meeting_kinds').select('code').where('org_id', 'is not', null).execute(),
      settings: await trx.selectFrom('meeting_settings').select('org_id').execute(),
      deleted: Number((await trx.deleteFrom('meeting_files').executeTakeFirst()).numDeletedRows),
    }));
    expect(seen).toEqual({ meetings: [], attendance: [], files: [], amendments: [], customKinds: [], settings: [], deleted: 0 });
    // Built-in kinds and templates stay visible to everyone.
    const builtins = await withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.selectFrom('meeting_kinds').select('code').where('builtin', '=', true).execute());
    expect(builtins).toHaveLength(7);
    await expect(withScope(h.database.db, [h.tree.paths.branchB], (trx) =>
      trx.insertInto('meeting_amendments').values({ meeting_id: A.locked, changes: '{}', reason: '越权' }).execute())).rejects.toThrow(/row-level security/);
    await expect(withScope(h.database.db, [h.tree.paths.branchB], (trx) =>
      trx.insertInto('meeting_kinds').values({ org_id: h.tree.branchAId, code: 'custom_x', label: '越权' }).execute())).rejects.toThrow(/row-level security/);
    // The town (above A) sees A's kind; B's scope (a sibling) does not.
    const town = await withScope(h.database.db, [h.tree.paths.town], (trx) => trx.selectFrom('meeting_kinds').select('code').where('code', '=', A.kind).execute());
    expect(town).toHaveLength(1);
    expect((await snapshot()).files).toHaveLength(1);
  });
});
