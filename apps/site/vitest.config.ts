import { defineConfig } from 'vitest/config';

/** Unit tests beside the code; browser tests run separately (vitest.e2e.config.ts). */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
  },
});
