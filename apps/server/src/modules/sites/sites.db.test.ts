import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { images, send } from '../grids/grid-test-helpers.ts';

describeOnEngines('sites', (h) => {
  let a: Agent;
  let siteId: string;
  const url = (p = '') => `/api/v1/sites${p}`;
  const base = { kind: 'village_hq', address: '平昌关镇郝堂村', lng: 114.07, lat: 32.12, buildingArea: 420.5, propertyRights: 'owned', yearBuilt: 2015, yearUpgraded: 2021, investment: 850000 };

  it('setup', async () => {
    a = await h.login(h.tree.users.secretaryA);
  });

  it('creates a site with facilities and upgrade projects, and audits it', async () => {
    const res = await a.post(url(), {
      orgId: h.tree.branchAId, name: '甲村党群服务中心', ...base, facilities: ['便民服务大厅', '阅览室', '阅览室'],
      upgrades: [{ year: 2021, content: '新建儿童乐园', investment: 120000.5 }, { year: 2019, content: '屋顶防水' }],
    });
    expect(res.statusCode).toBe(201);
    const s = res.json();
    siteId = s.id;
    expect(s).toMatchObject({ name: '甲村党群服务中心', lng: 114.07, lat: 32.12, buildingArea: 420.5, investment: 850000, facilities: ['便民服务大厅', '阅览室'], canEdit: true });
    expect(s.upgrades.map((u: { year: number }) => u.year)).toEqual([2019, 2021]);
    expect(s.upgrades[1].investment).toBe(120000.5);
    const log = await h.database.db.selectFrom('audit_log').select(['action', 'after']).where('entity_type', '=', 'site').where('entity_id', '=', siteId).executeTakeFirstOrThrow();
    expect(log).toMatchObject({ action: 'site.create', after: { name: '甲村党群服务中心', buildingArea: 420.5 } });
  });

  it('refuses coordinates out of range, negative area, bad years, unknown facilities, duplicates', async () => {
    const field = async (body: object) => {
      const r = await a.post(url(), { orgId: h.tree.branchAId, name: '新阵地', kind: 'other', ...body });
      return { status: r.statusCode, code: r.json().code, field: r.json().details?.fields?.[0]?.field ?? r.json().details?.field };
    };
    expect(await field({ lng: 181 })).toEqual({ status: 400, code: 'VALIDATION_FAILED', field: 'body.lng' });
    expect(await field({ lat: -90.5 })).toEqual({ status: 400, code: 'VALIDATION_FAILED', field: 'body.lat' });
    expect(await field({ buildingArea: -1 })).toEqual({ status: 400, code: 'VALIDATION_FAILED', field: 'body.buildingArea' });
    expect(await field({ investment: 1.001 })).toMatchObject({ status: 400, field: 'body.investment' });
    expect(await field({ facilities: ['游泳池'] })).toMatchObject({ status: 400, field: 'body.facilities.0' });
    expect(await field({ kind: 'castle' })).toMatchObject({ status: 400, field: 'body.kind' });
    expect(await field({ yearBuilt: 2020, yearUpgraded: 2018 })).toEqual({ status: 400, code: 'SITE_YEARS_INVALID', field: 'yearUpgraded' });
    expect(await field({ name: '甲村党群服务中心' })).toMatchObject({ status: 409, code: 'SITE_NAME_TAKEN' });
    const patch = await send(h.app, a, 'PATCH', url(`/${siteId}`), { yearUpgraded: 2010 });
    expect(patch.json().code).toBe('SITE_YEARS_INVALID');
    const n = await h.database.db.selectFrom('sites').select('id').where('org_id', '=', h.tree.branchAId).execute();
    expect(n).toHaveLength(1);
  });

  it('lists with totals computed from the records, by kind, page by page', async () => {
    const town = await h.login(h.tree.users.town);
    expect((await town.post(url(), { orgId: h.tree.branchBId, name: '乙村党群服务中心', kind: 'village_hq', buildingArea: 300.25, investment: 400000.1 })).statusCode).toBe(201);
    expect((await town.post(url(), { orgId: h.tree.townId, name: '镇党员群众服务中心', kind: 'service_center', buildingArea: 1200 })).statusCode).toBe(201);
    const p1 = (await town.get(url(`?orgId=${h.tree.townId}&pageSize=2`))).json();
    expect(p1.items).toHaveLength(2);
    expect(p1.total).toBe(3);
    expect(p1.totals).toEqual({
      count: 3, totalArea: 420.5 + 300.25 + 1200, totalInvestment: 1250000.1,
      byKind: [{ kind: 'service_center', count: 1 }, { kind: 'village_hq', count: 2 }],
    });
    const p2 = (await town.get(url(`?orgId=${h.tree.townId}&pageSize=2&page=2`))).json();
    expect(p2.items).toHaveLength(1);
    const onlyA = (await town.get(url(`?orgId=${h.tree.branchAId}`))).json();
    expect(onlyA.totals).toMatchObject({ count: 1, totalArea: 420.5, totalInvestment: 850000 });
    expect((await town.get(url(`?orgId=${h.tree.townId}&kind=service_center`))).json().totals.count).toBe(1);
  });

  it('patches fields and replaces upgrade projects, audited with before/after', async () => {
    const res = await send(h.app, a, 'PATCH', url(`/${siteId}`), { buildingArea: 450, facilities: ['儿童乐园'], upgrades: [{ year: 2024, content: '适老化改造', investment: 50000 }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ buildingArea: 450, facilities: ['儿童乐园'], lng: 114.07, upgrades: [{ year: 2024, content: '适老化改造', investment: 50000 }] });
    const log = await h.database.db.selectFrom('audit_log').select(['before', 'after']).where('action', '=', 'site.update').where('entity_id', '=', siteId).executeTakeFirstOrThrow();
    expect(log.before).toMatchObject({ buildingArea: 420.5, upgrades: [{ year: 2019 }, { year: 2021 }] });
    expect(log.after).toMatchObject({ buildingArea: 450, upgrades: [{ year: 2024 }] });
  });

  it('photos: stores JPEG/PNG/WebP by magic bytes, serves them, refuses others and oversize', async () => {
    const jpeg = images.jpeg(2048);
    const up = await send(h.app, a, 'POST', url(`/${siteId}/photos`), jpeg, { 'content-type': 'image/jpeg' });
    expect(up.statusCode).toBe(201);
    expect(up.json()).toMatchObject({ mime: 'image/jpeg', size: 2048 });
    const got = await a.get(url(`/${siteId}/photos/${up.json().id}`));
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/jpeg');
    expect(Buffer.compare(got.rawPayload, jpeg)).toBe(0);
    for (const [type, body] of [['image/png', images.png()], ['image/webp', images.webp()]] as const) {
      expect((await send(h.app, a, 'POST', url(`/${siteId}/photos`), body, { 'content-type': type })).statusCode).toBe(201);
    }
    const gif = await send(h.app, a, 'POST', url(`/${siteId}/photos`), images.gif(), { 'content-type': 'image/gif' });
    expect(gif.statusCode).toBe(415);
    expect(gif.json().code).toBe('SITE_PHOTO_TYPE_INVALID');
    const lying = await send(h.app, a, 'POST', url(`/${siteId}/photos`), Buffer.from('<svg onload=alert(1)>'), { 'content-type': 'image/png' });
    expect(lying.json().code).toBe('SITE_PHOTO_TYPE_INVALID');
    const mismatch = await send(h.app, a, 'POST', url(`/${siteId}/photos`), images.png(), { 'content-type': 'image/jpeg' });
    expect(mismatch.json().code).toBe('SITE_PHOTO_TYPE_INVALID');
    const big = await send(h.app, a, 'POST', url(`/${siteId}/photos`), images.jpeg(5 * 1024 * 1024 + 1), { 'content-type': 'image/jpeg' });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('SITE_PHOTO_TOO_LARGE');
    const detail = (await a.get(url(`/${siteId}`))).json();
    expect(detail.photoCount).toBe(3);
    expect(detail.photos.map((p: { mime: string }) => p.mime)).toEqual(['image/jpeg', 'image/png', 'image/webp']);
    const del = await send(h.app, a, 'DELETE', url(`/${siteId}/photos/${up.json().id}`));
    expect(del.statusCode).toBe(200);
    expect((await a.get(url(`/${siteId}/photos/${up.json().id}`))).statusCode).toBe(404);
    const actions = (await h.database.db.selectFrom('audit_log').select('action').where('entity_type', '=', 'site_photo').execute()).map((r) => r.action);
    expect(actions.filter((x) => x === 'site.photo.upload').length).toBeGreaterThanOrEqual(3);
    expect(actions).toContain('site.photo.delete');
  });

  it('exports an .xlsx with one row per site and a totals row equal to the list totals', async () => {
    const town = await h.login(h.tree.users.town);
    const res = await town.get(url(`/export?orgId=${h.tree.townId}`));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('阵地台账')!;
    const totals = (await town.get(url(`?orgId=${h.tree.townId}`))).json().totals;
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(1).value).toBe('合计');
    expect(last.getCell(8).value).toBe(totals.totalArea);
    expect(last.getCell(12).value).toBe(totals.totalInvestment);
    expect(ws.rowCount).toBe(2 + totals.count + 1);
    const names = [3, 4, 5].map((r) => ws.getRow(r).getCell(2).value);
    expect(names).toContain('甲村党群服务中心');
  });

  it('deletes a site with its photos and projects (only with write rights)', async () => {
    const member = await h.login(h.tree.users.memberA);
    expect((await member.get(url(`/${siteId}`))).json().canEdit).toBe(false);
    expect((await send(h.app, member, 'DELETE', url(`/${siteId}`))).statusCode).toBe(404);
    const res = await send(h.app, a, 'DELETE', url(`/${siteId}`));
    expect(res.json()).toEqual({ id: siteId, deleted: true });
    expect(await h.database.db.selectFrom('site_photos').select('id').where('site_id', '=', siteId).executeTakeFirst()).toBeUndefined();
    expect(await h.database.db.selectFrom('site_upgrades').select('id').where('site_id', '=', siteId).executeTakeFirst()).toBeUndefined();
    const log = await h.database.db.selectFrom('audit_log').select('before').where('action', '=', 'site.delete').where('entity_id', '=', siteId).executeTakeFirstOrThrow();
    expect(log.before).toMatchObject({ name: '甲村党群服务中心', photoCount: 2 });
  });

  it('documents every grid and site route in OpenAPI', async () => {
    const spec = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    for (const [path, method] of [
      ['/api/v1/grids/', 'get'], ['/api/v1/grids/tree', 'get'], ['/api/v1/grids/{id}', 'patch'], ['/api/v1/grids/{id}/members', 'post'],
      ['/api/v1/grids/{id}/residents/{residentId}', 'delete'], ['/api/v1/grids/{id}/buildings/{buildingId}', 'patch'],
      ['/api/v1/sites/', 'get'], ['/api/v1/sites/export', 'get'], ['/api/v1/sites/{id}/photos', 'post'], ['/api/v1/sites/{id}/photos/{photoId}', 'get'],
    ] as const) expect(spec.paths[path]?.[method], `${method} ${path}`).toBeDefined();
  });
});
