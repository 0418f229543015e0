import { expect, inject, it } from 'vitest';
import { SHOTS, signIn, useBrowser } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();

it('a member on a phone (390 px) gets a console that fits the screen', async () => {
  const page = await browser().newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await signIn(page, facts.baseUrl, 'demo-member');
  // A plain member lands on 我的, whose tiles carry figures from the records and open the member's pages.
  await expect.poll(() => new URL(page.url()).pathname).toBe('/me');
  await expect.poll(() => page.getByTestId('me-meetings').innerText()).toMatch(/\d+ \/ \d+/);
  await expect.poll(() => page.getByTestId('me-points').innerText()).toMatch(/\d+ 分/);
  await page.screenshot({ path: `${SHOTS}/phone-me.png` });
  await page.getByTestId('me-wishes').click();
  await page.waitForURL('**/wishes/mine');
  for (const path of ['/me', '/orgs', '/points']) {
    await page.goto(`${facts.baseUrl}${path}`);
    await page.getByTestId('logout-button').waitFor();
    await page.waitForLoadState('networkidle');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, path).toBeLessThanOrEqual(390);
  }
  await page.screenshot({ path: `${SHOTS}/phone-points.png` });
  await page.close();
});
