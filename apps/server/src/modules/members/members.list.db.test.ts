import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { chinaToday } from '@dangjian/contracts';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { freshIdNumber, memberBody } from './members.test-helpers.ts';

interface Item { id: string; name: string; gender: string; age: number; status: string; education: string | null; ethnicity: string | null; categories: string[]; posts: string[]; joinedOn: string | null; phoneMasked: string | null }

async function pages(a: Agent, query: string, limit = 3): Promise<{ items: Item[]; total: number; pages: number }> {
  const items: Item[] = [];
  let cursor: string | null = null;
  let total: number;
  let n = 0;
  do {
    const res = await a.get(`/api/v1/members?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    items.push(...body.items);
    total = body.total;
    cursor = body.nextCursor;
    n++;
  } while (cursor);
  return { items, total, pages: n };
}

describeOnEngines('members list', (h) => {
  it('pages every sort order, both directions, over several pages, exactly as SQL orders them', async () => {
    const t = await h.login(h.tree.users.town);
    // Equal join dates and birth dates, so ties on the sort key must be broken by id across pages.
    for (let i = 0; i < 4; i++) {
      const res = await t.post('/api/v1/members', memberBody(i % 2 ? h.tree.branchAId : h.tree.groupBId, { name: `同${'甲乙丙丁'[i]}`, idNumber: freshIdNumber('19800101'), joinedOn: '2005-07-01', fullOn: '2006-07-01' }));
      expect(res.statusCode, res.body).toBe(201);
    }
    const cols = { name: 'm.name_pinyin', joinedOn: "coalesce(m.joined_on, DATE '0001-01-01')", birthDate: 'm.birth_date' };
    for (const [sort, col] of Object.entries(cols)) {
      for (const order of ['asc', 'desc'] as const) {
        const got = await pages(t, `orgId=${h.tree.townId}&sort=${sort}&order=${order}`);
        const want = await sql<{ id: string }>`SELECT m.id FROM members m JOIN orgs o ON o.id = m.org_id
          WHERE o.path <@ ${h.tree.paths.town}::ltree ORDER BY ${sql.raw(col)} ${sql.raw(order)}, m.id ${sql.raw(order)}`.execute(h.database.db);
        expect(got.items.map((i) => i.id), `${sort} ${order}`).toEqual(want.rows.map((r) => r.id));
        expect(got.pages).toBeGreaterThanOrEqual(4);
        expect(got.total).toBe(want.rows.length);
      }
    }
    // A cursor of one order is refused by another.
    const first = (await t.get(`/api/v1/members?orgId=${h.tree.townId}&sort=joinedOn&limit=2`)).json();
    const mixed = await t.get(`/api/v1/members?orgId=${h.tree.townId}&sort=birthDate&limit=2&cursor=${first.nextCursor}`);
    expect(mixed.statusCode).toBe(400);
  });

  it('filters on every field, each result matching the filter and the total matching SQL', async () => {
    const t = await h.login(h.tree.users.town);
    await t.post('/api/v1/members', memberBody(h.tree.branchBId, { name: '流动张', categories: ['流动党员'], posts: ['网格员'], phone: null, ethnicity: '回族', education: '大专', status: 'probationary', fullOn: null, joinedOn: '2026-01-05', idNumber: freshIdNumber('20000301', false) }));
    const today = chinaToday();
    const cases: [string, (i: Item) => boolean, string][] = [
      ['status=probationary', (i) => i.status === 'probationary', "m.status = 'probationary'"],
      ['gender=female', (i) => i.gender === 'female', "m.gender = 'female'"],
      [`ethnicity=${encodeURIComponent('回族')}`, (i) => i.ethnicity === '回族', "m.ethnicity = '回族'"],
      [`education=${encodeURIComponent('大专')}`, (i) => i.education === '大专', "m.education = '大专'"],
      [`category=${encodeURIComponent('流动党员')}`, (i) => i.categories.includes('流动党员'), "'流动党员' = ANY(m.categories)"],
      ['ageMin=20&ageMax=40', (i) => i.age >= 20 && i.age <= 40, `m.birth_date <= DATE '${today}' - interval '20 years' AND m.birth_date > DATE '${today}' - interval '41 years'`],
      ['joinedFrom=2000-01-01&joinedTo=2026-12-31', (i) => !!i.joinedOn && i.joinedOn >= '2000-01-01' && i.joinedOn <= '2026-12-31', "m.joined_on BETWEEN '2000-01-01' AND '2026-12-31'"],
      ['hasPhone=false', (i) => i.phoneMasked === null, 'm.phone IS NULL'],
      [`post=${encodeURIComponent('网格')}`, (i) => i.posts.some((p) => p.includes('网格')), "EXISTS (SELECT 1 FROM unnest(m.posts) p WHERE p LIKE '%网格%')"],
    ];
    for (const [q, ok, where] of cases) {
      const got = await pages(t, `orgId=${h.tree.townId}&${q}`, 50);
      const want = await sql<{ n: string }>`SELECT count(*) AS n FROM members m JOIN orgs o ON o.id = m.org_id
        WHERE o.path <@ ${h.tree.paths.town}::ltree AND ${sql.raw(where)}`.execute(h.database.db);
      expect(got.total, q).toBe(Number(want.rows[0]!.n));
      expect(got.items.length, q).toBe(got.total);
      for (const i of got.items) expect(ok(i), `${q}: ${JSON.stringify(i)}`).toBe(true);
    }
    const combined = await pages(t, `orgId=${h.tree.townId}&status=probationary&category=${encodeURIComponent('流动党员')}&hasPhone=false`, 50);
    expect(combined.items.map((i) => i.name)).toContain('流动张');
  });

  it('a subtree filter is a subtree: branch B\'s list holds only B and its group', async () => {
    const b = await h.login(h.tree.users.secretaryB);
    const got = await pages(b, `orgId=${h.tree.branchBId}&sort=birthDate&order=desc`, 4);
    const orgs = new Set((await h.database.db.selectFrom('members').select('org_id').where('id', 'in', got.items.map((i) => i.id)).execute()).map((r) => r.org_id));
    for (const o of orgs) expect([h.tree.branchBId, h.tree.groupBId]).toContain(o);
    const ages = got.items.map((i) => i.age);
    expect(ages).toEqual([...ages].sort((x, y) => x - y));
  });

  it('the root\'s roster is every member in scope, with or without another tree beside it, and its total is the figure kept for it', async () => {
    const a = await h.login(h.tree.users.admin);
    const inTree = async () => (await sql<{ id: string }>`SELECT m.id FROM members m JOIN orgs o ON o.id = m.org_id
      WHERE o.path <@ ${h.tree.paths.root}::ltree AND m.active ORDER BY m.name_pinyin, m.id`.execute(h.database.db)).rows.map((r) => r.id);
    const roots = Number((await sql<{ n: string }>`SELECT count(*) AS n FROM orgs WHERE parent_id IS NULL`.execute(h.database.db)).rows[0]!.n);
    const alone = await pages(a, `orgId=${h.tree.rootId}`, 50);
    expect(alone.items.map((i) => i.id)).toEqual(await inTree());
    expect(alone.total).toBe(alone.items.length);
    // The suite's database holds this tree alone: the first roster goes without an id list.
    expect(roots).toBe(1);
    // Another tree with a member of its own: the admin of this root must not see it, whether the
    // roster goes by the list of the root's organizations or (as the only root) without one.
    const other = (await sql<{ id: string }>`
      WITH n AS (SELECT nextval(pg_get_serial_sequence('orgs', 'id')) AS id)
      INSERT INTO orgs (id, path, type, name) SELECT n.id, n.id::text::ltree, 'committee', '另一区' FROM n RETURNING id::text AS id`.execute(h.database.db)).rows[0]!.id;
    await h.database.db.insertInto('members').values({ org_id: other, name: '外人', gender: 'male', birth_date: '1970-01-01', id_number: freshIdNumber('19700101'), status: 'full' }).execute();
    const beside = await pages(a, `orgId=${h.tree.rootId}`, 50);
    expect(beside.items.map((i) => i.id)).toEqual(await inTree());
    expect(beside.total).toBe(alone.total);
    expect((await a.get(`/api/v1/members?orgId=${other}`)).statusCode).toBe(404);
  });
});
