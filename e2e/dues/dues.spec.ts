import { readFile } from 'node:fs/promises';
import { expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { apiGet, SHOTS, signIn, useBrowser } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();


/** 'YYYY-MM' n months from now (the server counts months in China time; tests run far from month ends or accept either). */
function month(n: number): string {
  const d = new Date(Date.now() + 8 * 3_600_000);
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
}

async function pickMonth(page: Page, scope: ReturnType<Page['locator']>, value: string) {
  const input = scope.locator('.ant-picker input').first();
  await input.click();
  await input.fill(value);
  await input.press('Enter');
  await page.keyboard.press('Escape');
}

type Arrears = { items: { memberId: string; months: string[] }[] };

it('a branch secretary sets a base, records two months, sees the arrears change and downloads the monthly report', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  await signIn(page, facts.baseUrl, 'demo-branch-a');
  const A = facts.branchA.id;
  const member = (await apiGet<{ items: { id: string; name: string }[] }>(page, `/api/v1/members?orgId=${A}&status=full&limit=1`)).items[0]!;

  // 标准核定: 4500 元 after tax from three months ago → 45.00 元 a month (1% of the whole base).
  await page.goto(`${facts.baseUrl}/dues/bases?orgId=${A}`);
  await page.getByTestId('dues-members-table').waitFor();
  const q = page.locator('input[placeholder="按姓名搜索"]');
  await q.fill(member.name);
  await q.press('Enter');
  await page.getByTestId(`dues-set-base-${member.id}`).click();
  const form = page.getByTestId('dues-base-form');
  await form.getByTestId('dues-base-amount').fill('4500');
  await pickMonth(page, form, month(-3));
  await page.getByRole('button', { name: '保存' }).click();
  const row = page.getByTestId('dues-members-table').locator('tr', { hasText: member.name });
  await expect.poll(() => row.getByTestId('dues-monthly').innerText()).toBe('45.00');

  // 欠缴名单 before: the last three finished months.
  await page.getByRole('tab', { name: '欠缴名单' }).click();
  const arrearsRow = page.getByTestId('dues-arrears-table').locator('tr', { hasText: member.name });
  await expect.poll(() => arrearsRow.innerText()).toContain(month(-3));
  const before = (await apiGet<Arrears>(page, `/api/v1/dues/arrears?orgId=${A}&pageSize=100`)).items.find((i) => i.memberId === member.id);
  expect(before?.months).toEqual([month(-3), month(-2), month(-1)]);

  // 缴纳登记: two months at once.
  await page.getByRole('tab', { name: '缴纳登记' }).click();
  await page.getByTestId('dues-pay-member').click();
  await page.keyboard.type(member.name);
  await page.locator('.ant-select-item-option').filter({ hasText: member.name }).first().click();
  const months = page.getByTestId('dues-pay-months');
  await months.getByLabel(month(-3)).check();
  await months.getByLabel(month(-2)).check();
  await page.getByTestId('dues-pay-submit').click();
  await page.getByText('已登记 2 个月，合计 90.00 元').waitFor();

  // 欠缴名单 after: only last month is owed.
  await page.getByRole('tab', { name: '欠缴名单' }).click();
  await expect.poll(() => arrearsRow.getByTestId('dues-arrears-months').innerText()).toBe(month(-1));
  const after = (await apiGet<Arrears>(page, `/api/v1/dues/arrears?orgId=${A}&pageSize=100`)).items.find((i) => i.memberId === member.id);
  expect(after?.months).toEqual([month(-1)]);

  // 报表: the month paid, then the Excel file with the same totals.
  await page.getByRole('tab', { name: '报表' }).click();
  await pickMonth(page, page.locator('body'), month(-3));
  await expect.poll(() => page.getByTestId('dues-monthly-report').locator('tr', { hasText: member.name }).innerText()).toContain('45.00');
  const total = await page.getByTestId('dues-monthly-paid-total').innerText();
  await page.screenshot({ path: `${SHOTS}/dues-report.png`, fullPage: true });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dues-report-export').click()]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await readFile((await download.path())!) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('党费月报')!;
  const memberRow = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(2).value === member.name)!;
  expect(Number(memberRow.getCell(7).value)).toBe(45);
  const last = ws.getRow(ws.rowCount);
  expect(String(last.getCell(1).value)).toBe('合计');
  expect(Number(last.getCell(7).value).toFixed(2)).toBe(total.replace(/,/g, ''));
  await page.close();
});
