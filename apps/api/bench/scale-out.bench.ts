import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { createDatabase, type DatabaseHandle } from '@coproduce/db';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { writeSection } from '../../../scripts/bench-report.mjs';
import { DEMO_PASSWORD } from '../src/seed/demo-network.ts';
import { type ApiProcess, startApiProcess } from '../src/test-support/api-process.ts';
import { freePort } from '../src/test-support/free-port.ts';
import { TestBrowser } from '../src/test-support/http-client.ts';
import {
  canStartPostgres,
  type LocalPostgres,
  POSTGRES_BIN,
  startLocalPostgres,
} from '../src/test-support/local-postgres.ts';
import { type LocalReplica, startLocalReplica } from '../src/test-support/local-replica.ts';
import { canStartNginx, type LocalNginx, startNginx } from '../src/test-support/nginx.ts';
import { programmeDraft } from '../src/test-support/programme-terms.ts';

/**
 * Scale-out on one machine: a PostgreSQL primary and a streaming replica (pg_basebackup -R), two
 * API instances (same DATABASE_URL; DATABASE_READ_URL = the replica; TRUST_PROXY=127.0.0.1)
 * behind nginx rendered from infra/nginx/coproduce.conf. Proves shared sessions, failover when an
 * instance stops, read-your-writes across instances, reports served by the replica; measures a
 * mixed read workload with 1 and 2 instances and the replica's lag under write load.
 *
 *   npm run bench -w @coproduce/api           (all benches)
 *   npx tsx bench/scale-out.bench.ts           (this one; SCALE_OUT_BENCH_SECONDS=3 to iterate)
 */
const SECONDS = Number(process.env.SCALE_OUT_BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.SCALE_OUT_BENCH_CONNECTIONS ?? 8);
const COMMAND = 'npm run bench -w @coproduce/api (bench/scale-out.bench.ts)';
const run = promisify(execFile);

if (!canStartPostgres()) {
  console.log(
    'scale-out bench skipped: PostgreSQL 15 is not installed (infra/postgres/start-local.sh installs it as root).',
  );
  process.exit(0);
}
const haveNginx = canStartNginx();
if (!haveNginx)
  console.log(
    'scale-out bench: nginx is not installed (apt-get install -y nginx): the load-balancer part is skipped.',
  );

const loadBefore = loadavg()[0] ?? 0;
const started = Date.now();
let primary: LocalPostgres | undefined;
let replica: LocalReplica | undefined;
const apis: ApiProcess[] = [];
let nginx: LocalNginx | undefined;
const handles: DatabaseHandle[] = [];
const lines: string[] = [];
const note = (line: string) => {
  console.log(line);
  lines.push(line);
};

/** psql as the cluster's superuser over its Unix socket (pg_stat_replication's detail needs it). */
async function superPsql(cluster: { dataDir: string; port: number }, query: string) {
  const psql = [
    `${POSTGRES_BIN}/psql`,
    ...['-X', '-At', '-h', cluster.dataDir, '-p', String(cluster.port), '-U', 'postgres'],
    ...['-d', 'postgres', '-c', query],
  ];
  const argv = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', ...psql] : psql;
  const [command = 'psql', ...args] = argv;
  return (await run(command, args, { cwd: '/' })).stdout.trim();
}

async function one<T>(handle: DatabaseHandle, query: ReturnType<typeof sql>): Promise<T> {
  const result = (await handle.db.execute(query)) as unknown as T[] | { rows: T[] };
  const rows = Array.isArray(result) ? result : result.rows;
  return rows[0] as T;
}

/** "16/B3A2F10" → a byte position. */
const lsnBytes = (lsn: string) => {
  const [high = '0', low = '0'] = lsn.split('/');
  return BigInt(`0x${high}`) * 2n ** 32n + BigInt(`0x${low}`);
};

const data = (response: { json: unknown }) =>
  (response.json as { result?: { data?: unknown } }).result?.data;

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

try {
  // --- 1. primary + streaming replica --------------------------------------------------------
  primary = await startLocalPostgres();
  replica = await startLocalReplica(primary);
  const replication = await superPsql(
    primary,
    'select application_name, state, sync_state from pg_stat_replication',
  );
  const primaryDb = createDatabase({ url: primary.url, maxConnections: 2 });
  const replicaDb = createDatabase({ url: replica.url, maxConnections: 2 });
  handles.push(primaryDb, replicaDb);
  const recovery = await one<{ in_recovery: boolean }>(
    replicaDb,
    sql`select pg_is_in_recovery() as in_recovery`,
  );
  note(
    `- Replica: \`pg_stat_replication\` on the primary shows \`${replication.replace(/\|/g, ' | ')}\`; \`pg_is_in_recovery()\` on the replica: ${recovery.in_recovery}.`,
  );

  // --- 2. two API instances (the first migrates and seeds; the replica follows) ---------------
  const nginxPort = await freePort();
  const publicUrl = haveNginx ? `http://127.0.0.1:${nginxPort}` : undefined;
  for (const name of ['api-1', 'api-2']) {
    apis.push(
      await startApiProcess({
        databaseUrl: primary.url,
        env: {
          DATABASE_READ_URL: replica.url,
          TRUST_PROXY: '127.0.0.1',
          INSTANCE_NAME: name,
          ...(publicUrl ? { PUBLIC_URL: publicUrl } : {}),
        },
      }),
    );
  }
  const [api1, api2] = apis as [ApiProcess, ApiProcess];
  if (haveNginx)
    nginx = await startNginx({
      upstreams: [`127.0.0.1:${api1.port}`, `127.0.0.1:${api2.port}`],
      port: nginxPort,
    });
  const front = nginx?.url ?? api1.url;

  // One signed-in hub coordinator: one cookie for everything below.
  const browser = new TestBrowser(front);
  const signedIn = await browser.signIn('grace.mensah@hub.example.org', DEMO_PASSWORD);
  if (signedIn.status !== 200) throw new Error(`sign-in failed: ${signedIn.status}`);
  const list = data(await browser.query('programme.list', { limit: 50 })) as {
    programmes: { id: string; name: string }[];
  };
  const programme =
    list.programmes.find((p) => p.name.startsWith('Family therapy')) ?? list.programmes[0];
  if (!programme) throw new Error('no demo programme');

  const servedBy = async (requests: number, path: string, input?: unknown) => {
    const counts: Record<string, number> = {};
    let failures = 0;
    for (let i = 0; i < requests; i += 1) {
      const response = await browser.query(path, input);
      if (response.status !== 200) failures += 1;
      const by = response.headers.get('x-served-by') ?? 'unknown';
      counts[by] = (counts[by] ?? 0) + 1;
    }
    return { counts, failures };
  };

  if (nginx) {
    // --- 3. one cookie, both instances ------------------------------------------------------
    const shared = await servedBy(20, 'session.me');
    note(
      `- Shared sessions: 20 \`session.me\` calls through nginx with one session cookie: ${Object.entries(
        shared.counts,
      )
        .map(([k, v]) => `${v} served by ${k}`)
        .join(
          ', ',
        )}; ${shared.failures} not 200. Sessions live in PostgreSQL, so no sticky sessions are needed.`,
    );
    if (shared.failures > 0 || Object.keys(shared.counts).length < 2)
      throw new Error(`shared session not proven: ${JSON.stringify(shared)}`);
  }

  // --- 4. a write through instance 1, read through instance 2 ---------------------------------
  const direct = (api: ApiProcess) => {
    const b = new TestBrowser(api.url);
    for (const [name, cookie] of browser.cookies) b.cookies.set(name, cookie);
    return b;
  };
  const draft = programmeDraft(`Scale-out check ${Date.now()}`);
  const created = await direct(api1).mutate('programme.create', draft);
  const createdId = (data(created) as { id?: string } | undefined)?.id;
  const readBack = await direct(api2).query('programme.get', { programmeId: createdId });
  const readName = (data(readBack) as { name?: string } | undefined)?.name;
  note(
    `- Read-your-writes across instances: \`programme.create\` on ${created.headers.get('x-served-by')} (${created.status}), then \`programme.get\` on ${readBack.headers.get('x-served-by')} (${readBack.status}): ${readName === draft.name ? 'the new programme is there' : 'NOT FOUND'}.`,
  );
  if (readName !== draft.name) throw new Error('a write on api-1 was not visible on api-2');

  // --- 5. the outcomes report is served by the replica ----------------------------------------
  const xacts = async (handle: DatabaseHandle) =>
    Number(
      (
        await one<{ n: string }>(
          handle,
          sql`select xact_commit + xact_rollback as n from pg_stat_database where datname = current_database()`,
        )
      ).n,
    );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 1500)); // stats flush ≥ 1 s
  const REPORTS = 20;
  const measureXacts = async (path: string, input: unknown) => {
    await settle();
    const before = { primary: await xacts(primaryDb), replica: await xacts(replicaDb) };
    for (let i = 0; i < REPORTS; i += 1) {
      const response = await browser.query(path, input);
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
    }
    await settle();
    // Minus the two counting queries themselves on each side.
    return {
      primary: (await xacts(primaryDb)) - before.primary - 1,
      replica: (await xacts(replicaDb)) - before.replica - 1,
    };
  };
  const reportX = await measureXacts('outcomes.report', { programmeId: programme.id });
  const listX = await measureXacts('programme.list', { limit: 50 });
  note(
    `- Reports read the replica: ${REPORTS} \`outcomes.report\` calls added ${reportX.replica} transactions on the replica (${reportX.primary} on the primary: session look-ups and authorisation); ${REPORTS} \`programme.list\` calls added ${listX.replica} on the replica and ${listX.primary} on the primary (\`pg_stat_database\`, xact_commit + xact_rollback).`,
  );
  if (reportX.replica < REPORTS || listX.replica > 2)
    throw new Error('the outcomes report was not served from the replica');
  // The monitoring report reads the replica too, but audits its download on the primary (a write
  // on the read-only replica would fail).
  const auditedBefore = await one<{ n: string }>(
    primaryDb,
    sql`select count(*) as n from audit_entries where action = 'outcomes.report-downloaded'`,
  );
  const download = await browser.mutate('outcomes.monitoringReport', {
    programmeId: programme.id,
    format: 'xlsx',
  });
  const auditedAfter = await one<{ n: string }>(
    primaryDb,
    sql`select count(*) as n from audit_entries where action = 'outcomes.report-downloaded'`,
  );
  note(
    `- Monitoring report (XLSX) through nginx: ${download.status}; its figures read the replica, its audit entry was written on the primary (${Number(auditedAfter.n) - Number(auditedBefore.n)} new \`outcomes.report-downloaded\` entry).`,
  );
  if (download.status !== 200 || Number(auditedAfter.n) !== Number(auditedBefore.n) + 1)
    throw new Error('the monitoring report download was not audited on the primary');

  // --- 6. throughput of a mixed read workload, 1 vs 2 instances -------------------------------
  const cookie = browser.cookieHeader();
  const readPaths = [
    '/trpc/session.me',
    `/trpc/programme.list?input=${encodeURIComponent(JSON.stringify({ limit: 50 }))}`,
    `/trpc/programme.get?input=${encodeURIComponent(JSON.stringify({ programmeId: programme.id }))}`,
    `/trpc/outcomes.report?input=${encodeURIComponent(JSON.stringify({ programmeId: programme.id }))}`,
  ];
  const load = async (url: string, seconds: number) => {
    const result = await autocannon({
      url,
      connections: CONNECTIONS,
      duration: seconds,
      headers: { cookie, origin: url },
      requests: readPaths.map((path) => ({ method: 'GET' as const, path })),
    });
    return {
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
      total: result.requests.total,
      load: loadavg()[0] ?? 0,
    };
  };
  const throughput: { label: string; r: Awaited<ReturnType<typeof load>> }[] = [];
  if (nginx) {
    const two = nginx;
    const oneNginx = await startNginx({ upstreams: [`127.0.0.1:${api1.port}`] });
    try {
      throughput.push({ label: '1 instance behind nginx', r: await load(oneNginx.url, SECONDS) });
    } finally {
      await oneNginx.stop();
    }
    throughput.push({ label: '2 instances behind nginx', r: await load(two.url, SECONDS) });
  } else {
    throughput.push({ label: '1 instance, direct', r: await load(api1.url, SECONDS) });
  }

  // --- 7. replica lag under write load --------------------------------------------------------
  const lagMs: number[] = [];
  const lagBytes: number[] = [];
  let writing = true;
  const sampler = (async () => {
    while (writing) {
      const at = (
        await one<{ lsn: string }>(primaryDb, sql`select pg_current_wal_lsn()::text as lsn`)
      ).lsn;
      const t0 = performance.now();
      const target = lsnBytes(at);
      for (;;) {
        const replayed = (
          await one<{ lsn: string }>(replicaDb, sql`select pg_last_wal_replay_lsn()::text as lsn`)
        ).lsn;
        const behind = target - lsnBytes(replayed);
        if (behind <= 0n) break;
        if (lagBytes.length === lagMs.length) lagBytes.push(Number(behind));
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      if (lagBytes.length === lagMs.length) lagBytes.push(0);
      lagMs.push(performance.now() - t0);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  // PostgreSQL's own measure, on the primary: replay_lag (null once the replica is idle).
  const replayLagMs: number[] = [];
  const replaySampler = (async () => {
    while (writing) {
      const value = await superPsql(
        primary as LocalPostgres,
        'select extract(epoch from replay_lag) * 1000 from pg_stat_replication',
      ).catch(() => '');
      if (value !== '') replayLagMs.push(Number(value));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  const writeUrl = nginx?.url ?? api1.url;
  const writes = await autocannon({
    url: writeUrl,
    connections: 4,
    duration: SECONDS,
    method: 'POST',
    headers: { cookie, origin: writeUrl, 'content-type': 'application/json' },
    requests: [
      {
        method: 'POST',
        path: '/trpc/programme.create',
        body: JSON.stringify({ ...draft, name: 'Scale-out write load' }),
      },
    ],
  });
  writing = false;
  await sampler;
  await replaySampler;

  // --- 8. stop one instance mid-way: requests keep succeeding -----------------------------------
  let failover = '';
  if (nginx) {
    const statuses: Record<string, number> = {};
    const after: Record<string, number> = {};
    let stopped = false;
    let finished = false;
    let sent = 0;
    const failoverStarted = Date.now();
    const worker = async (index: number) => {
      const b = new TestBrowser(front);
      for (const [name, c] of browser.cookies) b.cookies.set(name, c);
      while (!finished) {
        sent += 1;
        const sentAfterStop = stopped;
        const response =
          index === 0 && sent % 5 === 0
            ? await b.mutate('programme.create', { ...draft, name: 'Scale-out failover write' })
            : await b.query('programme.list', { limit: 50 });
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
        if (sentAfterStop) {
          const by = response.headers.get('x-served-by') ?? 'unknown';
          after[by] = (after[by] ?? 0) + 1;
        }
      }
    };
    const workers = [0, 1, 2, 3].map(worker);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const stopping = Date.now();
    await api2.stop();
    const stopMs = Date.now() - stopping;
    stopped = true;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    finished = true;
    await Promise.all(workers);
    const seconds = ((Date.now() - failoverStarted) / 1000).toFixed(1);
    const ok = statuses[200] ?? 0;
    const failed = sent - ok;
    failover = `${fmt(sent)} requests (queries and 1 in 5 of one client's calls a \`programme.create\`) through nginx over ${seconds} s, api-2 stopped (SIGTERM) after 2 s and drained in ${(stopMs / 1000).toFixed(1)} s: ${fmt(ok)} answered 200, ${failed} did not (${JSON.stringify(statuses)}); sent after it had exited, served by ${JSON.stringify(after)}.`;
    note(`- Failover: ${failover}`);
    await api2.start();
  }

  // --- 9. the report ----------------------------------------------------------------------------
  const table = [
    '| set-up | mixed reads req/s | p50 ms | p99 ms | non-2xx | errors | load (1 min) after |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...throughput.map(
      ({ label, r }) =>
        `| ${label} | ${fmt(r.rps)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${r.load.toFixed(2)} |`,
    ),
  ];
  const gain =
    throughput.length === 2
      ? (throughput[1]?.r.rps ?? 0) / Math.max(1, throughput[0]?.r.rps ?? 1)
      : Number.NaN;
  const markdown = [
    '## Scale-out: two API instances behind nginx, reports from a streaming replica',
    '',
    `Two API instances behind nginx (infra/nginx/coproduce.conf, \`least_conn\`), one PostgreSQL 15 primary and one streaming replica (infra/postgres/start-replica.sh: \`pg_basebackup -R\`, hot standby), all on 127.0.0.1 on this 2-core machine shared with the load generator. Each instance: same \`DATABASE_URL\`, \`DATABASE_READ_URL\` = the replica, \`TRUST_PROXY=127.0.0.1\`, \`INSTANCE_NAME\` → \`x-served-by\`. Load average (1 min) at start ${loadBefore.toFixed(2)}; run took ${Math.round((Date.now() - started) / 1000)} s.`,
    '',
    ...lines,
    '',
    `Mixed read workload (autocannon, ${CONNECTIONS} connections, ${SECONDS} s each, one signed-in hub coordinator cycling \`session.me\`, \`programme.list\`, \`programme.get\`, \`outcomes.report\`):`,
    '',
    ...table,
    '',
    Number.isNaN(gain)
      ? ''
      : `2 instances vs 1: ×${gain.toFixed(2)}. Target: none fixed; on one 2-core machine the instances, nginx, both databases and autocannon compete for the same cores, so this shows the set-up works and costs little, not how it scales: on separate hosts each instance brings its own cores (see docs/scaling.md).`,
    '',
    `Replica lag under write load (\`programme.create\` through ${nginx ? 'nginx' : 'api-1'}, 4 connections, ${SECONDS} s: ${fmt(writes.requests.total)} writes, ${fmt(writes.requests.average)}/s, ${writes.non2xx} non-2xx): time from a primary WAL position (\`pg_current_wal_lsn()\`) to the replica having replayed it (\`pg_last_wal_replay_lsn()\`), sampled every 100 ms (${lagMs.length} samples): p50 ${fmt(percentile(lagMs, 50), 1)} ms, p95 ${fmt(percentile(lagMs, 95), 1)} ms, max ${fmt(Math.max(...lagMs), 1)} ms; bytes behind at first look: p50 ${fmt(percentile(lagBytes, 50))}, max ${fmt(Math.max(...lagBytes))}. These include the polling queries' own round trips on a loaded machine; PostgreSQL's own \`pg_stat_replication.replay_lag\` on the primary, sampled every 500 ms (${replayLagMs.length} samples): p50 ${fmt(percentile(replayLagMs, 50), 1)} ms, max ${fmt(replayLagMs.length ? Math.max(...replayLagMs) : Number.NaN, 1)} ms. Reports can be this far behind the primary; everything else reads the primary.`,
  ].join('\n');
  writeSection('scale-out', COMMAND, markdown);
  console.log(`\n${markdown}`);
} finally {
  await nginx?.stop().catch(() => {});
  for (const handle of handles) await handle.close().catch(() => {});
  for (const api of apis) await api.dispose().catch(() => {});
  await replica?.remove().catch(() => {});
  await primary?.remove().catch(() => {});
}
