import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';
import { memberBody, patch } from './members.test-helpers.ts';

describeOnEngines('members denial', (h) => {
  /** Everything a sibling could change about branch A's members, to compare before and after. */
  const snapshotA = async () => ({
    members: await h.database.db.selectFrom('members').selectAll().where('org_id', '=', h.tree.branchAId).orderBy('id').execute(),
    history: await h.database.db.selectFrom('member_history').select(['id', 'member_id']).orderBy('id').execute(),
    audit: (await h.database.db.selectFrom('audit_log').select('id').where('action', 'like', 'member.%').execute()).length,
  });

  it('the secretary of branch B can neither read nor change a member of sibling branch A', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const target = (await a.post('/api/v1/members', memberBody(h.tree.branchAId, { name: '甲村党员' }))).json();
    const b = await h.login(h.tree.users.secretaryB);
    const bMember = await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchBId).executeTakeFirstOrThrow();
    const before = await snapshotA();

    const answers = [
      await b.get(`/api/v1/members/${target.id}`),
      await patch(h, b, `/api/v1/members/${target.id}`, { remarks: '乙村改的' }),
      await b.post(`/api/v1/members/${target.id}/move`, { toOrgId: h.tree.branchBId, reason: '拉走' }),
      await b.post(`/api/v1/members/${bMember.id}/move`, { toOrgId: h.tree.branchAId, reason: '塞进甲村' }),
      await b.get(`/api/v1/members/${target.id}/history`),
      await b.post(`/api/v1/members/${target.id}/reveal`, { field: 'idNumber' }),
      await b.post('/api/v1/members', memberBody(h.tree.branchAId)),
      await b.get(`/api/v1/members?orgId=${h.tree.branchAId}`),
    ];
    for (const res of answers) {
      expect([403, 404], res.body).toContain(res.statusCode);
      expect(res.body).not.toContain('甲村党员');
      expect(res.body).not.toContain(target.idNumberMasked);
    }
    expect(await snapshotA()).toEqual(before);
    const still = await h.database.db.selectFrom('members').select('org_id').where('id', '=', bMember.id).executeTakeFirstOrThrow();
    expect(still.org_id).toBe(h.tree.branchBId);
  });

  it('row-level security: an unfiltered query on member_history in B\'s scope returns nothing of A', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const created = (await a.post('/api/v1/members', memberBody(h.tree.branchAId))).json();
    const all = await withScope(h.database.db, [h.tree.paths.branchB], (trx) => trx.selectFrom('member_history').select('member_id').execute());
    expect(all.map((r) => r.member_id)).not.toContain(created.id);
    const aSees = await withScope(h.database.db, [h.tree.paths.branchA], (trx) => trx.selectFrom('member_history').select('member_id').execute());
    expect(aSees.map((r) => r.member_id)).toContain(created.id);
    // Nor can B's scope write history for A's member, or rewrite any history row.
    await expect(withScope(h.database.db, [h.tree.paths.branchB], (trx) =>
      trx.insertInto('member_history').values({ member_id: created.id, action: 'update', changes: '{}', actor_user_id: null, actor_name: 'x', from_org_id: null, to_org_id: null, reason: null }).execute(),
    )).rejects.toThrow();
    await expect(withScope(h.database.db, [h.tree.paths.branchA], (trx) =>
      trx.deleteFrom('member_history').where('member_id', '=', created.id).execute(),
    )).rejects.toThrow();
  });
});
