import { expect, inject, it } from 'vitest';
import { SHOTS, signIn, useBrowser } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();

it('a member on a phone (390 px) gets a console that fits the screen', async () => {
  const page = await browser().newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-member');
  for (const path of ['/orgs', '/points']) {
    await page.goto(`${facts.baseUrl}${path}`);
    await page.getByTestId('logout-button').waitFor();
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(390);
  }
  await page.screenshot({ path: `${SHOTS}/phone-points.png` });
  await page.close();
});
