import { expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { ORG_IMPORT_COLUMNS, XLSX_MIME, type ImportJob } from '@dangjian/contracts';
import { describeOnEngines, type Agent } from '../../test/harness.ts';
import { rosterWorkbook, waitForJob } from './test-support.ts';

const run = async (a: Agent, orgId: string, rows: (string | null)[][]) => {
  const res = await a.post(`/api/v1/orgs/import?orgId=${orgId}`, await rosterWorkbook(rows, 'orgs'), { 'content-type': XLSX_MIME });
  expect(res.statusCode).toBe(202);
  return waitForJob(async () => (await a.get(`/api/v1/imports/${res.json().jobId}`)).json() as ImportJob);
};

describeOnEngines('imports: orgs', (h) => {
  const town = 'imports: orgs镇党委';

  it('serves the org template', async () => {
    const t = await h.login(h.tree.users.town);
    const res = await t.get('/api/v1/orgs/import/template');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ExcelJS.Buffer);
    expect((wb.worksheets[0]!.getRow(1).values as string[]).slice(1)).toEqual(ORG_IMPORT_COLUMNS.map((c) => c.header));
    expect(wb.worksheets[0]!.getCell('B2').dataValidation).toMatchObject({ type: 'list' });
  });

  it('creates orgs in file order, a parent earlier in the file, with correct paths; audited', async () => {
    const t = await h.login(h.tree.users.town);
    const j = await run(t, h.tree.townId, [
      ['丙村党支部', '党支部', town, '丙村', 'BC-001'],
      ['丙村第一党小组', '党小组', '丙村党支部', null, null],
      ['丙村第二党小组', '党小组', 'BC-001', null, null],
    ]);
    expect(j).toMatchObject({ status: 'done', createdCount: 3, totalRows: 3, processedRows: 3 });
    const orgs = await h.database.db.selectFrom('orgs').select(['id', 'parent_id', 'path', 'type', 'short_name', 'code', 'region_id'])
      .where('name', 'in', ['丙村党支部', '丙村第一党小组', '丙村第二党小组']).orderBy('sort_order').execute();
    expect(orgs.map((o) => o.type)).toEqual(['branch', 'group', 'group']);
    const [branch, g1, g2] = orgs;
    expect(branch).toMatchObject({ parent_id: h.tree.townId, path: `${h.tree.paths.town}.${branch!.id}`, short_name: '丙村', code: 'BC-001', region_id: h.tree.rootId });
    expect(g1).toMatchObject({ parent_id: branch!.id, path: `${branch!.path}.${g1!.id}` });
    expect(g2).toMatchObject({ parent_id: branch!.id, path: `${branch!.path}.${g2!.id}` });
    const audit = await h.database.db.selectFrom('audit_log').select('after').where('action', '=', 'orgs.import').where('entity_id', '=', j.id).executeTakeFirstOrThrow();
    expect(audit.after).toMatchObject({ created: 3 });
  });

  it('refuses a file breaking the rules and writes nothing', async () => {
    const t = await h.login(h.tree.users.town);
    const j = await run(t, h.tree.townId, [
      ['丁村党支部', '党支部', town, null, null],
      ['错位党小组', '党小组', town, null, null], // 党小组 directly under 镇党委
      ['丁村党支部', '党支部', town, null, null], // same name under the same parent
      ['无名类型', '某某组织', town, null, null],
      ['远方党支部', '党支部', '不存在的党委', null, null],
    ]);
    expect(j.status).toBe('failed');
    const cols = j.errors.map((e) => `${e.row}:${e.column}`);
    expect(cols).toEqual(expect.arrayContaining(['3:类型', '4:名称', '5:类型', '6:上级组织']));
    expect(j.errors.find((e) => e.row === 3)!.reason).toContain('党小组不能设在乡镇党委之下');
    expect(await h.database.db.selectFrom('orgs').select('id').where('name', 'in', ['丁村党支部', '错位党小组']).execute()).toEqual([]);
  });
});
