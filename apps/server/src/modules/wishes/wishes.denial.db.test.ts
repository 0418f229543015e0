import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { createUser } from '@dangjian/db/fixtures';
import { describeOnEngines } from '../../test/harness.ts';
import { branchRecords, PNG, residentPosts, setupWishes } from './wishes.test-helpers.ts';

describeOnEngines('wishes denial', (h) => {
  let s: Awaited<ReturnType<typeof setupWishes>>;
  let memberB: string;
  beforeAll(async () => {
    s = await setupWishes(h);
    // A member account in branch B.
    const m = await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchBId).orderBy('id').executeTakeFirstOrThrow();
    memberB = `wish-member-b-${h.tree.rootId}`;
    await createUser(h.database.db, { username: memberB, displayName: '乙村党员', password: h.tree.password, roles: [{ role: 'member', orgId: h.tree.branchBId }], mustChangePassword: false, memberId: m.id });
  });

  it('the secretary of branch B can neither list, see, review, merge, claim nor change branch A\'s wishes', async () => {
    const open = await branchRecords(h, s.gridA, h.tree.users.secretaryA, '甲村机密心愿');
    const pending = await residentPosts(h, s, s.gridA, { title: '甲村待审心愿' });
    const sa = await h.login(h.tree.users.secretaryA);
    const claimed = await branchRecords(h, s.gridA, h.tree.users.secretaryA, '甲村已认领心愿');
    const memberA = (await h.database.db.selectFrom('users').select('member_id').where('username', '=', h.tree.users.memberA).executeTakeFirstOrThrow()).member_id!;
    expect((await sa.post(`/api/v1/wishes/${claimed.id}/claim`, { memberId: memberA })).statusCode).toBe(200);
    const photo = await h.app.inject({
      method: 'POST', url: `/api/v1/wishes/${claimed.id}/photos?kind=fulfil`, payload: PNG, remoteAddress: '127.0.0.1',
      headers: { cookie: sa.cookie, 'x-csrf-token': sa.csrf, 'content-type': 'image/png' },
    });
    expect(photo.statusCode, photo.body).toBe(201);
    const bMember = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchBId).orderBy('id').executeTakeFirstOrThrow()).id;

    const snapshot = async () => ({
      wishes: await h.database.db.selectFrom('wishes').selectAll().orderBy('id').execute(),
      events: await h.database.db.selectFrom('wish_events').select(['id', 'kind']).orderBy('id').execute(),
      photos: await h.database.db.selectFrom('wish_photos').select('id').orderBy('id').execute(),
    });
    const before = await snapshot();
    const b = await h.login(h.tree.users.secretaryB);
    const A = h.tree.branchAId;
    const answers = [
      await b.get(`/api/v1/wishes?orgId=${A}`),
      await b.get(`/api/v1/wishes/export?orgId=${A}`),
      await b.get(`/api/v1/wishes/${open.id}`),
      await b.get(`/api/v1/wishes/${claimed.id}/photos/${photo.json().id}`),
      await b.post(`/api/v1/wishes/${pending.id}/review`, { accept: true }),
      await b.post(`/api/v1/wishes/${pending.id}/merge`, { intoId: open.id }),
      await b.post(`/api/v1/wishes/${open.id}/claim`, { memberId: bMember }),
      await b.post(`/api/v1/wishes/${open.id}/claim`, {}),
      await b.post(`/api/v1/wishes/${claimed.id}/release`, { reason: '乙村释放' }),
      await b.post(`/api/v1/wishes/${claimed.id}/fulfil`, { note: '乙村代为完成了。' }),
      await b.post(`/api/v1/wishes/${claimed.id}/confirm`, { satisfied: true }),
      await b.post(`/api/v1/wishes/${open.id}/close`, { reason: '乙村关闭' }),
      await b.post(`/api/v1/wishes/${open.id}/reopen`, { reason: '乙村重开' }),
      await b.post('/api/v1/wishes', { gridId: s.gridA, category: 'other', title: '乙村写入甲村', content: '乙村书记替甲村登记心愿。' }),
      await h.app.inject({
        method: 'POST', url: `/api/v1/wishes/${claimed.id}/photos?kind=fulfil`, payload: PNG, remoteAddress: '127.0.0.1',
        headers: { cookie: b.cookie, 'x-csrf-token': b.csrf, 'content-type': 'image/png' },
      }),
    ];
    for (const res of answers) {
      expect([403, 404], `${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
      expect(res.body).not.toContain('甲村机密心愿');
    }
    // B's own list does not carry A's wishes.
    const own = await b.get(`/api/v1/wishes?orgId=${h.tree.branchBId}&pageSize=100`);
    expect(own.statusCode).toBe(200);
    expect(own.body).not.toContain('甲村');
    expect(await snapshot()).toEqual(before);

    // A member of branch B cannot claim A's wish; member A cannot claim B's.
    const mb = await h.login(memberB);
    expect((await mb.post(`/api/v1/wishes/${open.id}/claim`, {})).statusCode).toBe(404);
    expect((await mb.get('/api/v1/wishes/mine')).body).not.toContain('甲村机密心愿');
    const wishB = await branchRecords(h, s.gridB, h.tree.users.secretaryB, '乙村心愿');
    const ma = await h.login(h.tree.users.memberA);
    expect((await ma.post(`/api/v1/wishes/${wishB.id}/claim`, {})).statusCode).toBe(404);
    // Secretary A cannot name a member of branch B as claimant.
    expect([404, 409]).toContain((await sa.post(`/api/v1/wishes/${open.id}/claim`, { memberId: bMember })).statusCode);
    // A plain member cannot review, close, or name another claimant; nor fulfil a wish someone else claimed.
    expect((await ma.post(`/api/v1/wishes/${pending.id}/review`, { accept: true })).statusCode).toBe(404);
    expect((await ma.post(`/api/v1/wishes/${open.id}/close`, { reason: '党员关闭' })).statusCode).toBe(404);
    const other = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', A).where('id', '!=', memberA).executeTakeFirstOrThrow()).id;
    expect((await ma.post(`/api/v1/wishes/${open.id}/claim`, { memberId: other })).json().code).toBe('WISH_NOT_CLAIMANT');
    expect((await sa.post(`/api/v1/wishes/${open.id}/claim`, { memberId: other })).statusCode).toBe(200);
    expect((await ma.post(`/api/v1/wishes/${open.id}/fulfil`, { note: '不是我认领的也想完成。' })).json().code).toBe('WISH_NOT_CLAIMANT');
    // A resident account has no console access to wishes.
    const r = await h.login(h.tree.users.resident);
    expect((await r.get(`/api/v1/wishes?orgId=${A}`)).statusCode).toBe(404);
    expect((await r.get(`/api/v1/wishes/${open.id}`)).statusCode).toBe(404);
  });

  it('row-level security: unfiltered queries on wish tables in B\'s scope return nothing of A', async () => {
    const w = await residentPosts(h, s, s.gridA, { title: '甲村行级安全' });
    await h.app.inject({ method: 'POST', url: `/api/v1/public/wishes/${w.id}/photos`, payload: PNG, headers: { 'content-type': 'image/png', 'x-wish-token': w.token } });
    const scopeB = [h.tree.paths.branchB];
    const seen = await withScope(h.database.db, scopeB, async (trx) => ({
      wishes: await trx.selectFrom('wishes').select(['id', 'org_id', 'village_id']).execute(),
      photos: await trx.selectFrom('wish_photos').select('wish_id').execute(),
      events: await trx.selectFrom('wish_events').select('wish_id').execute(),
    }));
    // The rows exist (the owner sees them), but B's scope sees none of them.
    expect(await h.database.db.selectFrom('wish_photos').select('id').where('wish_id', '=', w.id).execute()).toHaveLength(1);
    expect(seen.wishes.map((x) => x.id)).not.toContain(w.id);
    expect(seen.wishes.every((x) => x.village_id !== h.tree.branchAId && x.org_id !== h.tree.branchAId && x.org_id !== h.tree.groupAId)).toBe(true);
    expect([...seen.photos, ...seen.events].map((x) => x.wish_id)).not.toContain(w.id);
    // A's scope does see it (the policy is not simply closed).
    const inA = await withScope(h.database.db, [h.tree.paths.branchA], (trx) => trx.selectFrom('wishes').select('id').where('id', '=', w.id).execute());
    expect(inA).toHaveLength(1);
    // B's scope cannot write A's wishes nor read the codes at all.
    const upd = await withScope(h.database.db, scopeB, (trx) => trx.updateTable('wishes').set({ status: 'closed' }).where('id', '=', w.id).executeTakeFirst());
    expect(Number(upd.numUpdatedRows)).toBe(0);
    await expect(withScope(h.database.db, scopeB, (trx) => trx.insertInto('wishes').values({
      org_id: h.tree.branchAId, village_id: h.tree.branchAId, grid_id: s.gridA, category: 'other', title: '乙村伪造', content: '乙村伪造的心愿内容', status: 'open',
    }).execute())).rejects.toThrow();
    await expect(withScope(h.database.db, [h.tree.paths.root], (trx) => trx.selectFrom('wish_codes').select('id').execute())).rejects.toThrow();
  });

  it('row-level security: a scope below the village (a 网格党支部) writes and reads its wish\'s events and photos', async () => {
    // The wish belongs to group A (as a grid branch) in the village of branch A; the scope holds group A only,
    // so the village (an ancestor) is invisible to it. Found by the load test: events were refused.
    const [wish] = await h.database.db.insertInto('wishes').values({
      org_id: h.tree.groupAId, village_id: h.tree.branchAId, grid_id: s.gridA, category: 'other', title: '网格心愿', content: '网格党支部认领的心愿', status: 'open',
    }).returning('id').execute();
    const g = await sql<{ path: string }>`SELECT path::text AS path FROM orgs WHERE id = ${h.tree.groupAId}`.execute(h.database.db);
    const scopeGroup = [g.rows[0]!.path];
    const seen = await withScope(h.database.db, scopeGroup, async (trx) => {
      await trx.insertInto('wish_events').values({ wish_id: wish!.id, kind: 'claimed', actor: null, note: '网格党员认领' }).execute();
      return trx.selectFrom('wish_events').select('wish_id').where('wish_id', '=', wish!.id).execute();
    });
    expect(seen).toHaveLength(1);
    // Branch B's scope still sees nothing of it.
    const inB = await withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.selectFrom('wish_events').select('wish_id').where('wish_id', '=', wish!.id).execute());
    expect(inB).toHaveLength(0);
  });
});
