import { expect, it } from 'vitest';
import { withScope } from '@dangjian/db';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { images, send } from '../grids/grid-test-helpers.ts';

/**
 * The secretary of branch B must neither read nor change any site, upgrade project or photo of
 * sibling branch A or of the town above: 403/404, never the data, nothing changed.
 */
describeOnEngines('sites scope: sibling branch denied', (h) => {
  let b: Agent;
  const A = { site: '', photo: '', townSite: '', name: '' };

  async function snapshot() {
    const db = h.database.db;
    return {
      sites: await db.selectFrom('sites').selectAll().where('id', 'in', [A.site, A.townSite]).orderBy('id').execute(),
      upgrades: await db.selectFrom('site_upgrades').selectAll().where('site_id', '=', A.site).orderBy('id').execute(),
      photos: await db.selectFrom('site_photos').select(['id', 'size']).where('site_id', '=', A.site).orderBy('id').execute(),
    };
  }

  it('setup: A has a site with a project and a photo; the town has one too', async () => {
    const town = await h.login(h.tree.users.town);
    A.name = `甲村机密阵地${h.kind}`;
    const res = await town.post('/api/v1/sites', { orgId: h.tree.branchAId, name: A.name, kind: 'village_hq', buildingArea: 10, upgrades: [{ year: 2020, content: '改造' }] });
    A.site = res.json().id;
    A.photo = (await send(h.app, town, 'POST', `/api/v1/sites/${A.site}/photos`, images.png(), { 'content-type': 'image/png' })).json().id;
    A.townSite = (await town.post('/api/v1/sites', { orgId: h.tree.townId, name: '镇服务中心', kind: 'service_center' })).json().id;
    expect(A.photo).toBeTruthy();
    b = await h.login(h.tree.users.secretaryB);
  });

  it('every read is 404 without data; B sees only its own', async () => {
    for (const u of [
      `/api/v1/sites?orgId=${h.tree.branchAId}`, `/api/v1/sites?orgId=${h.tree.townId}`, `/api/v1/sites/${A.site}`, `/api/v1/sites/${A.townSite}`,
      `/api/v1/sites/${A.site}/photos/${A.photo}`, `/api/v1/sites/export?orgId=${h.tree.branchAId}`, `/api/v1/sites/export?orgId=${h.tree.townId}`,
    ]) {
      const res = await b.get(u);
      expect(res.statusCode, u).toBe(404);
      expect(res.body).not.toContain(A.name);
      expect(res.headers['content-type']).toContain('application/json');
    }
    const own = (await b.get(`/api/v1/sites?orgId=${h.tree.branchBId}`)).json();
    expect(own.totals.count).toBe(0);
  });

  it('every write is 403/404 and changes nothing', async () => {
    const before = await snapshot();
    const writes: [string, 'POST' | 'PATCH' | 'DELETE', string, unknown?, Record<string, string>?][] = [
      ['create in A', 'POST', '/api/v1/sites', { orgId: h.tree.branchAId, name: '乙建的', kind: 'other' }],
      ['create in town', 'POST', '/api/v1/sites', { orgId: h.tree.townId, name: '乙建的', kind: 'other' }],
      ['patch', 'PATCH', `/api/v1/sites/${A.site}`, { name: '改名', upgrades: [] }],
      ['patch town', 'PATCH', `/api/v1/sites/${A.townSite}`, { name: '改名' }],
      ['delete', 'DELETE', `/api/v1/sites/${A.site}`],
      ['delete town', 'DELETE', `/api/v1/sites/${A.townSite}`],
      ['upload photo', 'POST', `/api/v1/sites/${A.site}/photos`, images.jpeg(), { 'content-type': 'image/jpeg' }],
      ['delete photo', 'DELETE', `/api/v1/sites/${A.site}/photos/${A.photo}`],
    ];
    for (const [what, method, u, body, headers] of writes) {
      const res = await send(h.app, b, method, u, body, headers);
      expect([403, 404], what).toContain(res.statusCode);
      expect(res.body).not.toContain(A.name);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('row-level security hides A from queries with no filter', async () => {
    const seen = await withScope(h.database.db, [h.tree.paths.branchB], async (trx) => ({
      sites: await trx.selectFrom('sites').select('id').execute(),
      upgrades: await trx.selectFrom('site_upgrades').select('id').execute(),
      photos: await trx.selectFrom('site_photos').select('id').execute(),
      deleted: Number((await trx.deleteFrom('site_photos').executeTakeFirst()).numDeletedRows),
    }));
    expect(seen).toEqual({ sites: [], upgrades: [], photos: [], deleted: 0 });
    await expect(withScope(h.database.db, [h.tree.paths.branchB], (trx) =>
      trx.insertInto('site_upgrades').values({ site_id: A.site, year: 2020, content: '越权' }).execute())).rejects.toThrow(/row-level security/);
    expect((await snapshot()).photos).toHaveLength(1);
  });
});
