import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { openTestDatabase, testEngines, type Database } from '@dangjian/db';
import { DEMO_PASSWORD, seedDemo } from '@dangjian/db/fixtures';
import { buildApp } from '../app.ts';
import { testConfig } from '../config/env.ts';
import { login, mutableClock } from '../test/harness.ts';
import { memorySender, useCodeSender } from '../modules/wishes/sms.ts';
import { publicContact } from '../modules/development/development-queues.service.ts';

/**
 * The public side (/api/v1/public/…, no session) must never answer with an ID number or a
 * mobile phone number. This walks EVERY public GET route of the OpenAPI document over the demo
 * district, with wishes in every public state whose free text a resident or member filled with
 * a phone and an ID number, and the POST routes that answer anonymous callers. A new public
 * route with a parameter this file cannot fill fails the test, so it cannot slip past.
 */
const ID_NUMBER = /\b\d{17}[\dXx]\b/;
const MOBILE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
const PLANTED_PHONE = '13912345678';
const PLANTED_ID = '110101199003074514';
const OFFICE_PHONE = '13600001111';
const RESIDENT_PHONE = '13700002222';
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 7)]);

/** POST routes under /public answered to anonymous callers, and how this file covers each. */
const PUBLIC_POSTS: Record<string, string> = {
  '/api/v1/public/wishes/code': 'answers only ttl figures; called while seeding',
  '/api/v1/public/wishes': 'answers id, token, status; scanned while seeding',
  '/api/v1/public/wishes/{id}/photos': 'answers a photo id; scanned while seeding',
  '/api/v1/public/wishes/mine': 'scanned below',
  '/api/v1/public/wishes/lookup': 'scanned below',
  '/api/v1/public/wishes/{id}/confirm': 'scanned while seeding',
  '/api/v1/public/commitments/{id}/feedback': 'scanned below',
};

function assertClean(where: string, res: LightMyRequestResponse) {
  const type = String(res.headers['content-type'] ?? '');
  if (type.startsWith('image/')) return; // photo bytes: no text to leak
  const body = res.body;
  expect(body.match(ID_NUMBER)?.[0], `${where} answers an ID number`).toBeUndefined();
  expect(body.match(MOBILE)?.[0], `${where} answers a mobile number`).toBeUndefined();
}

interface Facts {
  gridId: string; villageId: string; branchAId: string; wishIds: string[]; photoIds: string[]; tokens: { id: string; token: string }[];
  /** An approved commitment (公开承诺) with a member photo, its village, and that photo. */
  commitment?: { id: string; villageId: string; photoId: string; year: number };
}

describe('a 公示 contact is published by name only', () => {
  it.each([
    ['党支部 王书记 13812345678', '党支部 王书记'],
    ['王书记（电话：0376-1234567）', '王书记'],
    ['李委员，手机 138 1234 5678', '李委员'],
    ['村委会 电话: +86 13812345678', '村委会'],
    ['13812345678', null],
    ['张书记', '张书记'],
    [null, null],
  ])('%s → %s', (raw, published) => {
    const out = publicContact(raw);
    expect(out).toBe(published);
    expect(out ?? '').not.toMatch(/\d{5,}/);
  });
});

for (const kind of testEngines()) {
  describe(`public responses carry no phone and no ID number [${kind}]`, () => {
    let database: Database;
    let app: FastifyInstance;
    const sms = memorySender();
    const facts: Facts = { gridId: '', villageId: '', branchAId: '', wishIds: [], photoIds: [], tokens: [] };
    const scanned: string[] = [];
    const inject = async (method: 'GET' | 'POST', url: string, payload?: object, headers: Record<string, string> = {}) => {
      const res = await app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload: payload as never }) });
      assertClean(`${method} ${url}`, res);
      scanned.push(`${method} ${url}`);
      return res;
    };
    const code = async (phone: string) => {
      const before = sms.sent.length;
      const res = await inject('POST', '/api/v1/public/wishes/code', { phone });
      expect(res.statusCode, res.body).toBe(200);
      expect(sms.sent.length).toBe(before + 1);
      return sms.lastCode(phone)!;
    };

    beforeAll(async () => {
      database = await openTestDatabase(kind);
      await seedDemo(database.db, { seed: 2026 });
      useCodeSender(database.db, sms);
      const clock = mutableClock();
      app = await buildApp({ db: database.db, config: testConfig(), clock });
      const a = (await sql<{ id: string }>`SELECT r.org_id::text AS id FROM users u JOIN user_roles r ON r.user_id = u.id WHERE u.username = 'demo-branch-a'`.execute(database.db)).rows[0]!;
      facts.branchAId = a.id;
      const grid = (await sql<{ id: string }>`SELECT id::text AS id FROM grids WHERE org_id = ${a.id}::bigint ORDER BY id LIMIT 1`.execute(database.db)).rows[0]!;
      facts.gridId = grid.id;
      facts.villageId = a.id;

      // A 公示 whose contact was typed with the branch office's mobile number.
      const person = (await sql<{ id: string }>`
        INSERT INTO dev_cases (org_id, name, gender, birth_date, id_number, phone, applied_on, current_step)
        VALUES (${a.id}::bigint, '公示测试', 'male', '1990-03-07', ${PLANTED_ID}, ${PLANTED_PHONE}, '2025-01-02', 6) RETURNING id::text AS id`.execute(database.db)).rows[0]!;
      const today = new Date().toISOString().slice(0, 10);
      await sql`INSERT INTO dev_notices (case_id, kind, title, start_on, end_on, working_days, contact)
        VALUES (${person.id}::bigint, 'activist', '入党积极分子公示', ${today}::date - 1, ${today}::date + 5, 5, ${`党支部 王书记 ${OFFICE_PHONE}`})`.execute(database.db);

      // An approved commitment whose text carries a phone, and a board photo of its member.
      const c = (await sql<{ id: string; village_id: string; member_id: string; org_id: string; year: number }>`
        SELECT id::text AS id, village_id::text AS village_id, member_id::text AS member_id, org_id::text AS org_id, year FROM commitments
        WHERE status = 'approved' AND member_id IS NOT NULL ORDER BY year DESC, id LIMIT 1`.execute(database.db)).rows[0];
      if (c) {
        await sql`UPDATE commitments SET content = content || ${`，有事请打 ${PLANTED_PHONE}`} WHERE id = ${c.id}::bigint`.execute(database.db);
        const ph = (await sql<{ id: string }>`INSERT INTO commitment_photos (org_id, kind, member_id, mime, size, data)
          VALUES (${c.org_id}::bigint, 'member', ${c.member_id}::bigint, 'image/jpeg', ${JPEG.length}, ${JPEG}) RETURNING id::text AS id`.execute(database.db)).rows[0]!;
        facts.commitment = { id: c.id, villageId: c.village_id, photoId: ph.id, year: Number(c.year) };
      }

      // Wishes of a resident whose text carries a phone and an ID number, taken to every public state.
      // Sessions are signed in again after each post: the clock jumps an hour (code limits).
      let secretary = await login(app, 'demo-branch-a', DEMO_PASSWORD);
      let member = await login(app, 'demo-member', DEMO_PASSWORD);
      const post = async (title: string) => {
        const res = await inject('POST', '/api/v1/public/wishes', {
          gridId: facts.gridId, category: 'living', title, nickname: '王阿姨',
          content: `请拨打 ${PLANTED_PHONE}，身份证 ${PLANTED_ID}，帮忙修楼道灯`, phone: RESIDENT_PHONE, code: await code(RESIDENT_PHONE),
        });
        expect(res.statusCode, res.body).toBe(201);
        const w = res.json<{ id: string; token: string }>();
        facts.tokens.push({ id: w.id, token: w.token });
        facts.wishIds.push(w.id);
        const photo = await inject('POST', `/api/v1/public/wishes/${w.id}/photos`, JPEG as never, { 'content-type': 'image/jpeg', 'x-wish-token': w.token });
        expect(photo.statusCode, photo.body).toBe(201);
        facts.photoIds.push(photo.json<{ id: string }>().id);
        clock.advance(61 * 60_000); // past the per-phone hourly limit on codes
        secretary = await login(app, 'demo-branch-a', DEMO_PASSWORD);
        member = await login(app, 'demo-member', DEMO_PASSWORD);
        return w;
      };
      const ok = (res: LightMyRequestResponse) => expect(res.statusCode, res.body).toBe(200);
      const openW = await post('待认领的心愿');
      ok(await secretary.post(`/api/v1/wishes/${openW.id}/review`, { accept: true }));
      const claimedW = await post('已认领的心愿');
      ok(await secretary.post(`/api/v1/wishes/${claimedW.id}/review`, { accept: true }));
      ok(await member.post(`/api/v1/wishes/${claimedW.id}/claim`, {}));
      const fulfilledW = await post('待确认的心愿');
      ok(await secretary.post(`/api/v1/wishes/${fulfilledW.id}/review`, { accept: true }));
      ok(await member.post(`/api/v1/wishes/${fulfilledW.id}/claim`, {}));
      const fp = await app.inject({ method: 'POST', url: `/api/v1/wishes/${fulfilledW.id}/photos?kind=fulfil`, payload: JPEG, headers: { cookie: member.cookie, 'x-csrf-token': member.csrf, 'content-type': 'image/jpeg' } });
      expect(fp.statusCode, fp.body).toBe(201);
      facts.photoIds.push(fp.json<{ id: string }>().id);
      ok(await member.post(`/api/v1/wishes/${fulfilledW.id}/fulfil`, { note: `已上门修好，有事打 ${PLANTED_PHONE}` }));
      const doneW = await post('已完成的心愿');
      ok(await secretary.post(`/api/v1/wishes/${doneW.id}/review`, { accept: true }));
      ok(await member.post(`/api/v1/wishes/${doneW.id}/claim`, {}));
      ok(await member.post(`/api/v1/wishes/${doneW.id}/fulfil`, { note: `已办好，身份证 ${PLANTED_ID} 已核对` }));
      ok(await inject('POST', `/api/v1/public/wishes/${doneW.id}/confirm`, { token: doneW.token, satisfied: true }));
      const disputedW = await post('有异议的心愿');
      ok(await secretary.post(`/api/v1/wishes/${disputedW.id}/review`, { accept: true }));
      ok(await member.post(`/api/v1/wishes/${disputedW.id}/claim`, {}));
      ok(await member.post(`/api/v1/wishes/${disputedW.id}/fulfil`, { note: '已经处理完毕了' }));
      ok(await inject('POST', `/api/v1/public/wishes/${disputedW.id}/confirm`, { token: disputedW.token, satisfied: false, comment: `没修好，请回电 ${PLANTED_PHONE}` }));
      const rejectedW = await post('未通过的心愿');
      ok(await secretary.post(`/api/v1/wishes/${rejectedW.id}/review`, { accept: false, reason: `重复提交，请联系 ${OFFICE_PHONE}` }));
    }, 240_000);

    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    /** How to fill each parameter a public route may take: a real value from the seeded data. */
    const fill = (name: string, path: string): string | undefined => {
      switch (name) {
        case 'gridId': return facts.gridId;
        case 'villageId': return path.includes('/commitment') ? facts.commitment?.villageId : facts.villageId;
        case 'orgId': return facts.branchAId;
        case 'photoId': return facts.photoIds[0];
        case 'id':
          if (/\/public\/wishes\/\{id\}$/.test(path)) return facts.wishIds[0];
          if (/\/public\/commitment-photos\/\{id\}$/.test(path)) return facts.commitment?.photoId;
          return undefined;
        case 'year': return undefined; // optional everywhere: the current year
        case 'page': return '1';
        case 'pageSize': return '50';
        case 'q': return '网格';
        default: return undefined;
      }
    };

    it('every public GET route answers without a phone or an ID number', async () => {
      const doc = app.swagger() as { paths: Record<string, Record<string, { parameters?: { name: string; in: string; required?: boolean }[] }>> };
      const routes = Object.entries(doc.paths).filter(([p, ops]) => p.startsWith('/api/v1/public/') && ops.get);
      expect(routes.map(([p]) => p)).toEqual(expect.arrayContaining(['/api/v1/public/notices', '/api/v1/public/wishes', '/api/v1/public/wish-grids']));
      for (const [path, ops] of routes) {
        const params = ops.get!.parameters ?? [];
        const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
        let url = path;
        for (const name of inPath) {
          const v = fill(name, path);
          expect(v, `${path}: no value for path parameter "${name}" — add it to fill()`).toBeTruthy();
          url = url.replace(`{${name}}`, encodeURIComponent(v!));
        }
        const query = params.filter((p) => p.in === 'query');
        const required = new URLSearchParams();
        for (const p of query.filter((q) => q.required)) {
          const v = fill(p.name, path);
          expect(v, `${path}: no value for required query parameter "${p.name}" — add it to fill()`).toBeTruthy();
          required.set(p.name, v!);
        }
        // The route as is, then once with each optional parameter this file knows how to fill.
        const variants = [required, ...query.filter((q) => !q.required && fill(q.name, path)).map((q) => new URLSearchParams([...required, [q.name, fill(q.name, path)!]]))];
        const statuses: number[] = [];
        for (const v of variants) {
          const qs = v.toString();
          statuses.push((await inject('GET', `${url}${qs ? `?${qs}` : ''}`)).statusCode);
        }
        expect(statuses, `${path} never answered 200 (${statuses.join(', ')}), so nothing of it was checked`).toContain(200);
      }
    });

    it('the wall and the notices really carry the planted text, masked', async () => {
      const wall = await inject('GET', `/api/v1/public/wishes?gridId=${facts.gridId}&pageSize=50`);
      const items = wall.json<{ items: { id: string; title: string; content: string; fulfilNote: string | null; nickname: string }[] }>().items;
      const titles = items.filter((w) => facts.wishIds.includes(w.id)).map((w) => w.title).sort();
      expect(titles).toEqual(['已完成的心愿', '已认领的心愿', '待确认的心愿', '待认领的心愿'].sort());
      expect(items.find((w) => w.title === '待认领的心愿')!.content).toContain('139****5678');
      const notices = await inject('GET', '/api/v1/public/notices');
      const notice = notices.json<{ items: { personName: string; contact: string | null }[] }>().items.find((n) => n.personName === '公示测试');
      expect(notice).toBeDefined();
      expect(notice!.contact).toContain('王书记');
      const photo = await inject('GET', `/api/v1/public/wish-photos/${facts.photoIds[0]}`);
      expect(photo.statusCode).toBe(200);
      expect(String(photo.headers['content-type'])).toMatch(/^image\//);
    });

    it('POST routes that answer anonymous callers (mine, lookup) carry no phone and no ID number', async () => {
      const doc = app.swagger() as { paths: Record<string, Record<string, unknown>> };
      const posts = Object.entries(doc.paths).filter(([p, ops]) => p.startsWith('/api/v1/public/') && ops.post).map(([p]) => p);
      expect(posts.filter((p) => !PUBLIC_POSTS[p]), 'a new public POST route: check its answer here and list it in PUBLIC_POSTS').toEqual([]);

      const mine = await inject('POST', '/api/v1/public/wishes/mine', { tokens: facts.tokens });
      expect(mine.statusCode, mine.body).toBe(200);
      const items = mine.json<{ items: { id: string; rejectReason: string | null; disputeComment: string | null }[] }>().items;
      expect(items.map((w) => w.id).sort()).toEqual([...facts.wishIds].sort());
      expect(items.some((w) => w.rejectReason?.includes('136****1111'))).toBe(true);
      expect(items.some((w) => w.disputeComment?.includes('139****5678'))).toBe(true);

      const lookup = await inject('POST', '/api/v1/public/wishes/lookup', { phone: RESIDENT_PHONE, code: await code(RESIDENT_PHONE) });
      expect(lookup.statusCode, lookup.body).toBe(200);
      expect(lookup.json<{ items: unknown[] }>().items).toHaveLength(facts.wishIds.length);

      expect(facts.commitment, 'the demo has an approved commitment of a member').toBeDefined();
      const fb = await inject('POST', `/api/v1/public/commitments/${facts.commitment!.id}/feedback`, { nickname: '老李', content: `承诺兑现了，谢谢！我的电话 ${PLANTED_PHONE}` });
      expect(fb.statusCode, fb.body).toBe(201);
      const board = await inject('GET', `/api/v1/public/commitments?villageId=${facts.commitment!.villageId}&year=${facts.commitment!.year}`);
      expect(board.statusCode, board.body).toBe(200);
      expect(board.body).toContain('承诺兑现了');
      expect(scanned.length).toBeGreaterThan(15);
    });
  });
}
