import { expect, inject, it } from 'vitest';
import { apiGet, SHOTS, useBrowser, signIn, statNumber } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();
const shots = SHOTS;


it('a branch secretary creates a grid and assigns a member to it', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-branch-a');
  const name = `E2E网格${Date.now() % 100000}`;
  await page.goto(`${facts.baseUrl}/grids?orgId=${facts.branchA.id}`);
  await page.getByTestId('grid-table').waitFor();
  await page.getByTestId('grid-new').click();
  await page.getByTestId('grid-form-name').fill(name);
  await page.locator('#grid-form-submit').click();
  await page.getByTestId('grid-drawer').getByText(`网格：${name}`).waitFor();

  const member = (await apiGet<{ items: { id: string; name: string }[] }>(page, `/api/v1/members?orgId=${facts.branchA.id}&limit=1`)).items[0]!;
  await page.getByTestId('grid-member-picker').click();
  await page.keyboard.type(member.name);
  await page.locator('.ant-select-item-option').filter({ hasText: member.name }).first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('grid-member-assign').click();
  await expect.poll(() => page.getByTestId('grid-member-table').innerText()).toContain(member.name);

  // The grid's figures in the list agree with the database through the API.
  const list = await apiGet<{ items: { id: string; name: string; memberCount: number }[] }>(page, `/api/v1/grids?orgId=${facts.branchA.id}&q=${encodeURIComponent(name)}`);
  expect(list.items).toHaveLength(1);
  expect(list.items[0]!.memberCount).toBe(1);
  await page.screenshot({ path: `${shots}/grid-drawer.png`, fullPage: true });

  // The grid shows in the organization tree under branch A, tagged 网格.
  await page.goto(`${facts.baseUrl}/orgs/${facts.branchA.id}`);
  await expect.poll(() => page.getByTestId('org-tree').innerText()).toContain(name);
  await page.close();
});

it('a branch secretary creates a site and sees the totals', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-branch-a');
  type Totals = { totals: { count: number; totalArea: number; totalInvestment: number } };
  const before = (await apiGet<Totals>(page, `/api/v1/sites?orgId=${facts.branchA.id}`)).totals;
  await page.goto(`${facts.baseUrl}/sites?orgId=${facts.branchA.id}`);
  await expect.poll(() => statNumber(page, 'site-total-count')).toBe(before.count);

  await page.getByTestId('site-new').click();
  await page.getByTestId('site-form-name').fill(`E2E党员服务站${Date.now() % 100000}`);
  await page.getByLabel('建筑面积').fill('250');
  await page.getByLabel('投入资金').fill('120000');
  await page.getByLabel('会议室').check();
  await page.locator('#site-form-submit').click();
  await page.getByTestId('site-drawer').getByText('会议室').waitFor();

  await expect.poll(() => statNumber(page, 'site-total-count')).toBe(before.count + 1);
  expect(await statNumber(page, 'site-total-area')).toBe(Math.floor(before.totalArea + 250));
  expect(await statNumber(page, 'site-total-investment')).toBe(Math.floor(before.totalInvestment + 120000));
  const after = (await apiGet<Totals>(page, `/api/v1/sites?orgId=${facts.branchA.id}`)).totals;
  expect(after).toMatchObject({ count: before.count + 1, totalArea: before.totalArea + 250, totalInvestment: before.totalInvestment + 120000 });

  // The printable card opens from the detail drawer.
  await page.getByTestId('site-print').click();
  await expect.poll(() => page.getByTestId('site-print-card').innerText()).toContain('电子身份证');
  await page.waitForTimeout(400); // let the modal finish its opening animation before the screenshot
  await page.screenshot({ path: `${shots}/site-card.png`, fullPage: true });
  await page.close();
});
