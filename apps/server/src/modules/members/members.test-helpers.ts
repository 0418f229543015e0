import { randomInt } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { idCheckChar } from '@dangjian/contracts';
import type { Agent, Harness } from '../../test/harness.ts';

/** A valid, practically unique ID number of someone born on `birth` ('YYYYMMDD'); odd sequence = male. */
const issued = new Set<string>();
export function freshIdNumber(birth = '19850314', male = true): string {
  for (;;) {
    const seq = randomInt(0, 499) * 2 + (male ? 1 : 2);
    // Unusual area codes, so fixture members (mostly 4115xx) rarely share a birth date and code.
    const area = ['110105', '320802', '420105', '630123', '210102', '510104'][randomInt(6)]!;
    const first17 = area + birth + String(seq).padStart(3, '0');
    const id = first17 + idCheckChar(first17);
    if (!issued.has(id)) return issued.add(id), id;
  }
}

/** A create body that passes every rule; override what the test is about. */
export function memberBody(orgId: string, over: Record<string, unknown> = {}) {
  return {
    orgId, name: '测试党员', idNumber: freshIdNumber(), phone: '+86 138-0013-8000', ethnicity: '汉族', education: '本科',
    occupation: '教师', status: 'full', joinedOn: '2010-07-01', fullOn: '2011-07-01', categories: ['老党员'],
    posts: ['村委委员'], remarks: null, ...over,
  };
}

/** PATCH with the agent's session and CSRF token (the harness agent has GET and POST only). */
export function patch(h: Harness, a: Agent, url: string, body: unknown): Promise<LightMyRequestResponse> {
  return h.app.inject({ method: 'PATCH', url, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf }, payload: body as object });
}
