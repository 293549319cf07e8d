import { defineConfig } from 'vitest/config';

// One runner for every kind of test. Browser tests drive real Chromium through playwright-core
// and share one machine with the server under test, so they run one file at a time.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'game-core', include: ['game-core/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'client', include: ['client/src/**/*.test.{ts,tsx}'], environment: 'node' } },
      { test: { name: 'scenarios', include: ['tests/scenarios/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'security',
          include: ['tests/security/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 30_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
