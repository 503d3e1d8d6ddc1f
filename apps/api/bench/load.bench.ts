import { loadavg } from 'node:os';
import { writeSection } from '../../../scripts/bench-report.mjs';
import {
  judgeMemory,
  type LoadStats,
  productionEnv,
  runLoad,
  THINK_MS,
} from '../pressure/load-scenario.ts';
import { startApiProcess } from '../src/test-support/api-process.ts';
import { startLocalPostgres } from '../src/test-support/local-postgres.ts';

/**
 * Issue 6, item 4: 200 simulated people mixing the main reads and writes for 60 s against the
 * real API (child process, NODE_ENV=production) on a throwaway PostgreSQL 15, on 127.0.0.1.
 * Targets: zero errors, p99 under 500 ms, memory flat (peak RSS of the last 20 s at most 15%
 * above the 20 s before). LOAD_USERS and LOAD_SECONDS shorten a trial run.
 */
const USERS = Number(process.env.LOAD_USERS ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const P99_TARGET_MS = 500;
const MEAN_THINK_S = (THINK_MS[0] + THINK_MS[1]) / 2000;
const MAX_GROWTH = 0.15;
/** What limits it and what to do next, from the measured CPU per request. */
function loadNotes(stats: LoadStats): string {
  const cpu = stats.apiCpuMs === undefined ? undefined : stats.apiCpuMs / stats.requests;
  const round = cpu === undefined ? undefined : (USERS * cpu) / 1000;
  return `**What limits it.** Each user waits for an answer before thinking again, so the API has up to
${USERS} requests to work through at a time.${
    cpu === undefined || round === undefined
      ? ''
      : ` At ${cpu.toFixed(1)} ms of API CPU per request (measured above), one request from
each of the ${USERS} users is ${round.toFixed(1)} s of CPU for one Node process, which runs on one core,
against ${(MEAN_THINK_S).toFixed(2)} s of mean think time: keeping up needs about ${(round / MEAN_THINK_S).toFixed(1)} cores' worth of Node.
In this run the process got ${(stats.apiCpuMs ?? 0) / stats.durationMs < 0.9 ? 'only ' : ''}${((stats.apiCpuMs ?? 0) / stats.durationMs).toFixed(2)} of a core on average.`
  } So the API runs flat out, requests queue, and latency is mostly waiting: every action shows
about the same p50 whatever it does. On this machine the API also shares its 2 cores with
PostgreSQL, the load generator and other test suites (load average below 2 means a quiet machine).
Requests that waited past 60 s (nginx's default proxy timeout) are counted as errors.

**Next steps**: cut the CPU per request (the write-path section's list: fewer round trips per
call, prepared queries); run several API processes behind nginx (docs/scaling.md), since one Node
process uses one core; repeat on a quiet machine with 4 or more cores, watching API CPU per request.`;
}

const pg = await startLocalPostgres();
try {
  const api = await startApiProcess({ databaseUrl: pg.url, env: productionEnv() });
  let stats: LoadStats;
  try {
    stats = await runLoad({
      url: api.url,
      users: USERS,
      durationMs: SECONDS * 1000,
      apiPid: () => api.pid,
    });
  } finally {
    await api.dispose();
  }
  const load = loadavg()[0] ?? 0;
  const memory = judgeMemory(stats.rss, MAX_GROWTH);
  const mb = (bytes: number | undefined) =>
    bytes === undefined ? '–' : `${(bytes / 1024 / 1024).toFixed(0)} MB`;
  const at = (seconds: number) =>
    stats.rss.find((s) => s.atMs >= seconds * 1000)?.bytes ?? stats.rss.at(-1)?.bytes;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  const errorsMet = stats.errors === 0;
  const p99Met = stats.latencyMs.p99 < P99_TARGET_MS;
  const statuses = Object.entries(stats.byStatus)
    .map(([status, n]) => `${status}: ${n.toLocaleString('en-GB')}`)
    .join(', ');
  const actions = Object.entries(stats.byAction)
    .sort(([, a], [, b]) => b.count - a.count)
    .map(
      ([name, a]) =>
        `| \`${name}\` | ${a.count.toLocaleString('en-GB')} | ${a.errors} | ${ms(a.p50)} | ${ms(a.p99)} |`,
    )
    .join('\n');
  writeSection(
    'load',
    'npm run bench -w @coproduce/api (bench/load.bench.ts)',
    `## Load: ${USERS} simulated users for ${SECONDS} s

The real API (child process, \`NODE_ENV=production\`, \`LOG_LEVEL=warn\`) on a throwaway PostgreSQL
15, on 127.0.0.1. ${USERS} simulated people of both demo networks (\`apps/api/pressure/load-scenario.ts\`),
each a loop of what their role does with ${THINK_MS[0] / 1000}–${THINK_MS[1] / 1000} s of think time: site people (half) list
participants, record questionnaires and sessions with their registers, and read their work; hub
people read programmes, work and milestones; commissioners read programmes and the outcomes
report; finance reads payables. The demo people sign in a few times each (60 sign-ins a minute
from one address is the limit) and the users share those sessions.

| | result | target |
|---|---|---|
| requests | ${stats.requests.toLocaleString('en-GB')} (${stats.requestsPerSecond.toFixed(0)} req/s; ${stats.writes.toLocaleString('en-GB')} writes) | |
| errors (non-2xx or no answer) | ${stats.errors} (${statuses}) | 0: ${errorsMet ? 'met' : '**not met**'} |
| latency p50 / p95 / p99 / max | ${ms(stats.latencyMs.p50)} / ${ms(stats.latencyMs.p95)} / ${ms(stats.latencyMs.p99)} / ${ms(stats.latencyMs.max)} | p99 < ${P99_TARGET_MS} ms: ${p99Met ? 'met' : '**not met**'} |
| API CPU per request (mean of the mix) | ${stats.apiCpuMs === undefined ? '–' : `${(stats.apiCpuMs / stats.requests).toFixed(1)} ms (${(stats.apiCpuMs / 1000 / (stats.durationMs / 1000)).toFixed(2)} cores busy on average)`} | |
| API memory (RSS) at start / ${SECONDS / 2} s / end | ${mb(stats.rss[0]?.bytes)} / ${mb(at(SECONDS / 2))} / ${mb(stats.rss.at(-1)?.bytes)} | |
| peak RSS, last 20 s vs the 20 s before | ${memory ? `${mb(memory.lastPeak)} vs ${mb(memory.earlierPeak)} (${(memory.growth * 100).toFixed(1)}%)` : 'run too short to judge'} | ≤ ${MAX_GROWTH * 100}%: ${memory ? (memory.flat ? 'met (flat)' : '**not met**') : '–'} |

| action | requests | errors | p50 | p99 |
|---|---|---|---|---|
${actions}

Load average (1 min) at the end: ${load.toFixed(1)} on this 2-core machine, which the API, PostgreSQL
and the load generator share${load > 2 ? ' — other work was running too, so the latencies are rough' : ''}.

${errorsMet && p99Met && memory?.flat ? 'All three targets are met on this run.' : loadNotes(stats)}`,
  );
  console.log(
    `load: ${stats.requests} requests (${stats.requestsPerSecond.toFixed(0)} req/s), errors ${stats.errors} (${statuses}), p50 ${ms(stats.latencyMs.p50)} p95 ${ms(stats.latencyMs.p95)} p99 ${ms(stats.latencyMs.p99)}, RSS ${mb(stats.rss[0]?.bytes)} → ${mb(stats.rss.at(-1)?.bytes)}${memory ? ` (last 20 s ${(memory.growth * 100).toFixed(1)}%)` : ''}, API CPU ${stats.apiCpuMs === undefined ? '?' : (stats.apiCpuMs / stats.requests).toFixed(1)} ms/request, load ${load.toFixed(1)}`,
  );
  if (stats.errorSamples.length > 0) console.log(stats.errorSamples.join('\n'));
} finally {
  await pg.remove();
}
