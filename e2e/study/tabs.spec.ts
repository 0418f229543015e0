import { expect, inject, it } from 'vitest';
import { SHOTS, signIn, useBrowser } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();

it('every study tab opens for a secretary without an error', async () => {
  const page = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await signIn(page, facts.baseUrl, 'demo-branch-a');
  for (const [tab, text] of [['lessons', '党课记录'], ['micro', '投票评选'], ['items', '推送学习资料'], ['trainings', '我的培训档案']] as const) {
    await page.goto(`${facts.baseUrl}/study/${tab}`);
    await page.getByText(text).first().waitFor();
    await page.screenshot({ path: `${SHOTS}/study-${tab}.png` });
  }
  expect(errors).toEqual([]);
  await page.close();
});
