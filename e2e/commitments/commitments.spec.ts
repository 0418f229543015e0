import { expect, inject, it } from 'vitest';
import { apiGet, SHOTS, signIn, useBrowser } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();

type Mine = { items: { id: string; content: string; status: string }[] };
type Board = { cards: { name: string; commitments: { id: string; content: string }[] }[] };

it('a member writes and submits a commitment on a phone; branch A approves it; the public board shows it to anonymous visitors at 390 px', async () => {
  const A = facts.branchA.id;
  const content = `每月为独居老人送一次生活用品-${Date.now() % 100000}`;

  // 我的承诺 on a phone: write, save as a draft, submit.
  const phone = await browser().newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await signIn(phone, facts.baseUrl, 'demo-member');
  await phone.goto(`${facts.baseUrl}/commitments`);
  await phone.getByTestId('my-commitment-input').fill(content);
  await phone.getByTestId('my-commitment-add').click();
  const card = phone.getByTestId('my-commitment').filter({ hasText: content });
  await card.getByTestId('my-commitment-submit').click();
  await phone.getByTestId('my-commitment-submit-confirm').click();
  await expect.poll(() => card.getByTestId('commitment-status').innerText()).toBe('待审核');
  const wide = await phone.evaluate(() => [...document.querySelectorAll('[data-testid^="my-"]')].map((e) => [e.getAttribute('data-testid'), e.getBoundingClientRect().right]).filter(([, r]) => Number(r) > 391));
  expect(wide).toEqual([]); // the member's page never needs sideways scrolling on a phone
  await phone.screenshot({ path: `${SHOTS}/commitments-member-phone.png` });
  const id = (await apiGet<Mine>(phone, '/api/v1/commitments/mine')).items.find((c) => c.content === content)!.id;

  // 承诺管理 on the desk: the secretary of branch A approves it.
  const desk = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(desk, facts.baseUrl, 'demo-branch-a');
  await desk.goto(`${facts.baseUrl}/commitments/manage?orgId=${A}`);
  await desk.getByTestId('commitments-table').waitFor();
  await desk.locator('input[placeholder="姓名、组织或内容"]').fill(content);
  await desk.locator('input[placeholder="姓名、组织或内容"]').press('Enter');
  await desk.getByTestId(`commitment-approve-${id}`).click();
  await desk.getByTestId('commitment-approve-confirm').click();
  await expect.poll(async () => (await apiGet<Mine>(phone, '/api/v1/commitments/mine')).items.find((c) => c.id === id)?.status).toBe('approved');
  await desk.close();

  // The public board, anonymous, on a phone: the village is remembered and the commitment shows.
  const ctx = await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const pub = await ctx.newPage();
  const scripts: string[] = [];
  pub.on('request', (r) => { if (r.resourceType() === 'script') scripts.push(r.url()); });
  await pub.goto(`${facts.baseUrl}/public/commitments?villageId=${A}`);
  await pub.getByTestId('commitment-board').waitFor();
  const item = pub.getByTestId('cm-item').filter({ hasText: content });
  await item.waitFor();
  expect(scripts.some((u) => /antd/.test(u))).toBe(false);
  const board = await pub.evaluate(async (v) => (await fetch(`/api/v1/public/commitments?villageId=${v}`)).json(), A) as Board;
  expect(board.cards.some((c) => c.commitments.some((x) => x.id === id))).toBe(true);
  const text = await pub.locator('body').innerText();
  expect(text).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
  expect(text).not.toMatch(/(?<!\d)\d{17}[\dXx](?!\d)/);

  // A resident's feedback, then the large-font mode still fits the phone.
  await item.getByTestId(`cm-feedback-open-${id}`).click();
  await item.getByTestId(`cm-feedback-text-${id}`).fill('党员同志热心肠，为老人办实事');
  await item.getByTestId(`cm-feedback-send-${id}`).click();
  await expect.poll(() => item.innerText()).toContain('党员同志热心肠，为老人办实事');
  await pub.getByTestId('large-font-toggle').click();
  expect(await pub.evaluate(() => document.documentElement.classList.contains('large'))).toBe(true);
  expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
  await pub.screenshot({ path: `${SHOTS}/commitments-public-phone.png`, fullPage: false });

  // Coming back without ?villageId= the same village is chosen (remembered on this phone).
  await pub.goto(`${facts.baseUrl}/public/commitments`);
  await pub.getByTestId('cm-item').first().waitFor();
  expect(pub.url()).toContain(`villageId=${A}`);
  await ctx.close();
  await phone.close();
}, 150_000); // a busy machine: the journey spans three pages

it('the branch confirms completion (points once), answers a resident\'s feedback, and the answer shows on the public board', async () => {
  const A = facts.branchA.id;
  const desk = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(desk, facts.baseUrl, 'demo-branch-a');
  type List = { items: { id: string; memberId: string | null; content: string; completedAt: string | null; status: string }[] };
  const open = (await apiGet<List>(desk, `/api/v1/commitments?orgId=${A}&status=approved&completed=no&kind=member&pageSize=200`)).items[0]!;
  const points = async () => (await apiGet<{ balance: number }>(desk, `/api/v1/points/members/${open.memberId}`)).balance;
  const before = await points();

  await desk.goto(`${facts.baseUrl}/commitments/manage?orgId=${A}`);
  await desk.locator('input[placeholder="姓名、组织或内容"]').fill(open.content);
  await desk.locator('input[placeholder="姓名、组织或内容"]').press('Enter');
  await desk.getByTestId(`commitment-complete-${open.id}`).click();
  await desk.getByTestId('commitment-complete-note').fill('承诺事项已兑现，群众满意');
  await desk.getByTestId('commitment-complete-ok').click();
  await expect.poll(points).toBe(before + 2);

  // A resident comments anonymously; the branch answers in 群众评价.
  const words = `感谢党员同志-${Date.now() % 100000}`;
  const pub = await (await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' })).newPage();
  await pub.goto(`${facts.baseUrl}/public/commitments?villageId=${A}`);
  const item = pub.getByTestId('cm-item').filter({ hasText: open.content }).first();
  await item.waitFor();
  await item.getByTestId(`cm-feedback-open-${open.id}`).click();
  await item.getByTestId(`cm-feedback-text-${open.id}`).fill(words);
  await item.getByTestId(`cm-feedback-send-${open.id}`).click();
  await expect.poll(() => item.innerText()).toContain(words);

  await desk.getByRole('tab', { name: '群众评价' }).click();
  const row = desk.getByTestId('commitment-feedback-table').locator('tr', { hasText: words });
  await row.locator('button', { hasText: '回复' }).click();
  await desk.getByTestId('feedback-answer-text').fill('感谢您的监督，我们会继续努力');
  await desk.getByTestId('feedback-answer-ok').click();
  await row.waitFor({ state: 'detached' }); // no longer waiting for an answer
  await desk.getByRole('tab', { name: '承诺管理' }).click();
  await desk.getByTestId('commitments-table').waitFor();
  await desk.screenshot({ path: `${SHOTS}/commitments-manage-desk.png` });

  await pub.reload();
  const again = pub.getByTestId('cm-item').filter({ hasText: words });
  await expect.poll(() => again.innerText()).toContain('支部回复：感谢您的监督，我们会继续努力');
  expect(await again.innerText()).toContain('已践诺');
  await desk.close();
  await pub.context().close();
}, 150_000);
