import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  // The pressure suites run on their own (vitest.pressure.config.ts, `npm run test:pressure`).
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    exclude: [...configDefaults.exclude, 'pressure/**'],
  },
});
