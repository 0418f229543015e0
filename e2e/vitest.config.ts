import { defineConfig } from 'vitest/config';

/** Real-browser tests: a server on a fresh embedded database, driven by Debian's chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
