import { defineConfig } from 'vitest/config';

/** Browser tests against the real server (started once in global setup) and the built app. */
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    globalSetup: ['../../packages/ui/e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Screens settle within a second alone, but CI shares two cores between the server, the
    // browsers and the tests: wait longer before calling a screen wrong.
    expect: { poll: { timeout: 15_000 } },
    // One browser per file, one file at a time: the files share one server, whose per-client
    // limits (3 TOTP checks per 10 s) would otherwise refuse parallel journeys. On two cores
    // running files side by side saves little anyway.
    fileParallelism: false,
  },
});
