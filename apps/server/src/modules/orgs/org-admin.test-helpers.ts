import { randomInt } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { Agent, Harness } from '../../test/harness.ts';

/** PATCH / DELETE / POST with the agent's cookie and CSRF header (the harness agent has get/post only). */
export function send(h: Harness, a: Agent, method: 'PATCH' | 'DELETE' | 'POST', url: string, body?: unknown): Promise<LightMyRequestResponse> {
  return h.app.inject({
    method, url, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

/** Inserts `n` members of `status` directly under `orgId` (as the owner), with unique ID numbers. */
export async function addMembers(h: Harness, orgId: string, n: number, status: 'full' | 'probationary'): Promise<string[]> {
  if (n === 0) return [];
  const rows = Array.from({ length: n }, (_, i) => ({
    org_id: orgId, name: `测试党员${i}`, gender: 'male' as const, birth_date: '1980-01-01',
    id_number: `T${Date.now().toString(36)}${randomInt(36 ** 6).toString(36)}${i}`.slice(0, 18), status,
    joined_on: '2010-07-01', full_on: status === 'full' ? '2011-07-01' : null,
  }));
  const r = await h.database.db.insertInto('members').values(rows).returning('id').execute();
  return r.map((x) => x.id);
}

/** A date `days` from today (UTC date; tests keep a margin of a day or more). */
export function dayOffset(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
