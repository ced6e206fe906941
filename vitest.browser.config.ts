import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

/**
 * Browser tests: the built console in a real Chromium against a real server and database.
 * Separate from vitest.config.ts so `vitest run` stays fast and browser-free; `npm test` runs both.
 */
export default defineConfig({
  resolve: {
    // The same single copy of graphql as vitest.config.ts (see there).
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    include: ['test/browser/**/*.browser.test.ts'],
    exclude: ['**/node_modules/**'],
    // PostgreSQL first, then the console build (skipped when client/dist is current).
    globalSetup: ['test/support/global-setup.ts', 'test/browser/global-setup.ts'],
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One Chromium at a time: the machines that run this have few cores.
    fileParallelism: false,
    reporters: ['default'],
  },
});
