import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { Harness } from '../../test/harness.ts';
import { memorySender, useCodeSender } from './sms.ts';

/** A phone number no other test uses. */
export const randomPhone = () => `1${randomInt(3, 10)}${String(randomInt(0, 1e9)).padStart(9, '0')}`;
/** A client address no other test uses (the code endpoint is rate-limited per address). */
export const randomIp = () => `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
/** The smallest thing with PNG magic bytes. */
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);

/** Phone numbers and 18-digit ID numbers: no public response may contain either. */
export function expectNoPersonalData(body: string) {
  expect(body).not.toMatch(/1[3-9]\d{9}/);
  expect(body).not.toMatch(/\d{17}[\dXx]/);
}

/**
 * Grids for the wishes tests: grid A in branch A (reviewed by branch A), grid A2 in branch A
 * served by its 党小组 (reviewed by the group), grid B in branch B. Also puts an in-memory code
 * sender in place for this suite's database.
 */
export async function setupWishes(h: Harness) {
  const db = h.database.db;
  const grid = async (orgId: string, name: string, gridOrgId: string | null = null) =>
    (await db.insertInto('grids').values({ org_id: orgId, grid_org_id: gridOrgId, name }).returning('id').executeTakeFirstOrThrow()).id;
  const sms = memorySender();
  useCodeSender(db, sms);
  return {
    sms,
    gridA: await grid(h.tree.branchAId, '甲村第一网格'),
    gridA2: await grid(h.tree.branchAId, '甲村第二网格', h.tree.groupAId),
    gridB: await grid(h.tree.branchBId, '乙村第一网格'),
  };
}

type Setup = Awaited<ReturnType<typeof setupWishes>>;

export function pub(h: Harness, ip = randomIp()) {
  return {
    ip,
    get: (url: string) => h.app.inject({ method: 'GET', url: `/api/v1/public${url}`, remoteAddress: ip }),
    post: (url: string, payload: object, headers: Record<string, string> = {}) =>
      h.app.inject({ method: 'POST', url: `/api/v1/public${url}`, payload, headers, remoteAddress: ip }),
    upload: (url: string, body: Buffer, headers: Record<string, string>) =>
      h.app.inject({ method: 'POST', url: `/api/v1/public${url}`, payload: body, headers, remoteAddress: ip }),
  };
}

/** A resident posts a wish through the public API (code, then the wish). Returns id and token. */
export async function residentPosts(h: Harness, s: Setup, gridId: string, extra: { title?: string; content?: string; phone?: string } = {}) {
  const c = pub(h);
  const phone = extra.phone ?? randomPhone();
  const code = await c.post('/wishes/code', { phone });
  expect(code.statusCode, code.body).toBe(200);
  const res = await c.post('/wishes', {
    gridId, category: 'living', title: extra.title ?? '想修好楼道灯', content: extra.content ?? '三单元楼道灯坏了很久，晚上老人上下楼不方便。',
    nickname: '王阿姨', phone, code: s.sms.lastCode(phone),
  });
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json() as { id: string; token: string; status: string }), phone };
}

/** A wish the branch records itself (status open at once), by secretary A unless told. */
export async function branchRecords(h: Harness, gridId: string, by = h.tree.users.secretaryA, title = '需要代购药品') {
  const a = await h.login(by);
  const res = await a.post('/api/v1/wishes', { gridId, category: 'health', title, content: '独居老人需要每周代购常用药品。', residentPhone: randomPhone() });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; status: string; orgId: string };
}
