import { defineConfig } from 'vitest/config';

/**
 * One run for the whole repository: pure tests, database tests (PGlite always; PostgreSQL too
 * when TEST_DATABASE_URL is set) and web component tests (happy-dom, chosen per file).
 *
 * Two projects, for speed on a 2-core CI machine:
 * - "node" (server and packages): files share their worker process (isolate: false), so the
 *   app's module graph (Fastify, every route, the zod contracts) is loaded once per worker, not
 *   once per file: about half the CPU time of these files. They may: every suite opens a
 *   database of its own and builds its own subtree, and no server or package test mocks a
 *   module, fakes timers or changes the environment.
 * - "web" (component tests): isolated per file, since they mock modules (vi.mock) and the DOM.
 */
export default defineConfig({
  test: {
    environment: 'node',
    setupFiles: ['./apps/web/src/test-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['apps/server/src/**/*.test.{ts,tsx}', 'packages/*/src/**/*.test.{ts,tsx}'],
          isolate: false,
          // Migrates the PostgreSQL template and a PGlite snapshot once; each suite copies one.
          globalSetup: ['./packages/db/src/testing/global-setup.ts'],
          // Fixture accounts get a cheap argon2id hash (packages/db/src/fixtures/users.ts): a
          // sign-in verifies in ~1 ms instead of ~70 ms. Production, demo, bench, e2e keep theirs.
          env: { DANGJIAN_TEST_CHEAP_HASH: '1' },
        },
      },
      {
        extends: true,
        test: {
          name: 'web',
          include: ['apps/*/src/**/*.test.{ts,tsx}'],
          exclude: ['apps/server/**', '**/node_modules/**'],
        },
      },
    ],
  },
});
