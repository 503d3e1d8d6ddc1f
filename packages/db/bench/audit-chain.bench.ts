import { writeSection } from '../../../scripts/bench-report.mjs';
import { appendAudit, createNetwork, verifyAuditChain } from '../src/index.ts';
import { createTestDatabase } from '../src/testing.ts';

/**
 * Audit chain throughput: every audited change pays for one append inside its transaction,
 * and `audit:verify` walks whole chains. Run with and without DATABASE_URL.
 */
const ENTRIES = 2_000;
const CONCURRENT = 20;

const database = await createTestDatabase();
const engine = database.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15';
try {
  const network = await createNetwork(database.db, { slug: 'bench', name: 'Bench' });
  const entry = (i: number) => ({
    networkId: network.id,
    actor: null,
    action: 'membership.granted' as const,
    objectType: 'membership',
    objectId: `m-${i}`,
    detail: { role: 'practitioner', index: i },
  });

  let started = performance.now();
  for (let i = 0; i < ENTRIES; i += 1)
    await database.db.transaction((tx) => appendAudit(tx, entry(i)));
  const sequential = ENTRIES / ((performance.now() - started) / 1000);

  started = performance.now();
  for (let batch = 0; batch < ENTRIES / CONCURRENT; batch += 1) {
    await Promise.all(
      Array.from({ length: CONCURRENT }, (_, i) =>
        database.db.transaction((tx) => appendAudit(tx, entry(batch * CONCURRENT + i))),
      ),
    );
  }
  const concurrent = ENTRIES / ((performance.now() - started) / 1000);

  started = performance.now();
  const result = await verifyAuditChain(database.db, network.id);
  const verifyRate = result.entriesChecked / ((performance.now() - started) / 1000);
  if (!result.intact || result.entriesChecked !== ENTRIES * 2)
    throw new Error('chain not intact after the benchmark');

  const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
  writeSection(
    `audit-chain-${database.kind}`,
    database.kind === 'pglite'
      ? 'npm run bench -w @coproduce/db'
      : 'DATABASE_URL=… npm run bench -w @coproduce/db',
    `## Audit chain on ${engine}

| measure | figure |
|---|---|
| append, one writer (one transaction each) | ${fmt(sequential)} entries/s |
| append, ${CONCURRENT} concurrent writers on one network | ${fmt(concurrent)} entries/s |
| \`verifyAuditChain\` walk | ${fmt(verifyRate)} entries/s (${fmt(result.entriesChecked)} entries, intact) |

Writers of one network take turns on the chain head's row lock, so concurrency does not
raise one network's append rate; different networks do not contend.`,
  );
  console.log(
    `audit chain on ${engine}: ${fmt(sequential)}/s sequential, ${fmt(concurrent)}/s with ${CONCURRENT} writers, verify ${fmt(verifyRate)}/s`,
  );
} finally {
  await database.dispose();
}
