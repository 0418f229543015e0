import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines } from '../../test/harness.ts';

describeOnEngines('study items', (h) => {
  let itemId = '';

  it('pushes an item; member reads count first read and person-times; reach over the subtree', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const res = await a.post('/api/v1/study-items', { orgId: h.tree.branchAId, title: '学习二十大报告', content: '# 要点\n…', link: 'https://www.12371.cn/', dueOn: '2026-12-31' });
    expect(res.statusCode).toBe(201);
    itemId = res.json().id;
    expect((await a.post('/api/v1/study-items', { orgId: h.tree.branchAId, title: 'x', link: 'javascript:alert(1)' })).statusCode).toBe(400);
    const m = await h.login(h.tree.users.memberA);
    expect((await m.get('/api/v1/study-items')).json().items.map((i: { id: string }) => i.id)).toContain(itemId);
    expect((await m.post(`/api/v1/study-items/${itemId}/read`)).json().myReadCount).toBe(1);
    const second = (await m.post(`/api/v1/study-items/${itemId}/read`)).json();
    expect(second.myReadCount).toBe(2);
    expect(second.myFirstReadAt).not.toBeNull();
    const stats = (await a.get(`/api/v1/study-items/${itemId}/stats`)).json();
    expect(stats.reach).toEqual({ readers: 1, members: 5, reachRate: 20, personTimes: 2 });
    expect((await m.get(`/api/v1/study-items/${itemId}/stats`)).statusCode).toBeGreaterThanOrEqual(403);
  });

  it('branch B can neither read, count nor push into A', async () => {
    const b = await h.login(h.tree.users.secretaryB);
    const reads = () => h.database.db.selectFrom('study_item_reads').selectAll().execute();
    const before = await reads();
    expect((await b.get('/api/v1/study-items')).json().items.map((i: { id: string }) => i.id)).not.toContain(itemId);
    expect([403, 404]).toContain((await b.post(`/api/v1/study-items/${itemId}/read`)).statusCode);
    expect([403, 404]).toContain((await b.get(`/api/v1/study-items/${itemId}/stats`)).statusCode);
    expect([403, 404]).toContain((await b.post('/api/v1/study-items', { orgId: h.tree.branchAId, title: '越权' })).statusCode);
    expect(await reads()).toEqual(before);
    const seen = await withScope(h.database.db, [h.tree.paths.branchB], async (trx) => [
      ...(await trx.selectFrom('study_items').select('id').execute()), ...(await trx.selectFrom('study_item_reads').select('item_id as id').execute()),
    ]);
    expect(seen).toEqual([]);
  });
});
