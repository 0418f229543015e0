import { sql } from 'kysely';
import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { nameKeys } from '@dangjian/db';
import { createTestTree } from '@dangjian/db/fixtures';
import { MEMBER_IMPORT_COLUMNS, XLSX_MIME, type ImportJob } from '@dangjian/contracts';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { freshIdNumber, rosterWorkbook, sheetTexts, validRow, waitForJob } from './test-support.ts';

const upload = (a: Agent, orgId: string, bytes: Buffer, kind = 'members') =>
  a.post(`/api/v1/${kind}/import?orgId=${orgId}`, bytes, { 'content-type': XLSX_MIME });
const job = (a: Agent, id: string) => waitForJob(async () => (await a.get(`/api/v1/imports/${id}`)).json() as ImportJob);

describeOnEngines('imports: members', (h) => {
  const branchA = () => `imports: members甲村党支部`;

  it('serves a template with text ID column, dropdowns and instructions, that imports back', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const res = await a.get('/api/v1/members/import/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('党员导入模板.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('党员信息')!;
    const headers = (ws.getRow(1).values as string[]).slice(1);
    expect(headers.map((x) => x.replace(/\(.*$/, ''))).toEqual(MEMBER_IMPORT_COLUMNS.map((c) => c.header));
    expect(ws.getColumn(2).numFmt).toBe('@');
    expect(ws.getCell('J2').dataValidation).toMatchObject({ type: 'list' });
    expect(ws.getCell('D2').dataValidation).toMatchObject({ type: 'list' });
    expect(wb.getWorksheet('填写说明')).toBeTruthy();

    // Fill the template itself, as a user would, and upload it.
    const id = freshIdNumber('1990-03-04', 'female');
    ws.getRow(2).values = validRow({ org: branchA(), name: '李模板', idNumber: id });
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const start = await upload(a, h.tree.branchAId, bytes);
    expect(start.statusCode).toBe(202);
    const j = await job(a, start.json().jobId);
    expect(j).toMatchObject({ status: 'done', createdCount: 1, errorCount: 0 });
    const m = await h.database.db.selectFrom('members').selectAll().where('id_number', '=', id).executeTakeFirstOrThrow();
    expect(m).toMatchObject({ name: '李模板', gender: 'female', birth_date: '1990-03-04', org_id: h.tree.branchAId });
  });

  it('imports a good file: every row, with values, pinyin keys, derived birth date and sex, audited', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const ids = [freshIdNumber('1980-01-02', 'male'), freshIdNumber('1999-12-31', 'female'), freshIdNumber('1975-05-05', 'male')];
    const bytes = await rosterWorkbook([
      validRow({ org: branchA(), name: '王建国', idNumber: ids[0]!, categories: '老党员、困难党员' }),
      validRow({ org: '第一党小组', name: '陈雨桐', idNumber: ids[1]!.toLowerCase(), status: '预备党员', joinedOn: new Date(Date.UTC(2026, 0, 5)), fullOn: null, phone: null, categories: null }),
      validRow({ org: `${branchA()}/第一党小组`, name: '欧阳振华', idNumber: ids[2]!, joinedOn: '2001年7月1日', fullOn: '2002/7/1', ethnicity: '回族', education: '大专' }),
    ]);
    h.clock.advance(0);
    const start = await upload(a, h.tree.branchAId, bytes);
    expect(start.statusCode).toBe(202);
    const j = await job(a, start.json().jobId);
    expect(j).toMatchObject({ status: 'done', totalRows: 3, processedRows: 3, createdCount: 3, errors: [], hasErrorReport: false });
    const rows = await h.database.db.selectFrom('members').selectAll().where('id_number', 'in', ids).orderBy('birth_date').execute();
    expect(rows).toHaveLength(3);
    const [ouyang, wang, chen] = rows;
    expect(wang).toMatchObject({ name: '王建国', gender: 'male', birth_date: '1980-01-02', status: 'full', org_id: h.tree.branchAId, phone: '13812345678', ethnicity: '汉族', education: '本科', occupation: '农民', joined_on: '2010-07-01', full_on: '2011-07-01', categories: ['老党员', '困难党员'] });
    expect(chen).toMatchObject({ gender: 'female', birth_date: '1999-12-31', status: 'probationary', org_id: h.tree.groupAId, phone: null, joined_on: '2026-01-05', full_on: null, categories: [] });
    expect(ouyang).toMatchObject({ org_id: h.tree.groupAId, joined_on: '2001-07-01', full_on: '2002-07-01', ethnicity: '回族', education: '大专' });
    for (const r of rows) {
      expect(r.name_pinyin).toBe(nameKeys(r.name).pinyin);
      expect(r.name_initials).toBe(nameKeys(r.name).initials);
    }
    expect(ouyang!.name_pinyin).toBe('ou yang zhen hua');
    const audit = await h.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'members.import').where('entity_id', '=', j.id).executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ rows: 3, created: 3 });
  });

  it('refuses a bad file whole: nothing written, and the error workbook names row, column and reason', async () => {
    const town = await h.login(h.tree.users.town);
    const other = await createTestTree(h.database.db, { label: '别处' });
    const elsewhere = await h.database.db.selectFrom('members').select('id_number').where('id', '=', other.memberIds.branchA[0]!).executeTakeFirstOrThrow();
    const dup = freshIdNumber('1970-08-08');
    const good = freshIdNumber('1971-01-01');
    const badSum = freshIdNumber('1972-02-02').slice(0, 17) + 'Z';
    const minor = freshIdNumber('2012-01-01');
    const young = freshIdNumber('1995-06-01');
    const file = await rosterWorkbook([
      validRow({ org: branchA(), idNumber: badSum }), // row 2
      validRow({ org: branchA(), idNumber: dup }), // row 3
      validRow({ org: branchA(), idNumber: dup }), // row 4: duplicate in file
      validRow({ org: branchA(), idNumber: elsewhere.id_number }), // row 5: registered in another tree
      validRow({ org: '不存在的党支部', idNumber: freshIdNumber() }), // row 6
      validRow({ org: branchA(), idNumber: freshIdNumber(), joinedOn: '2099-01-01', fullOn: null }), // row 7: future
      validRow({ org: branchA(), idNumber: minor, joinedOn: '2025-01-01', fullOn: null, status: '预备党员' }), // row 8: under 18
      validRow({ org: '第一党小组', idNumber: freshIdNumber() }), // row 9: ambiguous in the town
      validRow({ org: branchA(), idNumber: young, joinedOn: '2010-01-01', fullOn: '2011-01-01' }), // row 10: joined at 14
      validRow({ org: branchA(), idNumber: freshIdNumber(), phone: '1234' }), // row 11
      validRow({ org: branchA(), idNumber: good }), // row 12: valid, must not be written either
    ]);
    const before = await h.database.db.selectFrom('members').innerJoin('orgs', 'orgs.id', 'members.org_id')
      // Only this test's subtree: on PostgreSQL other test files write members at the same time.
      .where(sql<boolean>`orgs.path <@ ${h.tree.paths.root}::ltree`)
      .select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const start = await upload(town, h.tree.townId, file);
    const j = await job(town, start.json().jobId);
    expect(j.status).toBe('failed');
    expect(j.failureCode).toBe('IMPORT_ROWS_INVALID');
    expect(j.processedRows).toBe(j.totalRows);
    expect(j.totalRows).toBe(11);
    const after = await h.database.db.selectFrom('members').innerJoin('orgs', 'orgs.id', 'members.org_id')
      // Only this test's subtree: on PostgreSQL other test files write members at the same time.
      .where(sql<boolean>`orgs.path <@ ${h.tree.paths.root}::ltree`)
      .select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect(await h.database.db.selectFrom('members').select('id').where('id_number', 'in', [dup, good, young]).execute()).toEqual([]);

    const expected: [number, string, RegExp][] = [
      [2, '身份证号', /校验位/], [4, '身份证号', /与第 3 行/], [5, '身份证号', /已在系统中登记/], [6, '所在组织', /找不到/],
      [7, '入党日期', /晚于今天/], [8, '身份证号', /未满 18 周岁/], [9, '所在组织', /不唯一.*甲村党支部\/第一党小组.*乙村党支部\/第一党小组/],
      [10, '入党日期', /未满 18 周岁/], [11, '手机号', /11 位/],
    ];
    for (const [row, column, reason] of expected) {
      expect(j.errors.some((e) => e.row === row && e.column === column && reason.test(e.reason)), `${row} ${column}`).toBe(true);
    }
    expect(j.errors.some((e) => e.row === 3 || e.row === 12)).toBe(false);
    expect(JSON.stringify(j.errors)).not.toContain('别处');

    const report = await town.get(`/api/v1/imports/${j.id}/errors.xlsx`);
    expect(report.statusCode).toBe(200);
    const list = await sheetTexts(report.rawPayload, '错误明细');
    expect(list[0]).toEqual(['行号', '列', '错误原因']);
    for (const [row, column, reason] of expected) {
      expect(list.some((l) => l[0] === String(row) && l[1] === column && reason.test(l[2]!)), `report ${row}`).toBe(true);
    }
    const data = await sheetTexts(report.rawPayload, '导入数据');
    expect(data[0]!.at(-1)).toBe('错误原因');
    expect(data).toHaveLength(12);
    expect(data[1]![1]).toBe(badSum);
    expect(data[1]!.at(-1)).toMatch(/第2行【身份证号】/);
    expect(data[11]!.at(-1)).toBe('');
  });

  it('reports progress up to the total on a larger file', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const rows = Array.from({ length: 1500 }, (_, i) => validRow({ org: branchA(), name: `赵${'一二三四五六七八九十'[i % 10]}${'甲乙丙丁'[i % 4]}`, idNumber: freshIdNumber(`19${60 + (i % 30)}-0${1 + (i % 9)}-1${i % 10}`) }));
    const start = await upload(a, h.tree.branchAId, await rosterWorkbook(rows));
    const seen: number[] = [];
    const j = await waitForJob(async () => {
      const s = (await a.get(`/api/v1/imports/${start.json().jobId}`)).json() as ImportJob;
      seen.push(s.processedRows);
      return s;
    });
    expect(j.errors).toEqual([]);
    expect(j).toMatchObject({ status: 'done', totalRows: 1500, processedRows: 1500, createdCount: 1500 });
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });

  it('refuses what is not a workbook (400) and a sheet without the headers (job failed)', async () => {
    const a = await h.login(h.tree.users.secretaryA);
    const bad = await upload(a, h.tree.branchAId, Buffer.from('姓名,身份证号\n'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('IMPORT_FILE_INVALID');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('x').addRow(['名字', '证件']);
    wb.getWorksheet('x')!.addRow(['张三', '1']);
    const start = await upload(a, h.tree.branchAId, Buffer.from(await wb.xlsx.writeBuffer()));
    const j = await job(a, start.json().jobId);
    expect(j).toMatchObject({ status: 'failed', failureCode: 'IMPORT_HEADER_MISSING', hasErrorReport: false });
    expect((await a.get(`/api/v1/imports/${j.id}/errors.xlsx`)).statusCode).toBe(404);
  });

  it('documents the raw .xlsx upload and the binary answers in OpenAPI', async () => {
    const spec = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(spec.paths['/api/v1/members/import'].post.requestBody.content)).toEqual([XLSX_MIME]);
    expect(spec.paths['/api/v1/members/import'].post.responses).toHaveProperty('202');
    expect(Object.keys(spec.paths['/api/v1/imports/{id}/errors.xlsx'].get.responses['200'].content)).toEqual([XLSX_MIME]);
    expect(spec.paths['/api/v1/imports/{id}'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('processedRows');
  });
});
