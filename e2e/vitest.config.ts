import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The specs share one server and its demo data. Specs that compare figures with the database
 * as seeded (their names start with "org-tree") run first, before any spec writes; the rest run
 * in name order, so a run is the same every time.
 */
class SeededFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => (/org-tree\.spec\.ts$/.test(f.moduleId) ? 0 : 1);
    return [...files].sort((a, b) => rank(a) - rank(b) || a.moduleId.localeCompare(b.moduleId));
  }
}

/** Real-browser tests: a server on a fresh embedded database, driven by Debian's chromium. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.spec.ts'],
    environment: 'node',
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    // expect.poll waits for the UI: 1 s (the default) is too short on a busy 2-core CI machine.
    expect: { poll: { timeout: 15_000, interval: 100 } },
    hookTimeout: 120_000,
    fileParallelism: false,
    sequence: { sequencer: SeededFirst },
  },
});
