import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The JSON report feeds .ci/run's summary line; the default reporter is for people.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-artifacts/vitest-results.json' },
    // Node tests run two forks at a time: most of their time is a child process (the CLI) or
    // scrypt, and one fork left a core idle on a 2-core CI machine. Browser tests stay in one.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    projects: [
      {
        test: {
          name: 'node',
          include: ['tests/node/**/*.test.ts'],
          environment: 'node',
          // Bundles the CLI once, so the tests' CLI runs start fast.
          globalSetup: ['tests/node/support/build-cli.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        // The real renderer in Debian's Chromium against the real core, through the web host.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          // Some browser tests read the core through the CLI too.
          globalSetup: ['tests/node/support/build-cli.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          pool: 'forks',
          poolOptions: { forks: { singleFork: true } },
        },
      },
      {
        test: {
          name: 'electron',
          include: ['tests/electron/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
    ],
  },
});
