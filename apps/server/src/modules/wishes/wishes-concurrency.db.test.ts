import { beforeAll, expect, it } from 'vitest';
import { describeOnEngines } from '../../test/harness.ts';
import { branchRecords, setupWishes } from './wishes.test-helpers.ts';

describeOnEngines('wishes concurrency', (h) => {
  let s: Awaited<ReturnType<typeof setupWishes>>;
  beforeAll(async () => {
    s = await setupWishes(h);
  });

  it('10 parallel claims of one wish: exactly one succeeds, the others get WISH_ALREADY_CLAIMED', async () => {
    const w = await branchRecords(h, s.gridA);
    const members = (await h.database.db.selectFrom('members').select('id').where('org_id', '=', h.tree.branchAId).orderBy('id').execute()).map((m) => m.id);
    const sa = await h.login(h.tree.users.secretaryA);
    const ma = await h.login(h.tree.users.memberA);
    const claims = Array.from({ length: 10 }, (_, i) => (i % 3 === 0 ? ma.post(`/api/v1/wishes/${w.id}/claim`, {}) : sa.post(`/api/v1/wishes/${w.id}/claim`, { memberId: members[i % members.length] })));
    const res = await Promise.all(claims);
    const ok = res.filter((r) => r.statusCode === 200);
    expect(ok).toHaveLength(1);
    for (const r of res.filter((x) => x.statusCode !== 200)) {
      expect(r.statusCode, r.body).toBe(409);
      expect(r.json().code).toBe('WISH_ALREADY_CLAIMED');
    }
    const row = await h.database.db.selectFrom('wishes').select(['status', 'claimant_id']).where('id', '=', w.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'claimed', claimant_id: ok[0]!.json().claimantId });
    const events = await h.database.db.selectFrom('wish_events').select('kind').where('wish_id', '=', w.id).where('kind', '=', 'claimed').execute();
    expect(events).toHaveLength(1);
  });

  it('parallel resident confirmations award the points once', async () => {
    const w = await branchRecords(h, s.gridA);
    const sa = await h.login(h.tree.users.secretaryA);
    const ma = await h.login(h.tree.users.memberA);
    expect((await ma.post(`/api/v1/wishes/${w.id}/claim`, {})).statusCode).toBe(200);
    expect((await ma.post(`/api/v1/wishes/${w.id}/fulfil`, { note: '已上门送药到家。' })).statusCode).toBe(200);
    const res = await Promise.all(Array.from({ length: 5 }, () => sa.post(`/api/v1/wishes/${w.id}/confirm`, { satisfied: true })));
    expect(res.every((r) => r.statusCode === 200), res.map((r) => r.body.slice(0, 120)).join('\n')).toBe(true);
    const entries = await h.database.db.selectFrom('points_entries').select('delta').where('source_type', '=', 'wish').where('source_id', '=', w.id).execute();
    expect(entries).toEqual([{ delta: 3 }]);
  });
});
