import { expect, inject, it } from 'vitest';
import { randomInt } from 'node:crypto';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { idCheckChar, MEMBER_IMPORT_COLUMNS } from '../../packages/contracts/src/index.ts';
import { SHOTS, useBrowser, signIn } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();
const shots = SHOTS;

/** A valid ID number born 1988-05-20 with a random address code and sequence. */
function idNumber(): string {
  const first17 = `4115${String(randomInt(10, 99))}19880520${String(randomInt(100, 999))}`;
  return first17 + idCheckChar(first17);
}

async function roster(rows: Record<string, string | null>[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党员信息');
  ws.addRow(MEMBER_IMPORT_COLUMNS.map((c) => c.header));
  for (const r of rows) ws.addRow(MEMBER_IMPORT_COLUMNS.map((c) => r[c.key] ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function upload(page: Page, name: string, buffer: Buffer) {
  await page.locator('[data-testid="import-page"] input[type=file]').setInputFiles({
    name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer,
  });
}

it('a branch secretary uploads a roster with errors, sees them, then imports the corrected roster', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-branch-a');
  await page.goto(`${facts.baseUrl}/imports`);
  await expect.poll(() => page.getByTestId('import-org').innerText()).toContain(facts.branchA.name);

  const good = idNumber();
  const people = [
    { name: '闻导入', idNumber: good, phone: '13900001111', ethnicity: '汉族', education: '本科', occupation: '教师', org: facts.branchA.name, joinedOn: '2012-07-01', fullOn: '2013-07-01', status: '正式党员', categories: '在职党员' },
    { name: '闻新进', idNumber: idNumber(), phone: null, ethnicity: '回族', education: '大专', occupation: '农民', org: facts.branchA.name, joinedOn: '2026-03-01', fullOn: null, status: '预备党员', categories: null },
  ];
  const broken = [{ ...people[0]!, idNumber: `${good.slice(0, 17)}${good[17] === '1' ? '2' : '1'}` }, { ...people[1]!, phone: '12345' }];
  await upload(page, '有错误的花名册.xlsx', await roster(broken));
  await page.getByTestId('import-failed').waitFor();
  const errors = await page.getByTestId('import-errors').innerText();
  expect(errors).toContain('校验位');
  expect(errors).toContain('手机号');
  expect(await page.getByTestId('import-error-report').getAttribute('href')).toMatch(/\/api\/v1\/imports\/\d+\/errors\.xlsx$/);
  await page.screenshot({ path: `${shots}/import-errors.png`, fullPage: true });

  await upload(page, '花名册.xlsx', await roster(people));
  await page.getByTestId('import-success').waitFor();
  expect(await page.getByTestId('import-success').innerText()).toContain('新增党员 2 人');
  await page.screenshot({ path: `${shots}/import-success.png`, fullPage: true });

  await page.getByTestId('import-org-link').click();
  await page.getByTestId('member-table').waitFor();
  await page.getByTestId('member-search').locator('input').fill('闻');
  await page.getByTestId('member-search').locator('input').press('Enter');
  await expect.poll(() => page.getByTestId('member-table').innerText()).toContain('闻导入');
  expect(await page.getByTestId('member-table').innerText()).toContain('闻新进');
  await page.close();
});
