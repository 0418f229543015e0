import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { idCheckChar } from '@dangjian/contracts';
import { SHOTS, signIn, useBrowser } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();

/** Dates a real case has under the 2014 细则: a year as activist, a one-year probation. */
const DATES: Record<number, string> = {
  1: '2023-03-01', 2: '2023-03-20', 3: '2023-06-10', 4: '2023-06-20', 5: '2023-06-25', 6: '2023-12-25', 7: '2024-06-15',
  8: '2024-06-25', 9: '2024-07-01', 10: '2024-07-20', 11: '2024-08-05', 12: '2024-08-20', 13: '2024-09-05', 14: '2024-09-10',
  15: '2024-09-20', 16: '2024-10-10', 17: '2024-11-15', 18: '2024-11-25', 19: '2024-12-01', 20: '2024-12-10', 21: '2025-06-10',
  22: '2025-08-20', 23: '2025-09-22', 24: '2025-10-20', 25: '2025-11-10',
};

/** A valid ID number of someone born in 1999, unique per run. */
function idNumber(): string {
  const seq = String(100 + Math.floor(Math.random() * 800)).padStart(3, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const first17 = `320802199903${day}${seq}`;
  return first17 + idCheckChar(first17);
}

/** Records steps through the API with the page's own session (cookie + CSRF from /auth/me). */
async function stepsByApi(page: Page, caseId: string, from: number, to: number) {
  return page.evaluate(async ({ caseId, from, to, dates }) => {
    const me = await (await fetch('/api/v1/auth/me')).json();
    const eligible = (await (await fetch(`/api/v1/development-cases/${caseId}/eligible-members`)).json()).items.map((m: { id: string }) => m.id);
    const votes = { entitled: 9, present: 8, yes: 8 };
    const factsOf: Record<number, unknown> = {
      5: { contactIds: eligible.slice(0, 1) }, 9: { introducerIds: eligible.slice(0, 2) }, 10: { politicalReviewPassed: true },
      11: { trainingDays: 3, trainingHours: 24 }, 15: { votes }, 16: { talker: '李组织员' }, 23: { votes },
    };
    for (let n = from; n <= to; n++) {
      const res = await fetch(`/api/v1/development-cases/${caseId}/steps`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
        body: JSON.stringify({ stepNo: n, doneOn: dates[n], facts: factsOf[n] ?? {} }),
      });
      if (!res.ok) return `step ${n}: ${res.status} ${await res.text()}`;
    }
    return 'ok';
  }, { caseId, from, to, dates: DATES });
}

it('a branch secretary takes an applicant through all 25 steps; a too-early step is refused with the rule named', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-branch-a');
  await page.goto(`${facts.baseUrl}/development`);
  await page.getByTestId('dev-pipeline').waitFor();
  await page.getByTestId('dev-new').click();

  // Step 1 in the UI: the new-case form.
  const name = '陈发展';
  await page.getByTestId('dev-new-org').click();
  await page.keyboard.type(facts.branchA.name.slice(0, 6));
  await page.locator('.ant-select-tree-treenode').filter({ hasText: facts.branchA.name }).last().click();
  await page.getByTestId('dev-new-name').fill(name);
  await page.getByTestId('dev-new-idNumber').fill(idNumber());
  await page.getByTestId('dev-new-phone').fill('13812345678');
  await page.getByTestId('dev-new-appliedOn').fill(DATES[1]!);
  await page.getByTestId('dev-new-submit').click();
  await page.getByTestId('dev-timeline').waitFor();
  const caseId = page.url().split('/').pop()!;
  expect(caseId).toMatch(/^\d+$/);

  // Steps 2 and 3 in the UI.
  await page.getByTestId('dev-step-date').fill(DATES[2]!);
  await page.getByTestId('dev-fact-talker').fill('王书记');
  await page.getByTestId('dev-step-submit').click();
  await expect.poll(() => page.getByTestId('dev-step-2').innerText()).toContain(DATES[2]);
  expect(await page.getByTestId('dev-step-2').innerText()).toContain('王书记');
  await page.getByTestId('dev-step-date').fill(DATES[3]!);
  await page.getByTestId('dev-step-submit').click();
  await expect.poll(() => page.getByTestId('dev-step-3').innerText()).toContain(DATES[3]);

  // Steps 4–6 through the API, then a too-early step 7 in the UI: refused, the rule named.
  expect(await stepsByApi(page, caseId, 4, 6)).toBe('ok');
  await page.reload();
  await page.getByTestId('dev-step-date').fill('2024-06-09');
  await page.getByTestId('dev-step-submit').click();
  const err = page.getByTestId('dev-rule-error');
  await err.waitFor();
  expect(await err.innerText()).toContain('入党积极分子经12个月以上培养考察方可确定为发展对象');
  expect(await err.innerText()).toContain('2024-06-10');
  await page.screenshot({ path: `${SHOTS}/development-refused.png`, fullPage: true });
  expect(await page.getByTestId('dev-step-7').innerText()).toContain('下一步');

  // The rest through the API; the timeline shows all 25, and the person is in the registry.
  expect(await stepsByApi(page, caseId, 7, 17)).toBe('ok');
  const probationary = await page.evaluate(async (id) => {
    const c = await (await fetch(`/api/v1/development-cases/${id}`)).json();
    return (await fetch(`/api/v1/members/${c.memberId}`)).json();
  }, caseId);
  expect(probationary).toMatchObject({ name, status: 'probationary', joinedOn: DATES[15] });
  expect(await stepsByApi(page, caseId, 18, 25)).toBe('ok');
  await page.reload();
  await page.getByTestId('dev-timeline').waitFor();
  expect(await page.getByTestId('dev-status').innerText()).toBe('已完成');
  expect(await page.getByTestId('dev-step-25').innerText()).toContain(DATES[25]);
  expect(await page.getByTestId('dev-timeline').locator('[data-testid^="dev-step-"]').count()).toBe(25);
  await page.screenshot({ path: `${SHOTS}/development-complete.png`, fullPage: true });
  const full = await page.evaluate(async (id) => {
    const c = await (await fetch(`/api/v1/development-cases/${id}`)).json();
    return (await fetch(`/api/v1/members/${c.memberId}`)).json();
  }, caseId);
  expect(full).toMatchObject({ name, status: 'full', joinedOn: '2024-09-20', fullOn: '2025-09-20' });

  // The printable 入党申请人备案登记表 renders from the case.
  await page.goto(`${facts.baseUrl}/development/${caseId}/print/filing`);
  expect(await page.getByTestId('dev-print-form').innerText()).toContain(name);
  await page.close();
});

it('the public 公示栏 opens without signing in, on a phone, light, with a large-font mode', async () => {
  const page = await browser().newPage({ locale: 'zh-CN', viewport: { width: 390, height: 844 } });
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(`${facts.baseUrl}/public/notices`);
  await page.getByTestId('public-notices').waitFor();
  expect(page.url()).toContain('/public/notices');
  expect(await page.locator('body').innerText()).toContain('发展党员公示栏');
  // The public side is its own small page: none of the console's UI library is fetched.
  expect(scripts.some((u) => /antd|echarts/.test(u))).toBe(false);
  const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await page.getByTestId('large-font-toggle').click();
  const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(after).toBeGreaterThan(before);
  await page.screenshot({ path: 'test-results/e2e/public-notices-phone.png' });
  await page.close();
});
