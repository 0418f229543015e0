import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiPost, SHOTS, useBrowser, signIn } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();
const shots = SHOTS;

interface Found { id: string; name: string; namePinyin: string }

/** A member of branch A, read through the API with the page's own session. */
async function memberOfA(page: Page, index: number): Promise<Found> {
  return page.evaluate(async ({ orgId, index }) => {
    const list = await (await fetch(`/api/v1/members?orgId=${orgId}&limit=10`)).json();
    const id = list.items[index].id as string;
    return (await fetch(`/api/v1/members/${id}`)).json();
  }, { orgId: facts.branchA.id, index });
}

/** Picks an organization in an antd TreeSelect by typing part of its name. */
async function pickOrg(page: Page, testId: string, name: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(name.slice(0, 6));
  await page.locator('.ant-select-tree-treenode').filter({ hasText: name }).last().click();
}

it('a branch secretary finds a member by pinyin initials and opens the record, PII masked until 查看', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-branch-a');
  await page.goto(`${facts.baseUrl}/members`);
  await page.getByTestId('member-table').locator('tbody tr.ant-table-row').first().waitFor();
  const m = await memberOfA(page, 0);
  const initials = m.namePinyin.split(' ').map((s) => s[0]).join('');

  await page.getByTestId('member-search').locator('input').fill(initials);
  await page.getByTestId('member-search').locator('input').press('Enter');
  await expect.poll(() => page.getByTestId('member-total').innerText()).toMatch(/共 \d+ 人/);
  const row = page.getByTestId('member-table').locator('tbody tr.ant-table-row').filter({ hasText: m.name }).first();
  await row.waitFor();
  const rows = await page.getByTestId('member-table').locator('tbody tr.ant-table-row').allInnerTexts();
  expect(rows.length).toBeLessThan(facts.branchA.memberTotal);
  await row.click();

  const detail = page.getByTestId('member-detail');
  await detail.waitFor();
  expect(await detail.innerText()).toContain(m.name);
  expect(await page.getByTestId('member-idNumber').innerText()).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
  await page.getByTestId('reveal-idNumber').click();
  await expect.poll(() => page.getByTestId('member-idNumber').innerText()).toMatch(/^\d{17}[\dX]$/);
  await page.screenshot({ path: `${shots}/member-detail.png`, fullPage: true });
  await page.close();
});

it('a town secretary moves a member to the sibling branch in the UI; the organization and the history change', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-town');
  await page.goto(`${facts.baseUrl}/members`);
  await page.getByTestId('member-table').locator('tbody tr.ant-table-row').first().waitFor();
  const m = await memberOfA(page, 1);
  try {
    await page.getByTestId('member-search').locator('input').fill(m.name);
    await page.getByTestId('member-search').locator('input').press('Enter');
    await page.getByTestId('member-table').locator('tbody tr.ant-table-row').filter({ hasText: m.name }).first().click();
    await expect.poll(() => page.getByTestId('member-detail-org').innerText()).toBe(facts.branchA.name);

    await page.getByTestId('member-move').click();
    await pickOrg(page, 'member-move-target', facts.branchB.name);
    await page.getByTestId('member-move-reason').fill('居住地变更，转入乙支部');
    await page.getByTestId('member-move-submit').click();
    await page.getByTestId('member-move-confirm').click();

    await expect.poll(() => page.getByTestId('member-detail-org').innerText()).toBe(facts.branchB.name);
    await page.getByTestId('member-history-tab').click();
    const entry = page.getByTestId('member-history-entry').first();
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain('组织内转接');
    expect(text).toContain(facts.branchB.name);
    expect(text).toContain('居住地变更');
    await page.screenshot({ path: `${shots}/member-moved.png`, fullPage: true });
  } finally {
    // Put the member back, so other specs' figures for branch A still hold.
    await apiPost(page, `/api/v1/members/${m.id}/move`, { toOrgId: facts.branchA.id, reason: '测试后复原' });
    await page.close();
  }
});
