import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiPost, SHOTS, useBrowser, signIn } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();

/** A member of an organization, through the API with the page's own session. */
async function memberOf(page: Page, orgId: string, index: number): Promise<{ id: string; name: string; orgId: string }> {
  return page.evaluate(async ({ orgId, index }) => {
    const list = await (await fetch(`/api/v1/members?orgId=${orgId}&limit=20`)).json();
    return list.items[index];
  }, { orgId, index });
}

/** Types into an antd search-as-you-type Select and picks the option that contains `text`. */
async function pick(page: Page, testId: string, typed: string, text: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

it('the town secretary transfers a member from branch A to branch B inside the tree, done in one step', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-town');
  await page.goto(`${facts.baseUrl}/transfers/out`);
  await page.getByTestId('out-table').waitFor();
  const m = await memberOf(page, facts.branchA.id, 2);
  try {
    await page.getByTestId('new-internal').click();
    await pick(page, 'member-picker', m.name, m.name);
    await pick(page, 'destination-picker', facts.branchB.name.slice(-6), facts.branchB.name);
    await page.getByTestId('internal-reason').fill('工作单位变更，转入乙支部');
    await page.getByTestId('internal-form-ok').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();

    const row = page.getByTestId('out-table').locator('tbody tr.ant-table-row').filter({ hasText: m.name }).first();
    await row.waitFor();
    await expect.poll(() => row.innerText()).toContain('已办结');
    expect(await row.innerText()).toContain(facts.branchB.name);
    const now = await page.evaluate(async (id) => (await (await fetch(`/api/v1/members/${id}`)).json()).orgId, m.id);
    expect(now).toBe(facts.branchB.id);
    await page.screenshot({ path: `${SHOTS}/transfer-internal-done.png`, fullPage: true });
  } finally {
    // Put the member back so other specs' figures for branch A still hold.
    await apiPost(page, `/api/v1/members/${m.id}/move`, { toOrgId: facts.branchA.id, reason: '测试后复原' });
    await page.close();
  }
});

it('issuing an outgoing letter shows the printable 介绍信 with its number', async () => {
  const page = await browser().newPage({ viewport: { width: 1280, height: 1000 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-town');
  await page.goto(`${facts.baseUrl}/transfers/out`);
  await page.getByTestId('out-table').waitFor();
  const m = await memberOf(page, facts.branchB.id, 3);
  await page.getByTestId('new-letter').click();
  await pick(page, 'letter-member', m.name, m.name);
  await page.getByTestId('letter-destination').fill('某市财政局机关党委');
  await page.getByTestId('letter-reason').fill('工作调动');
  await page.getByTestId('letter-form-ok').click();
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();

  const letter = page.getByTestId('letter-print');
  await letter.waitFor();
  const no = await page.getByTestId('letter-no').innerText();
  expect(no).toMatch(/^党介〔\d{4}〕第\d{4}号$/);
  const text = await letter.innerText();
  expect(text).toContain(m.name);
  expect(text).toContain('某市财政局机关党委');
  expect(text).toContain('回执');
  await page.screenshot({ path: `${SHOTS}/transfer-letter.png`, fullPage: true });
  // The member has left the active roster.
  const status = await page.evaluate(async (id) => (await fetch(`/api/v1/members/${id}`)).status, m.id);
  expect(status).toBe(404);
  await page.close();
});
