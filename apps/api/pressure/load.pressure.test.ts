import { createTestDatabase, type TestDatabase } from '@coproduce/db/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApiProcess } from '../src/test-support/api-process.ts';
import { judgeMemory, type LoadStats, productionEnv, runLoad } from './load-scenario.ts';

/**
 * Issue 6, "Load", in CI: 200 simulated users mixing reads and writes for 60 s against the API
 * as a child process (NODE_ENV=production) on a fresh database on DATABASE_URL's server. Fails on
 * any error (non-2xx or no answer), any 5xx, or memory growing more than 15% between the 20 s
 * before the last 20 s and the last 20 s. Latency targets live in bench/load.bench.ts, not here.
 */
const USERS = 200;
const DURATION_MS = 60_000;
const MAX_GROWTH = 0.15;
const needsPostgres = !process.env.DATABASE_URL;

let database: TestDatabase | undefined;
let api: ApiProcess | undefined;

afterAll(async () => {
  await api?.dispose();
  await database?.dispose();
});

describe('load', () => {
  it.skipIf(needsPostgres)(
    `${USERS} users for ${DURATION_MS / 1000} s: no errors, no 5xx, memory flat (skipped without DATABASE_URL: needs PostgreSQL)`,
    async () => {
      database = await createTestDatabase();
      if (!database.url) throw new Error('createTestDatabase gave no URL on PostgreSQL');
      api = await startApiProcess({ databaseUrl: database.url, env: productionEnv() });
      const running = api;
      const stats: LoadStats = await runLoad({
        url: running.url,
        users: USERS,
        durationMs: DURATION_MS,
        apiPid: () => running.pid,
      });
      const memory = judgeMemory(stats.rss, MAX_GROWTH);
      console.log(
        `load: ${stats.requests} requests, ${JSON.stringify(stats.byStatus)}, p99 ${stats.latencyMs.p99.toFixed(0)} ms, RSS growth ${memory ? (memory.growth * 100).toFixed(1) : '?'}%`,
      );
      expect(stats.errorSamples).toEqual([]);
      expect(stats.serverErrors).toBe(0);
      expect(stats.errors).toBe(0);
      // Every role did its part: reads and writes, each answered.
      expect(stats.writes).toBeGreaterThan(0);
      for (const action of [
        'participant.list',
        'questionnaire.record',
        'outcomes.report',
        'payable.list',
      ])
        expect(stats.byAction[action]?.count ?? 0).toBeGreaterThan(0);
      expect(memory, 'RSS sampled for at least 40 s').not.toBeNull();
      expect(memory?.growth ?? Infinity).toBeLessThanOrEqual(MAX_GROWTH);
    },
  );
});
