import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, useBrowser, signIn } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();
const shots = SHOTS;

/** Opens 新建下级组织 on the current org page, picks the type and name, saves, waits for the new page. */
async function createChild(page: Page, typeLabel: string, name: string): Promise<string> {
  await page.getByTestId('org-action-create').click();
  await page.getByTestId('org-form-type').click();
  await page.locator('.ant-select-item-option').filter({ hasText: new RegExp(`^${typeLabel}$`) }).click();
  await page.getByTestId('org-form-name').fill(name);
  await page.getByTestId('org-form-submit').click();
  await expect.poll(() => page.getByTestId('org-title').innerText()).toBe(name);
  const id = page.url().split('/orgs/')[1]!;
  expect(id).toMatch(/^\d+$/);
  return id;
}

it('the town secretary creates a branch under the town and a 党小组 under it through the UI; both appear in the tree', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-town');
  await page.goto(`${facts.baseUrl}/orgs/${facts.town.id}`);
  await expect.poll(() => page.getByTestId('org-title').innerText()).toContain(facts.town.name);

  const suffix = Date.now().toString(36).slice(-4);
  const branchName = `浏览器测试村党支部${suffix}`;
  const groupName = `浏览器测试第一党小组${suffix}`;
  const branchId = await createChild(page, '党支部', branchName);
  // A new branch has no members: the size rule shows at once, computed by the server.
  await page.getByTestId('warning-BRANCH_TOO_FEW_FULL').waitFor();
  const groupId = await createChild(page, '党小组', groupName);

  const tree = page.getByTestId('org-tree');
  await expect.poll(() => tree.innerText()).toContain(branchName);
  await expect.poll(() => tree.innerText()).toContain(groupName);
  await page.screenshot({ path: `${shots}/org-admin-created.png`, fullPage: true });

  // The history tab of the group records its creation by the town secretary.
  await page.getByRole('tab', { name: '变更记录' }).click();
  await expect.poll(() => page.getByTestId('history-tab').innerText()).toContain('新建');

  // Dissolve the (empty) group through the UI, with the confirmation dialog; it leaves the tree.
  await page.getByTestId('org-action-dissolve').click();
  await page.getByTestId('restructure-reason').fill('浏览器测试清理');
  await page.getByTestId('restructure-submit').click();
  await page.getByRole('button', { name: '确认撤销' }).click();
  await expect.poll(() => page.getByTestId('org-title').innerText()).toBe(branchName);
  await expect.poll(() => tree.innerText()).not.toContain(groupName);

  // Leave the demo tree as it was for the other specs: dissolve the branch through the API.
  const status = await page.evaluate(async (id) => {
    const me = (await (await fetch('/api/v1/auth/me')).json()) as { csrfToken: string };
    const r = await fetch(`/api/v1/orgs/${id}/dissolve`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify({ reason: '浏览器测试清理' }),
    });
    return r.status;
  }, branchId);
  expect(status).toBe(200);
  expect(groupId).not.toBe(branchId);
  await page.close();
});
