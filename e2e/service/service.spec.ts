import { expect, inject, it } from 'vitest';
import { apiGet, SHOTS, signIn, useBrowser } from '../browser.ts';

const facts = inject('e2e');
const browser = useBrowser();

type Totals = { hours: number; personTimes: number; byMember: { memberId: string; hours: number }[] };
type Mine = { report: { communityName: string } | null; posts: { id: string; name: string; mine: boolean; orgName: string }[]; yearHours: number };

it('demo-member on a phone reports to a community, claims a post and logs 2 hours; the branch secretary sees them in the totals', async () => {
  const A = facts.branchA.id;
  const desk = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  await signIn(desk, facts.baseUrl, 'demo-branch-a');
  const before = await apiGet<Totals>(desk, `/api/v1/service-hours/totals?orgId=${A}&side=branch`);

  const phone = await browser().newPage({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  await signIn(phone, facts.baseUrl, 'demo-member');
  await phone.goto(`${facts.baseUrl}/service`);
  await phone.getByTestId('service-mine').waitFor();
  expect((await apiGet<Mine>(phone, '/api/v1/posts/mine')).report).toBeNull();

  // 双报到: find a community by name and report.
  await phone.getByTestId('service-community-select').click();
  await phone.keyboard.type('社区');
  const option = phone.locator('.ant-select-item-option').first();
  await option.waitFor();
  const community = (await option.innerText()).trim();
  await option.click();
  await phone.getByTestId('service-report-submit').click();
  await phone.getByTestId('service-my-report').waitFor();
  expect(await phone.getByTestId('service-my-report').innerText()).toContain(community);

  // Claim the community's first post.
  const mine = await apiGet<Mine>(phone, '/api/v1/posts/mine');
  const post = mine.posts.find((p) => p.orgName === community && !p.mine)!;
  expect(post, JSON.stringify(mine.posts.slice(0, 3))).toBeTruthy();
  await phone.getByTestId(`service-claim-${post.id}`).click();
  await expect.poll(async () => (await apiGet<Mine>(phone, '/api/v1/posts/mine')).posts.find((p) => p.id === post.id)?.mine).toBe(true);

  // Log 2 hours on that post.
  await phone.getByTestId('service-hours-post').click();
  await phone.locator('.ant-select-item-option', { hasText: post.name }).last().click();
  await phone.getByTestId('service-hours-hours').fill('2');
  await phone.getByTestId('service-hours-content').fill('路口文明劝导，劝导电动车规范停放');
  await phone.getByTestId('service-hours-submit').click();
  await expect.poll(async () => (await apiGet<Mine>(phone, '/api/v1/posts/mine')).yearHours).toBe(mine.yearHours + 2);
  const value = (page: typeof phone, id: string) => page.getByTestId(id).locator('.ant-statistic-content-value').innerText();
  await expect.poll(() => value(phone, 'service-my-hours')).toBe(String(mine.yearHours + 2));
  await phone.screenshot({ path: `${SHOTS}/service-member-phone.png`, fullPage: true });
  const wide = await phone.evaluate(() => [...document.querySelectorAll('[data-testid^="service-"]')].map((e) => [e.getAttribute('data-testid'), e.getBoundingClientRect().right]).filter(([, r]) => Number(r) > 391));
  expect(wide).toEqual([]); // nothing of 我的服务 needs sideways scrolling on a phone

  // The branch secretary: 服务时长, this branch's members — the 2 hours and one more person-time.
  await desk.goto(`${facts.baseUrl}/service/hours?orgId=${A}`);
  await desk.getByTestId('service-hours-side').getByText('本组织党员服务').click();
  await expect.poll(() => value(desk, 'service-total-hours')).toBe((before.hours + 2).toFixed(1));
  expect(await value(desk, 'service-total-times')).toBe(String(before.personTimes + 1));
  await desk.getByTestId('service-totals-members').locator('tr', { hasText: '2' }).first().waitFor();
  await desk.getByRole('tab', { name: '双报到' }).click();
  await desk.getByTestId('service-reports-side').getByText('本组织党员报到情况').click();
  await desk.getByTestId('service-reports-table').locator('tr', { hasText: community }).first().waitFor();
  await desk.screenshot({ path: `${SHOTS}/service-secretary.png` });
  await phone.close();
  await desk.close();
});

it('the district admin sees the seeded posts, reports, hours, lists, projects and pairings in every console tab', async () => {
  const desk = await browser().newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const errors: string[] = [];
  desk.on('pageerror', (e) => errors.push(e.message));
  await signIn(desk, facts.baseUrl, 'demo-admin');
  await desk.goto(`${facts.baseUrl}/service/posts`);
  const rows = (id: string) => desk.getByTestId(id).locator('tbody tr.ant-table-row');
  await rows('service-posts-table').first().waitFor();
  await desk.getByRole('tab', { name: '双报到' }).click();
  await rows('service-reports-table').first().waitFor();
  await desk.getByRole('tab', { name: '服务时长' }).click();
  await rows('service-totals-members').first().waitFor();
  expect(Number((await desk.getByTestId('service-total-hours').locator('.ant-statistic-content-value').innerText()).replace(/,/g, ''))).toBeGreaterThan(0);
  await desk.getByRole('tab', { name: '双向认领' }).click();
  await rows('service-demands-table').first().waitFor();
  await rows('service-resources-table').first().waitFor();
  await rows('service-projects-table').first().waitFor();
  await desk.getByRole('tab', { name: '结对帮扶' }).click();
  await rows('service-pairings-table').first().waitFor();
  expect(await desk.getByTestId('service-pairings-table').innerText()).toMatch(/1\d\d\*\*\*\*\d{4}/); // phones masked
  await desk.screenshot({ path: `${SHOTS}/service-pairings.png` });
  expect(errors).toEqual([]);
  await desk.close();
});
