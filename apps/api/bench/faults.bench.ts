import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { writeSection } from '../../../scripts/bench-report.mjs';
import { isProperUnavailable, startFaultRig } from '../pressure/fault-scenario.ts';
import { backupDatabase, restoreDatabase } from '../src/cli/db-snapshot.ts';

/**
 * Issue 6, "Faults", measured: PostgreSQL stopped under load and started again (how fast the API
 * says 503, how slow its slowest 503 is, how fast it answers 200 again, writes lost or half
 * written), then `db:backup` / `db:restore` time and size for the seeded demo database and for a
 * bigger one. Always on a throwaway cluster of its own (it stops the server), whatever
 * DATABASE_URL says. FAULTS_BENCH_BIG_ROWS sets the extra questionnaire rows of the bigger database.
 */
const BIG_ROWS = Number(process.env.FAULTS_BENCH_BIG_ROWS ?? 200_000);
const OUTAGE_MS = 5_000;
const TARGETS = { firstUnavailableMs: 2_000, slowestUnavailableMs: 10_000, recoveryMs: 30_000 };

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const rig = await startFaultRig();
const dir = mkdtempSync(join(tmpdir(), 'coproduce-faults-bench-'));
try {
  const result = await rig.run({ outageMs: OUTAGE_MS, recoveryBoundMs: 60_000 });
  const outage = result.outcomes.filter(
    (o) => o.startedAt + o.ms >= result.stoppedAt && o.startedAt < result.readyAt,
  );
  const unavailable = result.outcomes.filter((o) => o.status === 503);
  const improper = result.outcomes.filter((o) => o.status !== 200 && !isProperUnavailable(o));
  const slowest503 = Math.max(0, ...unavailable.map((o) => o.ms));
  const writesOk = result.outcomes.filter((o) => o.key && o.status === 200).length;
  const readyAfterMs = result.readyAt - result.startedAgainAt;
  const stopMs = result.stopReturnedAt - result.stoppedAt;

  // Backup and restore: the seeded demo database (plus the writes above), then a bigger copy.
  const admin = rig.handle;
  async function roundTrip(label: string) {
    const file = join(dir, `${label}.dump`);
    const startedBackup = performance.now();
    const { manifest } = await backupDatabase({ databaseUrl: rig.pg.url, file });
    const backupMs = performance.now() - startedBackup;
    const name = `restore_${randomBytes(4).toString('hex')}`;
    await admin.db.execute(sql.raw(`create database ${name}`));
    const target = new URL(rig.pg.url);
    target.pathname = `/${name}`;
    const startedRestore = performance.now();
    const restored = await restoreDatabase({ databaseUrl: target.toString(), file });
    const restoreMs = performance.now() - startedRestore;
    await admin.db.execute(sql.raw(`drop database ${name} with (force)`));
    const rows = Object.values(manifest.tables).reduce((sum, t) => sum + t.rows, 0);
    const size = (
      (await admin.db.execute(
        sql`select pg_database_size(current_database()) as bytes`,
      )) as unknown as { bytes: string }[]
    )[0]?.bytes;
    return {
      label,
      rows,
      databaseBytes: Number(size ?? 0),
      dumpBytes: statSync(file).size,
      backupMs,
      restoreMs,
      verified: restored.mismatches.length === 0 && restored.chains.every((c) => c.intact),
      chains: restored.chains.length,
    };
  }
  const demo = await roundTrip('demo');
  // Bigger: copies of the questionnaire rows (no audit entries: this only measures volume).
  await admin.db.execute(
    sql.raw(`
    insert into questionnaire_responses (network_id, site_organisation_id, programme_id, participant_id,
      instrument, timepoint_code, recorded_on, collected_by, collector_role, answers, valid, total, band,
      caseness, risk_flag, metric, subscales, missing_items, idempotency_key)
    select q.network_id, q.site_organisation_id, q.programme_id, q.participant_id, q.instrument,
      q.timepoint_code, q.recorded_on, q.collected_by, q.collector_role, q.answers, q.valid, q.total,
      q.band, q.caseness, q.risk_flag, q.metric, q.subscales, q.missing_items,
      'bench-' || g || '-' || q.id
    from (select * from questionnaire_responses limit 500) q,
      generate_series(1, ceil(${BIG_ROWS} / 500.0)::int) g`),
  );
  const big = await roundTrip('big');

  const met = {
    first:
      result.firstUnavailableMs !== null && result.firstUnavailableMs < TARGETS.firstUnavailableMs,
    slowest: slowest503 < TARGETS.slowestUnavailableMs,
    recovery: result.firstOkAfterMs !== null && result.firstOkAfterMs < TARGETS.recoveryMs,
    integrity:
      result.lostWrites.length === 0 &&
      result.partialWrites.length === 0 &&
      result.brokenChains.length === 0 &&
      improper.length === 0,
  };
  const yes = (ok: boolean) => (ok ? 'met' : '**not met**');
  const markdown = `## Faults: PostgreSQL stopped under load, backup and restore

PostgreSQL 15 stopped (\`pg_ctl stop -m fast\`) under 12 concurrent clients of the real API
(child process; questionnaire and session-with-register writes, participant and session reads),
kept down ${OUTAGE_MS / 1000} s, then started again; then \`db:backup\` / \`db:restore\` round trips.
A throwaway cluster of its own (pressure/fault-scenario.ts, shared with faults.pressure.test.ts).

| measure | figure | target | |
| --- | --- | --- | --- |
| \`pg_ctl stop\` started → first 503 answered | ${result.firstUnavailableMs === null ? 'none' : `${seconds(result.firstUnavailableMs)} (the stop itself took ${seconds(stopMs)})`} | < ${seconds(TARGETS.firstUnavailableMs)} | ${yes(met.first)} |
| slowest 503 answer | ${seconds(slowest503)} | < ${seconds(TARGETS.slowestUnavailableMs)} (no hang) | ${yes(met.slowest)} |
| start command → first 200 | ${result.firstOkAfterMs === null ? 'none' : seconds(result.firstOkAfterMs)} (PostgreSQL itself took ${seconds(readyAfterMs)} to accept connections) | < ${seconds(TARGETS.recoveryMs)}, no API restart | ${yes(met.recovery)} |
| requests answered / during the outage / 503 | ${result.outcomes.length} / ${outage.length} / ${unavailable.length} | every non-200 a 503 with Retry-After and the message | ${improper.length === 0 ? 'met' : `**${improper.length} other answers**`} |
| writes answered 200 / lost / half written | ${writesOk} / ${result.lostWrites.length} / ${result.partialWrites.length} | – / 0 / 0 | ${yes(met.integrity)} |
| audit chains broken | ${result.brokenChains.length} | 0 | ${yes(result.brokenChains.length === 0)} |

| database | rows | size on server | dump (custom format) | backup | restore + verify | verified |
| --- | --- | --- | --- | --- | --- | --- |
${[demo, big]
  .map(
    (r) =>
      `| ${r.label === 'demo' ? 'seeded demo (+ the writes above)' : `bigger (+${BIG_ROWS.toLocaleString('en-GB')} questionnaire rows)`} | ${r.rows.toLocaleString('en-GB')} | ${mb(r.databaseBytes)} | ${mb(r.dumpBytes)} | ${seconds(r.backupMs)} | ${seconds(r.restoreMs)} | ${r.verified ? `yes (counts, checksums, ${r.chains} audit chains)` : '**no**'} |`,
  )
  .join('\n')}

Restore time includes recomputing every table's checksum and walking every audit chain.
Load average when the run ended: ${loadavg()[0]?.toFixed(1)} (2 cores; anything above 2 means other
work shared the machine and slowed these figures).`;
  writeSection('faults', 'npm run bench -w @coproduce/api (bench/faults.bench.ts)', markdown);
  console.log(markdown);
  if (!Object.values(met).every(Boolean) || !demo.verified || !big.verified) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
  await rig.dispose();
}
