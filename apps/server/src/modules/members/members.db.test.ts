import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeOnEngines } from '../../test/harness.ts';

describeOnEngines('members', (h) => {
  it('pages through the subtree once each, sorted by pinyin, with PII masked', async () => {
    const a = await h.login(h.tree.users.town);
    const seen: { id: string; idNumberMasked: string; phoneMasked: string | null }[] = [];
    let cursor: string | null = null;
    let total: number;
    do {
      const res = await a.get(`/api/v1/members?orgId=${h.tree.townId}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      total = body.total;
      seen.push(...body.items);
      cursor = body.nextCursor;
    } while (cursor);
    const rows = await sql<{ id: string; name_pinyin: string }>`
      SELECT m.id, m.name_pinyin FROM members m JOIN orgs o ON o.id = m.org_id
      WHERE o.path <@ ${h.tree.paths.town}::ltree ORDER BY m.name_pinyin, m.id`.execute(h.database.db);
    expect(seen.map((s) => s.id)).toEqual(rows.rows.map((r) => r.id));
    expect(total).toBe(rows.rows.length);
    // Whatever the database locale, the order is pinyin syllable by syllable (byte order of the key).
    const keys = rows.rows.map((r) => r.name_pinyin);
    expect(keys).toEqual([...keys].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
    for (const s of seen) {
      expect(s.idNumberMasked).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
      if (s.phoneMasked) expect(s.phoneMasked).toMatch(/^1\d{2}\*{4}\d{4}$/);
    }
  });

  it('finds a member by name prefix, full pinyin and initials', async () => {
    const m = await h.database.db.selectFrom('members').select(['id', 'name', 'name_pinyin', 'name_initials']).where('org_id', '=', h.tree.branchAId).executeTakeFirstOrThrow();
    const a = await h.login(h.tree.users.secretaryA);
    for (const q of [m.name, m.name_pinyin.replaceAll(' ', ''), m.name_initials.toUpperCase()]) {
      const res = await a.get(`/api/v1/members?orgId=${h.tree.branchAId}&q=${encodeURIComponent(q)}`);
      expect(res.json().items.map((i: { id: string }) => i.id), q).toContain(m.id);
    }
  });

  it('filters by status and rejects a forged cursor', async () => {
    const a = await h.login(h.tree.users.town);
    const res = await a.get(`/api/v1/members?orgId=${h.tree.townId}&status=full&limit=200`);
    for (const i of res.json().items) expect(i.status).toBe('full');
    const bad = await a.get(`/api/v1/members?orgId=${h.tree.townId}&cursor=zzz`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_FAILED');
  });

  it('residents have no roster', async () => {
    const r = await h.login(h.tree.users.resident);
    expect((await r.get(`/api/v1/members?orgId=${h.tree.branchAId}`)).statusCode).toBe(404);
    expect((await r.get('/api/v1/orgs/tree')).statusCode).toBe(200);
  });
});
