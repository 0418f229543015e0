import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SHOTS, signIn, useBrowser } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();

/** A JSON call with the page's own session and CSRF token. */
async function call(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: { id?: string; code?: string } }> {
  return page.evaluate(async ({ method, url, body }) => {
    const me = await (await fetch('/api/v1/auth/me')).json();
    const res = await fetch(url, {
      method, headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, json: await res.json() };
  }, { method, url, body });
}

it('a branch secretary records a 支部委员会 with attendance (some absent with reason) and finds it in the list', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-branch-a');
  await page.goto(`${facts.baseUrl}/meetings`);
  // The demo district comes with a year of meetings.
  await page.getByTestId('meeting-table').locator('tbody tr.ant-table-row').first().waitFor();

  await page.getByTestId('meeting-new').click();
  await page.getByTestId('meeting-form').waitFor();
  await page.getByTestId('meeting-form-kind').click();
  await page.locator('.ant-select-item-option').filter({ hasText: /^支部委员会$/ }).click();
  const title = `支委会（浏览器测试 ${Date.now()}）`;
  await page.getByTestId('meeting-form-title').fill(title);
  await page.getByTestId('meeting-form-place').fill('村委会议室');
  await page.getByTestId('meeting-form-host').fill('书记');
  await page.getByTestId('meeting-form-recorder').fill('组织委员');
  await page.getByTestId('meeting-form-topics').fill('研究本月党员发展工作');

  const rows = page.getByTestId('attendance-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  const due = await rows.count();
  expect(due).toBeGreaterThan(2);
  await rows.nth(0).getByText('缺席', { exact: true }).click();
  await rows.nth(1).getByText('请假', { exact: true }).click();
  // An absence without a reason is refused before it reaches the server.
  await page.getByTestId('meeting-form-submit').click();
  await page.getByText('缺席人员须填写原因').waitFor();
  await rows.nth(0).locator('input.ant-input').fill('外出务工');
  await rows.nth(1).locator('input.ant-input').fill('生病住院');
  await expect.poll(() => page.getByTestId('attendance-summary').innerText()).toBe(`应到 ${due} 人，实到 ${due - 2} 人，缺席 1 人，请假 1 人`);
  await page.getByTestId('meeting-form-submit').click();

  await page.waitForURL(/\/meetings\/\d+$/);
  await expect.poll(() => page.getByTestId('meeting-counts').innerText()).toBe(`应到 ${due} 人，实到 ${due - 2} 人，缺席 1 人，请假 1 人`);
  expect(await page.getByTestId('meeting-title').innerText()).toBe(title);
  expect(await page.getByTestId('meeting-edit').isEnabled()).toBe(true);
  await page.screenshot({ path: `${SHOTS}/meeting-detail.png`, fullPage: true });

  await page.getByTestId('meeting-print').click();
  const sheet = page.getByTestId('meeting-print-sheet');
  await sheet.waitFor();
  expect(await sheet.innerText()).toContain('外出务工');
  await page.screenshot({ path: `${SHOTS}/meeting-print.png`, fullPage: true });

  await page.goto(`${facts.baseUrl}/meetings`);
  const row = page.getByTestId('meeting-table').locator('tbody tr.ant-table-row').filter({ hasText: title });
  await row.waitFor();
  expect(await row.innerText()).toContain('支部委员会');
  await page.close();
});

it('a record more than 7 days old is locked: the edit button is disabled and the server refuses a change', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-branch-a');
  const heldAt = new Date(Date.now() - 10 * 86_400_000).toISOString();
  const made = await call(page, 'POST', '/api/v1/meetings', { orgId: facts.branchA.id, kind: 'branch_congress', title: '十天前的党员大会', heldAt });
  expect(made.status).toBe(201);
  const id = made.json.id!;

  await page.goto(`${facts.baseUrl}/meetings/${id}`);
  await page.getByTestId('meeting-locked-alert').waitFor();
  expect(await page.getByTestId('meeting-edit').isDisabled()).toBe(true);
  await page.getByTestId('meeting-locked-tag').first().waitFor();
  await page.screenshot({ path: `${SHOTS}/meeting-locked.png`, fullPage: true });

  const patched = await call(page, 'PATCH', `/api/v1/meetings/${id}`, { place: '事后补写' });
  expect(patched).toMatchObject({ status: 409, json: { code: 'MEETING_LOCKED' } });
  await page.close();
});

it('a member sees 我的组织生活: this year’s meetings due, attended and missed', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-member');
  await page.goto(`${facts.baseUrl}/meetings`);
  await page.waitForURL(/\/meetings\/my$/);
  const rows = page.getByTestId('my-meetings-table').locator('tbody tr.ant-table-row');
  await rows.first().waitFor();
  const mine = await page.evaluate(async () => (await fetch('/api/v1/meetings/mine')).json());
  expect(mine.due).toBeGreaterThan(10);
  await expect.poll(async () => (await page.getByTestId('my-attended').innerText()).replace(/\D/g, '')).toBe(String(mine.attended));
  await page.screenshot({ path: `${SHOTS}/meeting-mine.png`, fullPage: true });
  await page.close();
});
