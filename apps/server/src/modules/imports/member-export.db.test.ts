import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { maskIdNumber, XLSX_MIME } from '@dangjian/contracts';
import { describeOnEngines } from '../../test/harness.ts';
import { sheetTexts } from './test-support.ts';

describeOnEngines('imports: member export', (h) => {
  const inTown = (extra = sql``) => sql<{ name: string; id_number: string; status: string }>`
    SELECT m.name, m.id_number, m.status FROM members m JOIN orgs o ON o.id = m.org_id
    WHERE o.path <@ ${h.tree.paths.town}::ltree ${extra} ORDER BY m.name_pinyin, m.id`.execute(h.database.db);

  it('exports exactly the filtered rows, masked, with a title row, and audits it', async () => {
    const t = await h.login(h.tree.users.town);
    const res = await t.get(`/api/v1/members/export?orgId=${h.tree.townId}&status=full`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const rows = await sheetTexts(res.rawPayload, 0);
    expect(rows[0]![0]).toContain('imports: member export镇党委');
    expect(rows[1]![0]).toMatch(/导出时间：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(rows[2]!.slice(0, 5)).toEqual(['序号', '姓名', '性别', '年龄', '身份证号']);
    const expected = (await inTown(sql`AND m.status = 'full'`)).rows;
    const data = rows.slice(3);
    expect(data.map((r) => r[1])).toEqual(expected.map((e) => e.name));
    expect(data.map((r) => r[4])).toEqual(expected.map((e) => maskIdNumber(e.id_number)));
    expect(data.every((r) => r[10] === '正式党员')).toBe(true);
    expect(res.rawPayload.toString('latin1')).not.toContain(expected[0]!.id_number);
    const audit = await h.database.db.selectFrom('audit_log').select(['after', 'actor_name']).where('action', '=', 'members.export').where('org_id', '=', h.tree.townId).execute();
    expect(audit.at(-1)!.after).toMatchObject({ status: 'full', rows: expected.length });
  });

  it('applies the search filter like the list', async () => {
    const t = await h.login(h.tree.users.town);
    const one = (await inTown()).rows[0]!;
    const res = await t.get(`/api/v1/members/export?orgId=${h.tree.townId}&q=${encodeURIComponent(one.id_number)}`);
    const data = (await sheetTexts(res.rawPayload, 0)).slice(3);
    expect(data.map((r) => r[1])).toEqual([one.name]);
    const list = await t.get(`/api/v1/members?orgId=${h.tree.townId}&q=${encodeURIComponent(one.name)}&limit=200`);
    const byName = (await sheetTexts((await t.get(`/api/v1/members/export?orgId=${h.tree.townId}&q=${encodeURIComponent(one.name)}`)).rawPayload, 0)).slice(3);
    expect(byName.map((r) => r[1])).toEqual(list.json().items.map((i: { name: string }) => i.name));
  });

  it('rejects unknown query fields with 400', async () => {
    const t = await h.login(h.tree.users.town);
    const res = await t.get(`/api/v1/members/export?orgId=${h.tree.townId}&limit=5`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_FAILED');
  });
});
