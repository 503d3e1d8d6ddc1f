import { loadavg } from 'node:os';
import {
  createNetwork,
  createOrganisation,
  createPersonWithPassword,
  insertMembership,
  insertProgramme,
  replaceProgrammeParties,
  schema,
} from '@coproduce/db';
import { createTestDatabase } from '@coproduce/db/testing';
import type { Role } from '@coproduce/domain';
import { initialSnapshot, WORKFLOWS } from '@coproduce/workflow';
import { writeSection } from '../../../scripts/bench-report.mjs';
import {
  type UploadInput,
  uploadEvidence,
} from '../src/services/evidence-import/import-service.ts';
import { participantRows, toCsv, toXlsx } from '../src/services/evidence-import/sample-files.ts';
import { PROGRAMME_TERMS } from '../src/test-support/programme-terms.ts';
import { today } from '../src/time.ts';
import type { ActingMember } from '../src/trpc/context.ts';

/**
 * Bulk import of 10,000 participants through the service, on a real database: the issue's
 * target is under 10 s for the whole file (read, check every row, write, audit). Run with and
 * without DATABASE_URL.
 */
const ROWS = 10_000;
const TARGET_SECONDS = 10;

const database = await createTestDatabase();
const engine = database.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15';
const db = database.db;

async function siteLeadOf(networkId: string, siteId: string): Promise<ActingMember> {
  const person = await createPersonWithPassword(db, {
    name: 'Bench Lead',
    email: `lead-${crypto.randomUUID()}@bench.example.org`,
    passwordHash: 'not-a-real-hash',
    emailVerified: true,
  });
  const role: Role = 'site_lead';
  const membership = await insertMembership(db, {
    networkId,
    organisationId: siteId,
    personId: person.id,
    role,
    grantedBy: null,
  });
  if (!membership) throw new Error('no membership');
  return {
    personId: person.id,
    membershipId: membership.id,
    role,
    organisationId: siteId,
    networkId,
  };
}

/** A programme taking participants at one site, and its site lead. */
async function programmeAtSite(name: string) {
  const network = await createNetwork(db, { slug: `bench-${crypto.randomUUID()}`, name });
  const hub = await createOrganisation(db, { networkId: network.id, kind: 'hub', name: 'Hub' });
  const site = await createOrganisation(db, { networkId: network.id, kind: 'site', name: 'Site' });
  const lead = await siteLeadOf(network.id, site.id);
  const programme = await insertProgramme(db, {
    name,
    ...PROGRAMME_TERMS,
    networkId: network.id,
    hubOrganisationId: hub.id,
    state: 'baseline',
    stage: 'baseline',
    snapshot: initialSnapshot('programme'),
    machineVersion: WORKFLOWS.programme.version,
    createdBy: lead.personId,
  });
  await replaceProgrammeParties(db, {
    networkId: network.id,
    programmeId: programme.id,
    siteIds: [site.id],
    funders: [],
  });
  return { lead, scope: { programmeId: programme.id, siteId: site.id } };
}

async function timed<T>(run: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { seconds: (performance.now() - started) / 1000, result };
}

try {
  const rows = participantRows(ROWS, { seed: 2026, enrolledOn: today() });
  const csv = toCsv(rows);
  const badRows = rows.map((cells, i) =>
    i === 5_001 ? cells.map((c, j) => (j === 2 ? '31/02/1990' : c)) : cells,
  );
  const xlsx = await toXlsx(rows);

  const csvRun = await programmeAtSite('CSV import');
  const input = (bytes: Buffer, fileName: string, scope = csvRun.scope): UploadInput => ({
    ...scope,
    kind: 'participants',
    fileName,
    contentBase64: bytes.toString('base64'),
  });
  // Warm up (code loaded and compiled) on a one-row file, so the timings below are of the work.
  const [header = [], badRow = []] = [rows[0], badRows[5_001]];
  await uploadEvidence(db, csvRun.lead, input(toCsv([header, badRow]), 'warm-up.csv'));
  const refused = await timed(() =>
    uploadEvidence(db, csvRun.lead, input(toCsv(badRows), 'bad.csv')),
  );
  if (refused.result.status !== 'refused' || refused.result.problems[0]?.row !== 5_002)
    throw new Error('the bad file was not refused at row 5,002');
  const imported = await timed(() => uploadEvidence(db, csvRun.lead, input(csv, 'people.csv')));
  if (imported.result.status !== 'imported' || imported.result.rows !== ROWS)
    throw new Error(`the file did not import: ${JSON.stringify(imported.result).slice(0, 300)}`);
  const again = await timed(() => uploadEvidence(db, csvRun.lead, input(csv, 'people.csv')));
  if (again.result.status !== 'already-imported') throw new Error('the re-upload was not detected');

  const xlsxRun = await programmeAtSite('Excel import');
  const importedXlsx = await timed(() =>
    uploadEvidence(db, xlsxRun.lead, input(xlsx, 'people.xlsx', xlsxRun.scope)),
  );
  if (importedXlsx.result.status !== 'imported') throw new Error('the Excel file did not import');
  if ((await db.$count(schema.participants)) !== 2 * ROWS)
    throw new Error('wrong participant count');

  const s = (seconds: number) => `${seconds.toFixed(2)} s`;
  const mb = (bytes: Buffer) => `${(bytes.length / 1024 / 1024).toFixed(1)} MB`;
  const verdict = (seconds: number) => (seconds < TARGET_SECONDS ? 'under' : '**over**');
  writeSection(
    `evidence-import-${database.kind}`,
    database.kind === 'pglite'
      ? 'npm run bench -w @coproduce/api'
      : 'DATABASE_URL=… npm run bench -w @coproduce/api',
    `## Bulk import of participants on ${engine}

${ROWS.toLocaleString('en-GB')} fictional participants (seeded), through \`uploadEvidence\`: read the
file, check every row, then one transaction for the import record, participants, identities,
consents and one audit entry. Target: under ${TARGET_SECONDS} s for the whole file.

| file | time |
|---|---|
| CSV (${mb(csv)}), one bad row (row 5,002): refused, nothing written | ${s(refused.seconds)} |
| CSV (${mb(csv)}): imported | ${s(imported.seconds)} (${verdict(imported.seconds)} the target) |
| of which writing the rows (imported − refused) | ${s(imported.seconds - refused.seconds)} |
| the same CSV again: recognised, nothing written | ${s(again.seconds)} |
| Excel (${mb(xlsx)}): imported | ${s(importedXlsx.seconds)} (${verdict(importedXlsx.seconds)} the target) |

Load average when the run ended: ${loadavg()[0]?.toFixed(1)} (anything above the number of cores means
other work shared the machine and slowed these figures).`,
  );
  console.log(
    `evidence import on ${engine}: refused ${s(refused.seconds)}, CSV ${s(imported.seconds)}, again ${s(again.seconds)}, Excel ${s(importedXlsx.seconds)}`,
  );
} finally {
  await database.dispose();
}
