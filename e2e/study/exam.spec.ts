import { expect, inject, it } from 'vitest';
import { apiPost, SHOTS, signIn, useBrowser } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();


it('a secretary builds a bank and an exam; a member sits it in the browser and sees the score', async () => {
  const title = `E2E党章测试${Date.now() % 100000}`;
  const sec = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(sec, facts.baseUrl, 'demo-branch-a');
  await sec.goto(`${facts.baseUrl}/study/exams`);

  // One question through the bank form, two more through the API.
  await sec.getByTestId('exam-bank').click();
  await sec.getByTestId('question-stem').fill('中国共产党的最高理想和最终目标是？');
  await sec.getByTestId('question-options').fill('实现共产主义\n全面建成小康社会\n实现四个现代化');
  await sec.getByText('A. 实现共产主义').click();
  await sec.getByTestId('question-save').click();
  await sec.getByText('已加入题库').waitFor();
  await apiPost(sec, '/api/v1/exams/questions', { orgId: facts.branchA.id, type: 'multiple', stem: '党员的义务包括', options: ['认真学习', '遵守纪律', '谋取私利'], answer: [0, 1] });
  await apiPost(sec, '/api/v1/exams/questions', { orgId: facts.branchA.id, type: 'judge', stem: '预备党员的预备期为一年。', answer: [0] });
  await sec.keyboard.press('Escape');

  await sec.getByTestId('exam-new').click();
  await sec.getByTestId('exam-title').fill(title);
  await sec.getByTestId('exam-minutes').fill('10');
  await sec.getByTestId('exam-pass').fill('6');
  for (const [t, count, points] of [['single', '1', '4'], ['multiple', '1', '6'], ['judge', '1', '3']] as const) {
    await sec.getByTestId(`exam-${t}-count`).fill(count);
    await sec.getByTestId(`exam-${t}-points`).fill(points);
  }
  await sec.locator('#exam-save').click();
  await sec.getByText('考试已发布').waitFor();
  await sec.getByRole('cell', { name: title }).waitFor();
  await sec.close();

  const page = await browser().newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-member');
  await page.goto(`${facts.baseUrl}/study/exams`);
  const row = page.getByRole('row').filter({ hasText: title });
  await row.getByRole('button', { name: '参加考试' }).click();
  await page.getByTestId('exam-sitting').waitFor();
  await page.getByTestId('exam-countdown').waitFor();
  // Closed book: the console's navigation is covered and the paper carries no answers.
  await expect.poll(() => page.getByTestId('org-tree').isVisible().catch(() => false)).toBe(false);
  await page.getByText('A. 实现共产主义').click();
  await page.getByText('A. 认真学习').click();
  await page.getByText('B. 遵守纪律').click();
  await page.getByText('A. 正确').click();
  await page.screenshot({ path: `${SHOTS}/exam-sitting.png`, fullPage: true });
  await page.getByTestId('exam-submit').click();
  await page.locator('.ant-modal-confirm .ant-btn-primary').click();
  await expect.poll(() => page.getByTestId('exam-score').innerText()).toContain('13 / 13');
  await page.screenshot({ path: `${SHOTS}/exam-result.png`, fullPage: true });
  await page.getByTestId('exam-back').click();
  await expect.poll(() => page.getByRole('row').filter({ hasText: title }).innerText()).toContain('13 分');
  await page.close();
});
