import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where specs put their screenshots. */
export const SHOTS = 'test-results/e2e';

/** Debian's chromium, with the flags this machine's closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Signs in through the login form, as a person would. */
export async function signIn(page: Page, baseUrl: string, username: string, password = 'Demo#2026'): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  // Secretaries land on the tree, plain members on 我的.
  await page.locator('[data-testid="org-tree"], [data-testid="me-page"]').first().waitFor();
}

/** The number inside a statistic card ("党员总数1588人" → 1588). */
export async function statNumber(page: Page, testId: string): Promise<number> {
  const text = await page.getByTestId(testId).innerText();
  const m = text.replace(/,/g, '').match(/\d+/);
  if (!m) throw new Error(`no number in ${testId}: ${text}`);
  return Number(m[0]);
}

/**
 * One browser per spec file, launched before its tests and closed after them.
 * @example const browser = useBrowser(); it('…', async () => { const page = await browser().newPage(); });
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not launched yet');
    return browser;
  };
}

/** GET a JSON API path inside the signed-in page (same cookie as the UI). */
export function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;
}

/** POST JSON inside the signed-in page, with the session's CSRF token, as the console does. */
export function apiPost<T>(page: Page, path: string, body: unknown): Promise<T> {
  return page.evaluate(async ([p, b]) => {
    const me = await (await fetch('/api/v1/auth/me')).json();
    const res = await fetch(p as string, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken }, body: JSON.stringify(b) });
    return res.json();
  }, [path, body] as const) as Promise<T>;
}
