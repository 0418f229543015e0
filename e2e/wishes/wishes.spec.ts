import { expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { apiGet, SHOTS, signIn, useBrowser } from '../browser.ts';
import { smsCode, smsCount } from '../sms.ts';

const facts = inject('e2e');
const browser = useBrowser();
const PHONE = { viewport: { width: 390, height: 844 }, locale: 'zh-CN', isMobile: true, hasTouch: true } as const;

type Grids = { items: { id: string; name: string; villageId: string; villageName: string }[] };
type Wish = { id: string; status: string; photoIds: string[]; fulfilPhotoIds: string[]; pointsAwarded: number | null };
type Mine = { member: { memberId: string; balance: number; entries: { delta: number; note: string | null }[] } | null };

/** Waits up to 15 s: a write on the embedded database (with the points award) can take a few seconds. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

/** No element of the page sticks out past a 390 px phone screen. */
async function fitsPhone(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

it('a resident posts a wish on a phone; the branch accepts it; a member claims and fulfils it; the resident confirms; the member earns 3 points', async () => {
  const A = facts.branchA.id;
  const title = `楼道灯坏了-${Date.now() % 100000}`;
  const phoneNo = `137${String(Date.now() % 1e8).padStart(8, '0')}`;

  // 我要许愿 on a phone, with a photo and the SMS code.
  const resident = await browser().newPage(PHONE);
  await resident.goto(`${facts.baseUrl}/public/wishes/new`);
  const grids = await apiGet<Grids>(resident, '/api/v1/public/wish-grids');
  const grid = grids.items.find((g) => g.villageId === A);
  expect(grid, 'a grid of branch A\'s village').toBeDefined();
  await resident.getByTestId('wish-village-select').selectOption(A);
  await resident.getByTestId('wish-grid-select').selectOption(grid!.id);
  await resident.getByTestId('wish-category-living').click();
  await resident.getByTestId('wish-title').fill(title);
  await resident.getByTestId('wish-content').fill('三号楼二单元楼道灯坏了一个多月，老人晚上上下楼不方便。');
  await resident.getByTestId('wish-nickname').fill('王阿姨');
  const photo = await resident.screenshot({ clip: { x: 0, y: 0, width: 320, height: 200 } });
  await resident.getByTestId('wish-photo-input').setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: photo });
  await resident.locator('.thumb img').waitFor();
  // Submitting without the phone names the field.
  await resident.getByTestId('wish-submit').click();
  await poll(() => resident.getByTestId('wish-error-phone').innerText()).toContain('11 位手机号码');
  await resident.getByTestId('wish-phone').fill(phoneNo);
  const before = smsCount(facts.smsLog, phoneNo);
  await resident.getByTestId('wish-code-send').click();
  await poll(() => resident.getByTestId('wish-code-send').innerText()).toMatch(/秒后重发/);
  await resident.getByTestId('wish-code').fill(await smsCode(facts.smsLog, phoneNo, before));
  await fitsPhone(resident);
  await resident.screenshot({ path: `${SHOTS}/wish-post-phone.png`, fullPage: true });
  await resident.getByTestId('wish-submit').click();
  await resident.getByTestId('wish-post-done').waitFor();
  expect(await resident.getByTestId('wish-post-done').innerText()).toContain('提交成功，等待审核');
  const tickets = await resident.evaluate(() => JSON.parse(localStorage.getItem('dj-wish-tickets') ?? '[]') as { id: string; token: string }[]);
  expect(tickets).toHaveLength(1);
  const wishId = tickets[0]!.id;

  // The branch secretary accepts it in the console (pending is the list's first filter).
  const desk = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(desk, facts.baseUrl, 'demo-branch-a');
  await desk.goto(`${facts.baseUrl}/wishes/manage?orgId=${A}`);
  await desk.getByTestId(`wish-open-${wishId}`).click();
  await desk.getByTestId('wish-drawer').getByText(title).first().waitFor();
  await poll(() => desk.getByTestId('wish-photos').locator('img').count()).toBe(1);
  await desk.getByTestId('wish-accept').click();
  await desk.getByTestId('wish-accept-confirm').click();
  await poll(async () => (await apiGet<Wish>(desk, `/api/v1/wishes/${wishId}`)).status).toBe('open');
  await desk.screenshot({ path: `${SHOTS}/wish-console-drawer.png` });

  // The member, on a phone: 我的微心愿 → 可认领 → 认领, then 完成服务 with a photo and a note.
  const member = await browser().newPage(PHONE);
  await signIn(member, facts.baseUrl, 'demo-member');
  const start = (await apiGet<Mine>(member, '/api/v1/points/mine')).member!;
  await member.goto(`${facts.baseUrl}/wishes`);
  await member.getByRole('tab', { name: /可认领/ }).click();
  await member.getByTestId(`wish-claim-${wishId}`).click();
  await member.getByTestId('wish-claim-confirm').click();
  await poll(async () => (await apiGet<Wish>(member, `/api/v1/wishes/${wishId}`)).status).toBe('claimed');
  await member.getByRole('tab', { name: /我认领的/ }).click();
  await member.getByTestId(`my-wish-${wishId}`).getByText(/前完成/).waitFor();
  await fitsPhone(member);
  await member.getByTestId(`wish-fulfil-${wishId}`).click();
  await member.locator('.ant-modal input[type=file]').setInputFiles({ name: 'done.png', mimeType: 'image/png', buffer: photo });
  await member.getByTestId('wish-fulfil-note').fill('已上门更换楼道灯泡两个，灯已经亮了。');
  await member.screenshot({ path: `${SHOTS}/wish-member-fulfil-phone.png` });
  await member.getByTestId('wish-fulfil-ok').click();
  await poll(async () => (await apiGet<Wish>(member, `/api/v1/wishes/${wishId}`)).status).toBe('fulfilled');
  expect((await apiGet<Wish>(member, `/api/v1/wishes/${wishId}`)).fulfilPhotoIds).toHaveLength(1);

  // The resident confirms on 我的心愿 (the phone kept the wish's token).
  await resident.goto(`${facts.baseUrl}/public/wishes/mine`);
  const card = resident.getByTestId(`wish-card-${wishId}`);
  await card.getByTestId('wish-satisfied').click();
  await card.getByTestId('wish-satisfied-ok').click();
  await poll(() => card.getByTestId('wish-status').innerText()).toBe('已完成');
  expect(await card.locator('.photos img').count()).toBe(2); // the wish's photo and the member's
  await fitsPhone(resident);
  await resident.screenshot({ path: `${SHOTS}/wish-mine-phone.png`, fullPage: true });

  // The member's points page shows the +3.
  await member.goto(`${facts.baseUrl}/points`);
  await poll(() => member.getByTestId('points-balance').innerText()).toContain(String(start.balance + 3));
  await member.getByRole('tab', { name: '积分明细' }).click();
  await poll(() => member.getByTestId('points-entries').locator('tr.ant-table-row').first().innerText()).toContain('+3');
  expect((await apiGet<Wish>(member, `/api/v1/wishes/${wishId}`)).pointsAwarded).toBe(3);

  // The wall of the grid shows it done, with no phone number anywhere.
  await resident.goto(`${facts.baseUrl}/public/wishes?gridId=${grid!.id}`);
  await resident.getByTestId('wish-tab-confirmed').click();
  const onWall = resident.getByTestId(`wish-card-${wishId}`);
  await poll(() => onWall.getByTestId('wish-status').innerText()).toBe('已完成');
  expect(await onWall.innerText()).toContain('王阿姨');
  expect(await resident.locator('body').innerText()).not.toContain(phoneNo);
  await fitsPhone(resident);
  // Large-font mode for elderly readers.
  await resident.getByTestId('large-font-toggle').click();
  expect(await resident.evaluate(() => document.documentElement.classList.contains('large'))).toBe(true);
  await fitsPhone(resident);
  await resident.screenshot({ path: `${SHOTS}/wish-wall-phone-large.png`, fullPage: true });
  await resident.close();
  await member.close();
  await desk.close();
});

/** Posts a wish as a resident through the public API (code from the server's SMS log). */
async function postWish(gridId: string, phone: string, title: string): Promise<{ id: string; token: string }> {
  const api = (path: string, body: unknown) => fetch(`${facts.baseUrl}/api/v1/public${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const before = smsCount(facts.smsLog, phone);
  expect((await api('/wishes/code', { phone })).status).toBe(200);
  const res = await api('/wishes', { gridId, category: 'environment', title, content: '小区门口的垃圾堆了好几天没人清理。', phone, code: await smsCode(facts.smsLog, phone, before) });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; token: string };
}

it('the branch rejects one wish with a reason and merges a duplicate; the resident sees both outcomes; the list exports to Excel', async () => {
  const A = facts.branchA.id;
  const desk = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  const grid = (await (await fetch(`${facts.baseUrl}/api/v1/public/wish-grids?villageId=${A}`)).json() as Grids).items[0]!;
  const tag = Date.now() % 100000;
  const phones = [`135${String(tag).padStart(8, '0')}`, `136${String(tag).padStart(8, '0')}`];
  const rejected = await postWish(grid.id, phones[0]!, `垃圾清运-${tag}-甲`);
  const duplicate = await postWish(grid.id, phones[1]!, `垃圾清运-${tag}-乙`);
  const target = await postWish(grid.id, phones[0]!.replace(/^135/, '134'), `垃圾清运-${tag}-丙`);

  await signIn(desk, facts.baseUrl, 'demo-branch-a');
  await desk.goto(`${facts.baseUrl}/wishes/manage?orgId=${A}`);
  await desk.getByTestId(`wish-open-${rejected.id}`).click();
  await desk.getByTestId('wish-reject').click();
  await desk.getByTestId('wish-reject-ok').click(); // no reason: the form says so
  await desk.getByText('请填写不通过原因（至少 2 个字）').waitFor();
  await desk.getByTestId('wish-reject-reason').fill('已由环卫所统一安排清运');
  await desk.getByTestId('wish-reject-ok').click();
  await poll(async () => (await apiGet<Wish>(desk, `/api/v1/wishes/${rejected.id}`)).status).toBe('rejected');
  await desk.locator('.ant-drawer-close').click();

  await desk.getByTestId(`wish-open-${duplicate.id}`).click();
  await desk.getByTestId('wish-merge').click();
  await desk.getByTestId('wish-merge-target').click();
  await desk.keyboard.type(`${tag}-丙`);
  await desk.locator('.ant-select-item-option', { hasText: `${tag}-丙` }).click();
  await desk.getByTestId('wish-merge-ok').click();
  await poll(async () => (await apiGet<Wish & { mergedInto: string | null }>(desk, `/api/v1/wishes/${duplicate.id}`)).mergedInto).toBe(target.id);
  await desk.locator('.ant-drawer-close').click();

  // 导出 Excel: the whole filtered list as an .xlsx file.
  const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('wish-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^微心愿台账-.*\.xlsx$/);

  // The residents' phones: one kept both tickets (the merged wish's outcome and the reason).
  const resident = await browser().newPage(PHONE);
  await resident.goto(`${facts.baseUrl}/public/wishes/mine`);
  await resident.getByTestId('wish-lookup').waitFor(); // nothing kept yet: the lookup by phone
  await resident.evaluate((t) => localStorage.setItem('dj-wish-tickets', JSON.stringify(t)), [rejected, duplicate].map(({ id, token }) => ({ id, token })));
  await resident.reload();
  await poll(() => resident.getByTestId(`wish-card-${rejected.id}`).innerText()).toContain('未通过原因：已由环卫所统一安排清运');
  expect(await resident.getByTestId(`wish-card-${duplicate.id}`).getByTestId('wish-status').innerText()).toBe('已合并');
  await fitsPhone(resident);
  await resident.close();
  await desk.close();
});
