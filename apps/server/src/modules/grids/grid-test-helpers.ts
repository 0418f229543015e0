import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Agent } from '../../test/harness.ts';

/** Any method with the agent's session cookie and CSRF header (the harness agent has GET/POST). */
export function send(app: FastifyInstance, a: Agent, method: 'PATCH' | 'DELETE' | 'POST' | 'PUT', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
  const payload = body === undefined ? {} : Buffer.isBuffer(body) ? { payload: body } : { payload: body as object };
  return app.inject({ method, url, headers: { cookie: a.cookie, 'x-csrf-token': a.csrf, ...headers }, ...payload });
}

/** The smallest valid images of each type, padded to `size` bytes. */
export const images = {
  jpeg: (size = 64) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(Math.max(0, size - 4), 1)]),
  png: (size = 64) => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(Math.max(0, size - 8), 2)]),
  webp: (size = 64) => Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WEBP'), Buffer.alloc(Math.max(0, size - 12), 3)]),
  gif: () => Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'),
};
