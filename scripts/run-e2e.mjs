#!/usr/bin/env node
// Runs an app's browser tests (from the app's folder: `npm run e2e`) with Debian's Chromium.
// Without Chromium it says so in one line and succeeds, so `npm test` still works on a machine
// without a browser; CI installs Chromium, so there they always run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
try {
  accessSync(chromium, constants.X_OK);
} catch {
  console.log(`Browser tests skipped: Chromium not found at ${chromium} (set CHROMIUM_PATH)`);
  process.exit(0);
}

const result = spawnSync(
  'npx',
  ['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    env: { ...process.env, CHROMIUM_PATH: chromium },
  },
);
process.exit(result.status ?? 1);
