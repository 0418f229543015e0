import { expect, inject, it } from 'vitest';
import { SHOTS, useBrowser, signIn, statNumber } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();
const shots = SHOTS;

it('a town secretary signs in, opens the tree, sees figures equal to the database, signs out', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-town');
  await page.goto(`${facts.baseUrl}/orgs/${facts.town.id}`);
  await expect.poll(() => page.getByTestId('org-title').innerText()).toContain(facts.town.name);
  await expect.poll(() => statNumber(page, 'stat-memberTotal')).toBe(facts.town.memberTotal);
  expect(await statNumber(page, 'stat-subOrgTotal')).toBe(facts.town.subOrgTotal);
  expect(await statNumber(page, 'stat-full')).toBe(facts.town.full);
  expect(await statNumber(page, 'stat-probationary')).toBe(facts.town.probationary);
  await page.getByTestId('member-table').waitFor();
  await page.screenshot({ path: `${shots}/town.png`, fullPage: true });

  // Pick branch A in the tree: its own figures replace the town's.
  await page.getByTestId('org-tree').getByText(facts.branchA.name, { exact: true }).first().click();
  await expect.poll(() => page.getByTestId('org-title').innerText()).toContain(facts.branchA.name);
  await expect.poll(() => statNumber(page, 'stat-memberTotal')).toBe(facts.branchA.memberTotal);
  expect(page.url()).toContain(`/orgs/${facts.branchA.id}`);

  await page.getByTestId('logout-button').click();
  await page.getByTestId('logout-confirm').click();
  await page.getByTestId('login-submit').waitFor();
  const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).status);
  expect(me).toBe(401);
  await page.close();
});

it('a branch secretary cannot open the sibling branch', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-branch-b');
  const tree = await page.getByTestId('org-tree').innerText();
  expect(tree).toContain(facts.branchB.name);
  expect(tree).not.toContain(facts.branchA.name);
  expect(tree).not.toContain(facts.town.name);

  await page.goto(`${facts.baseUrl}/orgs/${facts.branchA.id}`);
  await page.getByTestId('forbidden-result').waitFor();
  expect(await page.content()).not.toContain(facts.branchA.name);
  const api = await page.evaluate(async (id) => (await fetch(`/api/v1/members?orgId=${id}`)).status, facts.branchA.id);
  expect(api).toBe(404);
  await page.screenshot({ path: `${shots}/sibling-denied.png`, fullPage: true });
  await page.close();
});
