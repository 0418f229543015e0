import { expect, inject, it } from 'vitest';
import { apiGet, SHOTS, signIn, useBrowser } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();

type Mine = { member: { memberId: string; name: string; balance: number; orders: { id: string; goodsName: string; status: string }[] } };
type Goods = { items: { id: string; name: string; stock: number }[] };

it('a secretary adds 10 points and a goods item; the member orders it on a phone; the branch records the hand-over', async () => {
  const A = facts.branchA.id;
  const phone = await browser().newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await signIn(phone, facts.baseUrl, 'demo-member');
  const start = (await apiGet<Mine>(phone, '/api/v1/points/mine')).member;

  // 党员积分: +10 with a reason.
  const desk = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(desk, facts.baseUrl, 'demo-branch-a');
  await desk.goto(`${facts.baseUrl}/points/members?orgId=${A}`);
  await desk.getByTestId('points-members-table').waitFor();
  const search = desk.locator('input[placeholder="按姓名搜索"]');
  await search.fill(start.name);
  await search.press('Enter');
  await desk.getByTestId(`points-adjust-${start.memberId}`).click();
  await desk.getByTestId('points-adjust-delta').fill('10');
  await desk.getByTestId('points-adjust-reason').fill('参加防汛值守表现突出');
  await desk.getByTestId('points-adjust-ok').click();
  const row = desk.getByTestId('points-members-table').locator('tr', { hasText: start.name });
  await expect.poll(() => row.getByTestId('points-member-balance').innerText()).toBe(String(start.balance + 10));

  // 兑换物品: one item in stock.
  const name = `洗衣粉-${Date.now() % 100000}`;
  await desk.getByRole('tab', { name: '兑换物品' }).click();
  await desk.getByTestId('points-goods-add').click();
  await desk.getByTestId('points-goods-name').fill(name);
  await desk.getByTestId('points-goods-price').fill('6');
  await desk.getByTestId('points-goods-stock-input').fill('1');
  await desk.getByTestId('points-goods-ok').click();
  await desk.getByTestId('points-goods-table').locator('tr', { hasText: name }).waitFor();
  const goods = (await apiGet<Goods>(desk, `/api/v1/points/goods?orgId=${A}`)).items.find((g) => g.name === name)!;

  // The member, on a phone: the new balance, then the order.
  await phone.goto(`${facts.baseUrl}/points`);
  await expect.poll(() => phone.getByTestId('points-balance').innerText()).toContain(String(start.balance + 10));
  await phone.getByTestId(`points-redeem-${goods.id}`).click();
  await phone.getByTestId('points-redeem-confirm').click();
  await expect.poll(() => phone.getByTestId('points-balance').innerText()).toContain(String(start.balance + 4));
  await phone.screenshot({ path: `${SHOTS}/points-member-phone.png` });
  const wide = await phone.evaluate(() => [...document.querySelectorAll('[data-testid^="points-"]')].map((e) => [e.getAttribute('data-testid'), e.getBoundingClientRect().right]).filter(([, r]) => Number(r) > 391));
  expect(wide).toEqual([]); // the points page itself never needs sideways scrolling on a phone
  const order = (await apiGet<Mine>(phone, '/api/v1/points/mine')).member.orders.find((o) => o.goodsName === name)!;
  expect(order.status).toBe('placed');

  // 兑换订单: the branch records the hand-over.
  await desk.getByRole('tab', { name: '兑换订单' }).click();
  await desk.getByTestId(`points-hand-over-${order.id}`).click();
  await desk.getByTestId('points-hand-over-confirm').click();
  await expect.poll(async () => (await apiGet<Mine>(phone, '/api/v1/points/mine')).member.orders.find((o) => o.id === order.id)?.status).toBe('handed_over');

  const end = (await apiGet<Mine>(phone, '/api/v1/points/mine')).member;
  expect(end.balance).toBe(start.balance + 10 - 6);
  expect((await apiGet<Goods>(desk, `/api/v1/points/goods?orgId=${A}`)).items.find((g) => g.id === goods.id)?.stock).toBe(0);
  await phone.close();
  await desk.close();
});
