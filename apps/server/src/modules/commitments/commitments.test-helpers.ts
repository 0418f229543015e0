import type { Harness } from '../../test/harness.ts';

/** A tiny valid JPEG header: enough for the magic-byte check. */
export const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
export const PHONE_RE = /(?<!\d)1[3-9]\d{9}(?!\d)/;
export const ID_RE = /(?<![\dXx])\d{17}[\dXx](?![\dXx])/;

export const year = () => Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));

/** An anonymous request (no cookie) from a given address. */
export function anon(h: Harness, method: 'GET' | 'POST', url: string, body?: object, ip = '10.9.0.1') {
  return h.app.inject({ method, url, remoteAddress: ip, ...(body ? { payload: body } : {}) });
}

/** A signed-in write other than GET/POST: PATCH and DELETE, or a raw image POST. */
export function send(h: Harness, agent: { cookie: string; csrf: string }, method: 'PATCH' | 'DELETE' | 'POST', url: string, body?: object | Buffer, contentType?: string) {
  const headers: Record<string, string> = { cookie: agent.cookie, 'x-csrf-token': agent.csrf };
  if (contentType) headers['content-type'] = contentType;
  return h.app.inject({ method, url, headers, remoteAddress: '127.0.0.1', ...(body === undefined ? {} : { payload: body }) });
}

export async function memberIdOf(h: Harness, username: string): Promise<string> {
  const u = await h.database.db.selectFrom('users').select('member_id').where('username', '=', username).executeTakeFirstOrThrow();
  return u.member_id!;
}

/** A member writes, submits, and the secretary approves: returns the commitment id. */
export async function approvedCommitment(h: Harness, content = '每月参加 1 次志愿服务活动') {
  const m = await h.login(h.tree.users.memberA);
  const c = (await m.post('/api/v1/commitments', { year: year(), content })).json();
  await m.post(`/api/v1/commitments/${c.id}/submit`);
  const a = await h.login(h.tree.users.secretaryA);
  const res = await a.post(`/api/v1/commitments/${c.id}/vet`, { decision: 'approve' });
  if (res.statusCode !== 200) throw new Error(res.body);
  return c.id as string;
}
