import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import postgres from 'postgres';
import { writeSection } from '../../../scripts/bench-report.mjs';
import { productionEnv } from '../pressure/load-scenario.ts';
import { DEMO_PASSWORD } from '../src/seed/demo-network.ts';
import { startApiProcess } from '../src/test-support/api-process.ts';
import { TestBrowser } from '../src/test-support/http-client.ts';
import { startLocalPostgres } from '../src/test-support/local-postgres.ts';

/**
 * Issue 6, item 1: the write path against the database's own limit, in one run on one
 * throwaway PostgreSQL 15. First the real API (a child process, NODE_ENV=production) takes
 * authenticated `questionnaire.record` calls from autocannon — session, policy, validation,
 * scoring, audit chain, transaction — each a distinct valid record (its own idempotency key,
 * participants, instruments and timepoints in turn). Then pgbench runs the SQL statements one
 * such call sends (bench/write-path.pgbench.sql, captured with log_statement = 'all') at the
 * same concurrency. Target: API req/s ÷ pgbench tps ≥ 0.5.
 *
 * WRITE_PATH_SECONDS (default 20) and WRITE_PATH_CONNECTIONS (default 32) shorten a trial run.
 */
const SECONDS = Number(process.env.WRITE_PATH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.WRITE_PATH_CONNECTIONS ?? 32);
const TARGET = 0.5;
const PRACTITIONER = 'ruth.campbell@stbrigids.example.org';
const SCRIPT = join(import.meta.dirname, 'write-path.pgbench.sql');
const run = promisify(execFile);

/** CPU time a process has used so far, in ms (Linux /proc; clock ticks of 10 ms). */
function cpuMs(pid: number | undefined, children = false): number {
  if (pid === undefined) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const [utime, stime, cutime, cstime] = [11, 12, 13, 14].map((i) => Number(fields[i] ?? 0));
    return ((utime ?? 0) + (stime ?? 0) + (children ? (cutime ?? 0) + (cstime ?? 0) : 0)) * 10;
  } catch {
    return 0; // the process has just exited
  }
}

/** CPU used by the whole PostgreSQL cluster: postmaster, live backends, and exited ones. */
function postgresCpuMs(dataDir: string): number {
  const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  let total = cpuMs(postmaster, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      if (Number(fields[1]) === postmaster) total += cpuMs(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/**
 * Where the time goes and what to do about it: from a V8 CPU profile of the API process
 * (`node --cpu-prof`) under this load on 2026-11-26. Static text: profile again after changes.
 */
const WRITE_PATH_NOTES = `**Where the API's time goes** (V8 CPU profile of the API process under this load,
\`node --cpu-prof\`, 2026-11-26): about 20% of its CPU in drizzle-orm building the SQL of each of the
16 statements (\`is\`, \`getColumnCasing\`, \`buildQueryFromSourceParams\`); about 19% in postgres.js
and its socket writes (one write per statement: 16 round trips per call); 8–9% in better-auth's
session lookup (plus 2 of the 16 statements); about 5% each in garbage collection, tRPC and
Fastify; zod about 1.5%; scoring and the audit hash under 1% each. PostgreSQL does the same SQL for
less CPU than Node spends sending it, so on a machine where both share two cores the API's share
bounds the rate. The audit chain head, locked from its upsert to COMMIT, serialises the writes of
one network; pgbench takes the same lock, so it caps both sides rather than explaining the ratio.

**Session cookie cache: estimated from the profile, not enabled.** better-auth's \`session.cookieCache\` would
skip the session and person lookups: 2 of the 16 statements and about 13% of the API's CPU by the
profile, so the ratio would rise by about that much, not to 0.5. It would also weaken two
guarantees: \`session.selectMembership\` changes \`active_membership_id\` on the session row, which a
cached cookie would keep stale for its whole max age, and a session revoked elsewhere (signed out
on another device, password reset) would keep working until the cache expires.

**Next steps** (service and query code, outside this bench), largest gain first:
1. Fewer round trips per call (16 → about 13): the participant is read twice
   (\`authorize(participantById)\`, then \`requireParticipant\`) — hand the authorised row to the
   service; session + person in one join. (\`requireSiteProgramme\` already checks that the site
   takes part with one index lookup, where it used to count every participant of every site.)
2. Prepared drizzle queries (\`.prepare()\`) on this path: the SQL is built once, not per call.
3. Append to the audit chain in one statement (a CTE that locks the head, inserts the entry and
   moves the head), so the per-network lock is held for one round trip instead of three.
4. More API processes per database (Node uses one core per process; docs/scaling.md).`;

const dataOf = <T>(json: unknown) => (json as { result: { data: T } }).result.data;

const pg = await startLocalPostgres();
try {
  const api = await startApiProcess({ databaseUrl: pg.url, env: productionEnv() });
  const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
  try {
    // The practitioner of St Brigid's and the participants she may record for.
    const browser = new TestBrowser(api.url);
    const signedIn = await browser.signIn(PRACTITIONER, DEMO_PASSWORD);
    if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status}`);
    const me = dataOf<{
      person: { id: string };
      activeMembershipId: string;
      memberships: { id: string; organisation: { id: string }; network: { id: string } }[];
    }>((await browser.query('session.me')).json);
    const membership = me.memberships.find((m) => m.id === me.activeMembershipId);
    if (!membership) throw new Error('no active membership');
    const siteId = membership.organisation.id;
    const { participants } = dataOf<{
      participants: { participantId: string; programmeId: string; consent: string }[];
    }>((await browser.query('participant.list', { siteId, limit: 200 })).json);
    const inForce = participants.filter((p) => p.consent === 'in-force');
    const programmeId = inForce[0]?.programmeId ?? '';
    const ids = inForce.filter((p) => p.programmeId === programmeId).map((p) => p.participantId);
    if (ids.length < 20) throw new Error(`only ${ids.length} participants to record for`);
    const timepoints = ['baseline', 'session', 'end-of-treatment', 'follow-up-3m', 'follow-up-6m'];
    const instruments = {
      SWEMWBS: () => Array.from({ length: 7 }, () => 1 + Math.floor(Math.random() * 5)),
      GAD7: () => Array.from({ length: 7 }, () => Math.floor(Math.random() * 4)),
    };
    const recordedOn = new Date().toISOString().slice(0, 10);
    let sent = 0;
    let keyPrefix = 'bench-warm-';
    const nextBody = () => {
      const n = sent++;
      const instrument = n % 2 === 0 ? 'SWEMWBS' : 'GAD7';
      return JSON.stringify({
        participantId: ids[n % ids.length],
        instrument,
        timepointCode: timepoints[Math.floor(n / ids.length) % timepoints.length],
        recordedOn,
        answers: instruments[instrument](),
        idempotencyKey: `${keyPrefix}${randomUUID()}`,
      });
    };

    const fire = (seconds: number) =>
      autocannon({
        url: `${api.url}/trpc/questionnaire.record`,
        connections: CONNECTIONS,
        duration: seconds,
        method: 'POST',
        headers: {
          origin: api.url,
          cookie: browser.cookieHeader(),
          'content-type': 'application/json',
        },
        requests: [
          { method: 'POST', setupRequest: (request) => ({ ...request, body: nextBody() }) },
        ],
      });
    await fire(3); // warm-up: code compiled, pool connections open
    keyPrefix = 'bench-run-';
    const apiCpu0 = cpuMs(api.pid);
    const pgCpu0 = postgresCpuMs(pg.dataDir);
    const apiRun = await fire(SECONDS);
    const apiCpu = cpuMs(api.pid) - apiCpu0;
    const apiPgCpu = postgresCpuMs(pg.dataDir) - pgCpu0;
    const apiLoad = loadavg()[0] ?? 0;
    const ok = apiRun['2xx'];
    if (apiRun.non2xx > 0 || apiRun.errors > 0 || apiRun.timeouts > 0)
      throw new Error(
        `the API answered ${apiRun.non2xx} non-2xx, ${apiRun.errors} errors, ${apiRun.timeouts} timeouts`,
      );
    // Calls still in flight when autocannon stopped finish on the server without being counted.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const stored = Number(
      (
        await sql`select count(*)::int as n from questionnaire_responses
          where idempotency_key like 'bench-run-%'`
      )[0]?.n,
    );
    if (stored < ok || stored > ok + CONNECTIONS)
      throw new Error(`${ok} calls succeeded but ${stored} questionnaires were stored`);
    const apiRps = ok / SECONDS;

    // pgbench: the same statements, a participant picked by number from a lookup table.
    const token = decodeURIComponent(
      browser.cookies.get('coproduce.session_token')?.value ?? '',
    ).split('.')[0];
    await sql`create table bench_participants (i int primary key, participant_id uuid not null)`;
    await sql`insert into bench_participants ${sql(ids.map((id, i) => ({ i: i + 1, participant_id: id })))}`;
    const vars = {
      nid: membership.network.id,
      sid: siteId,
      prid: programmeId,
      pid: me.person.id,
      mid: membership.id,
      tok: token,
      n: String(ids.length),
    };
    const pgbench = (seconds: number) =>
      run(
        'pgbench',
        [
          '-n',
          '-M',
          'extended',
          '-c',
          String(CONNECTIONS),
          '-j',
          '2',
          '-T',
          String(seconds),
          '-f',
          SCRIPT,
          ...Object.entries(vars).flatMap(([k, v]) => ['-D', `${k}=${v}`]),
          pg.url,
        ],
        { maxBuffer: 10 * 1024 * 1024 },
      );
    await pgbench(3);
    const beforePgbench = Number(
      (await sql`select count(*)::int as n from questionnaire_responses`)[0]?.n,
    );
    const pgbenchCpu0 = postgresCpuMs(pg.dataDir);
    const { stdout } = await pgbench(SECONDS);
    const pgbenchPgCpu = postgresCpuMs(pg.dataDir) - pgbenchCpu0;
    const afterPgbench = Number(
      (await sql`select count(*)::int as n from questionnaire_responses`)[0]?.n,
    );
    const pgLoad = loadavg()[0] ?? 0;
    const tps = Number(/tps = ([\d.]+)/.exec(stdout)?.[1]);
    const pgLatency = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
    const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
    if (!Number.isFinite(tps) || failed > 0) throw new Error(`pgbench failed:\n${stdout}`);
    const pgRows = afterPgbench - beforePgbench;

    const ratio = apiRps / tps;
    const met = ratio >= TARGET;
    const f0 = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });
    const f1 = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 1 });
    writeSection(
      'write-path',
      'npm run bench -w @coproduce/api (bench/write-path.bench.ts)',
      `## Write path vs the database's limit

One throwaway PostgreSQL 15 cluster (durability off, as for all tests), one run:

- **API**: the real API as a child process (\`NODE_ENV=production\`, \`LOG_LEVEL=warn\`), signed
  in as a practitioner of St Brigid's; autocannon sends \`questionnaire.record\` at
  ${CONNECTIONS} connections for ${SECONDS} s (after a 3 s warm-up). Every call is a distinct valid
  record (its own idempotency key; ${ids.length} participants × 2 instruments × 5 timepoints in turn)
  and goes through session lookup, policy, zod validation, scoring, the transaction and the
  audit chain. The questionnaires stored were counted: as many as the 2xx answers (plus
  calls still in flight when the clock stopped).
- **pgbench**: \`apps/api/bench/write-path.pgbench.sql\`, the ${16} statements one such call sends
  (captured with \`log_statement = 'all'\`: session and person, membership, participant twice,
  programme and whether it runs at the site, then BEGIN, idempotency check, consent, insert, audit chain head
  lock, audit entry, head update, COMMIT, then the attendance anchors), \`-M extended -c ${CONNECTIONS} -j 2 -T ${SECONDS}\`.

| | throughput | latency |
|---|---|---|
| API \`questionnaire.record\` | ${f0(apiRps)} req/s (${f0(ok)} recorded) | p50 ${f1(apiRun.latency.p50)} ms, p99 ${f1(apiRun.latency.p99)} ms |
| pgbench, same statements | ${f0(tps)} tps (${f0(pgRows)} recorded) | mean ${f1(pgLatency)} ms |
| **ratio API ÷ pgbench** | **${ratio.toFixed(2)}** (target ≥ ${TARGET}: ${met ? 'met' : '**not met**'}) | |

CPU time per recorded questionnaire (from /proc, so less sensitive to other work on the machine
than the rates above):

| | API process (Node) | PostgreSQL (all backends) |
|---|---|---|
| through the API | ${f1(apiCpu / stored)} ms | ${f1(apiPgCpu / stored)} ms |
| pgbench | — | ${f1(pgbenchPgCpu / pgRows)} ms |

If the machine did nothing else, both sides would be bound by CPU, and the ratio would be about
pgbench's PostgreSQL CPU per transaction ÷ (API + PostgreSQL CPU per call) =
**${(pgbenchPgCpu / pgRows / ((apiCpu + apiPgCpu) / stored)).toFixed(2)}** (autocannon's own CPU left out).

Load average (1 min) at the end of each half: API ${apiLoad.toFixed(1)}, pgbench ${pgLoad.toFixed(1)} on
this 2-core machine, which the API, autocannon (Node), pgbench and PostgreSQL share${apiLoad > 2 || pgLoad > 2 ? ' — and other work was running, so the figures are rough' : ''}.

${met ? 'The target is met on this run.' : `The target is **not met**.\n\n${WRITE_PATH_NOTES}`}`,
    );
    console.log(
      `write path: API ${f0(apiRps)} req/s (p50 ${apiRun.latency.p50} ms, p99 ${apiRun.latency.p99} ms), pgbench ${f0(tps)} tps, ratio ${ratio.toFixed(2)} (load ${apiLoad.toFixed(1)}/${pgLoad.toFixed(1)}); CPU per call: API ${f1(apiCpu / stored)} ms + PostgreSQL ${f1(apiPgCpu / stored)} ms; pgbench PostgreSQL ${f1(pgbenchPgCpu / pgRows)} ms`,
    );
  } finally {
    await sql.end();
    await api.dispose();
  }
} finally {
  await pg.remove();
}
