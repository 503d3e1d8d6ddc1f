import { startServer } from '@coproduce/api/testing';
import type { TestProject } from 'vitest/node';
import './provided.ts';

/**
 * One real server for the whole browser-test run: a fresh, migrated and seeded database, the
 * API, and the built apps (so `npm run build` must have run). Tests reach it over HTTP only.
 */
export default async function setup(project: TestProject) {
  const server = await startServer({ port: 0 });
  project.provide('baseUrl', server.url);
  project.provide('demo', server.demo);
  project.provide('outboxDir', `${server.config.dataDir}/outbox`);
  return async () => {
    await server.close();
  };
}
