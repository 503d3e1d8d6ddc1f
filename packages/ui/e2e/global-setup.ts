import { startLoggedServer } from '@coproduce/api/testing';
import type { TestProject } from 'vitest/node';
import './provided.ts';

/**
 * One real server for the whole browser-test run: a fresh, migrated and seeded database, the
 * API, and the built apps (so `npm run build` must have run). Tests reach it over HTTP only.
 * It logs requests (`info`) to `<app>/.e2e-logs/server.log`; at the end of the run that log is
 * scanned for every participant's name, date of birth, email, phone and postcode, and the run
 * fails naming the kind of data and the line (never the data itself).
 */
export default async function setup(project: TestProject) {
  const { server, finish } = await startLoggedServer(`${project.config.root}/.e2e-logs`);
  project.provide('baseUrl', server.url);
  project.provide('demo', server.demo);
  project.provide('outboxDir', `${server.config.dataDir}/outbox`);
  return async () => {
    const problem = await finish();
    // vitest reports an error thrown here but still exits 0: set the exit code ourselves.
    if (problem) {
      console.error(`Browser tests failed: ${problem}`);
      process.exitCode = 1;
    } else {
      console.log('Server log scanned for participants’ personal data: none found.');
    }
  };
}
