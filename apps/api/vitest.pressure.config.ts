import { defineConfig } from 'vitest/config';

/**
 * The pressure suites (issue 6): fuzzing and attacks on every procedure, load and faults on
 * PostgreSQL. One file at a time, so each has the machine to itself and its time is its own.
 */
export default defineConfig({
  test: {
    include: ['pressure/**/*.pressure.test.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
