import { defineConfig } from 'vitest/config';

/**
 * One run for the whole repository: pure tests, database tests (PGlite always; PostgreSQL too
 * when TEST_DATABASE_URL is set) and web component tests (happy-dom, chosen per file).
 */
export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.{ts,tsx}', 'packages/*/src/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['./packages/db/src/testing/global-setup.ts'],
    setupFiles: ['./apps/web/src/test-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
