import {
  createNetwork,
  createOrganisation,
  createPersonWithPassword,
  insertMembership,
  insertProgramme,
  listAuditEntries,
  type Organisation,
  type Person,
  replaceProgrammeParties,
  schema,
} from '@coproduce/db';
import type { Role } from '@coproduce/domain';
import { initialSnapshot, WORKFLOWS } from '@coproduce/workflow';
import { TRPCError } from '@trpc/server';
import readExcelFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../../root.ts';
import { TestBrowser } from '../../test-support/http-client.ts';
import { PROGRAMME_TERMS } from '../../test-support/programme-terms.ts';
import { type RunningServer, startServer } from '../../testing.ts';
import { today } from '../../time.ts';
import { createContextInner } from '../../trpc/context.ts';
import { columnsFor, type ImportKind } from './columns.ts';
import { type Cells, participantRows, toCsv, toXlsx } from './sample-files.ts';

let server: RunningServer;
const PASSWORD = 'import-test-password-1';

interface Member {
  readonly person: Person;
  readonly membershipId: string;
}

let network: { id: string };
let site: Organisation;
let otherSite: Organisation;
let programmeId: string;
let siteLead: Member;
let practitioner: Member;
let researcher: Member;
let otherSiteLead: Member;

async function member(organisation: Organisation, role: Role, name: string): Promise<Member> {
  const db = server.database.db;
  const passwordHash = await (await server.deps.auth.$context).password.hash(PASSWORD);
  const person = await createPersonWithPassword(db, {
    name,
    email: `${name.toLowerCase().replace(/ /g, '.')}@import.example.org`,
    passwordHash,
    emailVerified: true,
  });
  const membership = await insertMembership(db, {
    networkId: organisation.networkId,
    organisationId: organisation.id,
    personId: person.id,
    role,
    grantedBy: null,
  });
  if (!membership) throw new Error('no membership');
  return { person, membershipId: membership.id };
}

const callerFor = (m: Member) =>
  createCaller(
    createContextInner(server.deps, {
      id: crypto.randomUUID(),
      personId: m.person.id,
      activeMembershipId: m.membershipId,
      twoFactorEnabled: false,
    }),
  );

const upload = (m: Member, kind: ImportKind, fileName: string, bytes: Buffer, siteId = site.id) =>
  callerFor(m).evidenceImport.upload({
    programmeId,
    siteId,
    kind,
    fileName,
    contentBase64: bytes.toString('base64'),
  });

/** Rows in every table an import writes to, and the audit trail. */
async function counts() {
  const db = server.database.db;
  return {
    participants: await db.$count(schema.participants),
    identities: await db.$count(schema.participantIdentities),
    consents: await db.$count(schema.consents),
    responses: await db.$count(schema.questionnaireResponses),
    imports: await db.$count(schema.evidenceImports),
    audit: await db.$count(schema.auditEntries),
  };
}

const TODAY = today();
const people = (count: number, seed: number) => participantRows(count, { seed, enrolledOn: TODAY });

/** Sets one cell of a file, by spreadsheet row number (header = 1) and column name. */
function withCell(rows: Cells[], row: number, column: string, value: string | null): Cells[] {
  const index = rows[0]?.indexOf(column) ?? -1;
  if (index < 0) throw new Error(`no column ${column}`);
  return rows.map((cells, i) =>
    i === row - 1 ? cells.map((c, j) => (j === index ? value : c)) : cells,
  );
}

beforeAll(async () => {
  server = await startServer({ seed: false });
  const db = server.database.db;
  network = await createNetwork(db, { slug: 'imports', name: 'Import network' });
  const hub = await createOrganisation(db, { networkId: network.id, kind: 'hub', name: 'Hub' });
  site = await createOrganisation(db, {
    networkId: network.id,
    kind: 'site',
    name: 'St Brigid Centre',
  });
  otherSite = await createOrganisation(db, {
    networkId: network.id,
    kind: 'site',
    name: 'Other site',
  });
  const creator = await member(hub, 'hub_coordinator', 'Grace Coordinator');
  // Only the stage matters to imports: the programme is taking participants' records.
  const programme = await insertProgramme(db, {
    name: 'Imported programme',
    ...PROGRAMME_TERMS,
    networkId: network.id,
    hubOrganisationId: hub.id,
    state: 'baseline',
    stage: 'baseline',
    snapshot: initialSnapshot('programme'),
    machineVersion: WORKFLOWS.programme.version,
    createdBy: creator.person.id,
  });
  programmeId = programme.id;
  await replaceProgrammeParties(db, {
    networkId: network.id,
    programmeId,
    siteIds: [site.id, otherSite.id],
    funders: [],
  });
  siteLead = await member(site, 'site_lead', 'Samuel Lead');
  practitioner = await member(site, 'practitioner', 'Ruth Practitioner');
  researcher = await member(site, 'community_researcher', 'Imran Researcher');
  otherSiteLead = await member(otherSite, 'site_lead', 'Yusuf Lead');
});
afterAll(async () => {
  await server?.close();
});

describe('evidenceImport.choices', () => {
  it('offers participants, the programme’s questionnaires and the licensed tools’ scores', async () => {
    const choices = await callerFor(practitioner).evidenceImport.choices({
      programmeId,
      siteId: site.id,
    });
    expect(choices.closedBecause).toBeNull();
    expect(choices.kinds.map((k) => k.kind)).toEqual([
      'participants',
      'responses:PHQ9',
      'responses:GAD7',
      'responses:SWEMWBS',
      'responses:PAM',
      'responses:OUTCOMES_STAR',
    ]);
    expect(choices.timepoints[0]).toEqual({ code: 'baseline', label: 'Baseline' });
  });
});

describe('evidenceImport.template', () => {
  it('gives a CSV of the header row only, so nothing in it can be imported', async () => {
    const file = await callerFor(siteLead).evidenceImport.template({
      programmeId,
      siteId: site.id,
      kind: 'participants',
      format: 'csv',
    });
    expect(file.fileName).toBe('participants-template.csv');
    expect(file.mimeType).toMatch(/^text\/csv/);
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    expect(text).toBe(
      `\uFEFF${columnsFor('participants')
        .map((c) => c.name)
        .join(',')}\n`,
    );
  });

  it('gives an Excel workbook with a guidance sheet quoting the questionnaire’s wording', async () => {
    const file = await callerFor(practitioner).evidenceImport.template({
      programmeId,
      siteId: site.id,
      kind: 'responses:PHQ9',
      format: 'xlsx',
    });
    expect(file.fileName).toBe('phq9-answers-template.xlsx');
    const sheets = await readExcelFile(Buffer.from(file.contentBase64, 'base64'));
    expect(sheets.map((s) => s.sheet)).toEqual(['Answers', 'How to fill this in']);
    expect(sheets[0]?.data).toEqual([columnsFor('responses:PHQ9').map((c) => c.name)]);
    const guidance = JSON.stringify(sheets[1]?.data);
    expect(guidance).toContain('Little interest or pleasure in doing things');
    expect(guidance).toContain('0 = Not at all');
    expect(guidance).toContain('follow-up-3m');
  });

  it('never reproduces a licensed tool’s questions: its template has a score column', async () => {
    const file = await callerFor(siteLead).evidenceImport.template({
      programmeId,
      siteId: site.id,
      kind: 'responses:PAM',
      format: 'xlsx',
    });
    const [data, guidance] = await readExcelFile(Buffer.from(file.contentBase64, 'base64'));
    expect(data?.data[0]).toEqual([
      'participant_code',
      'timepoint',
      'recorded_on',
      'collected_by_email',
      'score',
    ]);
    expect(JSON.stringify(guidance?.data)).toContain('only the score from the licensed tool');
  });

  it('refuses an instrument the programme does not use', async () => {
    const error = await callerFor(siteLead)
      .evidenceImport.template({
        programmeId,
        siteId: site.id,
        kind: 'responses:MOS_SSS',
        format: 'csv',
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).message).toBe(
      'MOS-SSS is not one of this programme’s questionnaires.',
    );
  });
});

describe('evidenceImport.upload of participants', () => {
  const good = people(12, 1);
  const bad = withCell(good, 7, 'date_of_birth', '31/02/1990');

  it('refuses a file with one bad row, naming the row and column, and imports nothing', async () => {
    const before = await counts();
    const result = await upload(siteLead, 'participants', 'people.csv', toCsv(bad));
    expect(result).toEqual({
      status: 'refused',
      totalProblems: 1,
      problems: [
        {
          row: 7,
          column: 'date_of_birth',
          problem: expect.stringContaining('real date'),
        },
      ],
    });
    expect(await counts()).toEqual(before);
  });

  it('imports the fixed file whole, in one transaction, audited once without personal data', async () => {
    const before = await counts();
    const result = await upload(siteLead, 'participants', 'people.csv', toCsv(good));
    expect(result).toEqual({ status: 'imported', importId: expect.any(String), rows: 12 });
    const after = await counts();
    expect(after).toEqual({
      ...before,
      participants: before.participants + 12,
      identities: before.identities + 12,
      consents: before.consents + 12,
      imports: before.imports + 1,
      audit: before.audit + 1,
    });
    const [entry] = await listAuditEntries(server.database.db, {
      networkId: network.id,
      action: 'evidence.imported',
      limit: 1,
    });
    const importId = result.status === 'imported' ? result.importId : '';
    expect(entry).toMatchObject({ objectType: 'evidence-import', objectId: importId });
    expect(entry?.detail).toEqual({
      importId,
      kind: 'participants',
      rowCount: 12,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      programmeId,
      siteId: site.id,
    });
    const detail = JSON.stringify(entry?.detail);
    for (const cells of good.slice(1)) {
      expect(detail).not.toContain(cells[1]);
    }
  });

  it('changes nothing when the same file is uploaded again, and says who imported it when', async () => {
    const before = await counts();
    const result = await upload(practitioner, 'participants', 'renamed.csv', toCsv(good));
    expect(result).toEqual({
      status: 'already-imported',
      importedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      importedBy: 'Samuel Lead',
    });
    expect(await counts()).toEqual(before);
  });

  it('refuses a different file enrolling the same people again, giving their codes', async () => {
    const again = [...good.slice(0, 3), ...people(1, 99).slice(1)];
    const result = await upload(siteLead, 'participants', 'again.csv', toCsv(again));
    expect(result.status).toBe('refused');
    if (result.status !== 'refused') return;
    expect(result.problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'given_name'],
      [3, 'given_name'],
    ]);
    expect(result.problems[0]?.problem).toMatch(
      /already enrolled in this programme at your site, as SBC-/,
    );
  });

  it('imports an Excel workbook the same way', async () => {
    const before = await counts();
    const rows = people(5, 2).map((r, i) =>
      i === 0 ? r : r.map((c, j) => (j === 0 ? `${c}x` : c)),
    );
    const result = await upload(siteLead, 'participants', 'people.xlsx', await toXlsx(rows));
    expect(result).toMatchObject({ status: 'imported', rows: 5 });
    expect((await counts()).participants).toBe(before.participants + 5);
  });

  it('lets exactly one of two identical uploads in when they race', async () => {
    const file = toCsv(
      people(8, 3).map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 1 ? `${c}-race` : c)))),
    );
    const before = await counts();
    const results = await Promise.all([
      upload(siteLead, 'participants', 'race.csv', file),
      upload(practitioner, 'participants', 'race.csv', file),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['already-imported', 'imported']);
    const after = await counts();
    expect(after.participants).toBe(before.participants + 8);
    expect(after.imports).toBe(before.imports + 1);
  });

  it('refuses a 10,000-row file with one bad row, naming it as Excel numbers it, and imports nothing', async () => {
    const rows = withCell(people(10_000, 4), 5_002, 'consent_service_delivery', 'perhaps');
    const before = await counts();
    const result = await upload(siteLead, 'participants', 'big.csv', toCsv(rows));
    expect(result).toEqual({
      status: 'refused',
      totalProblems: 1,
      problems: [{ row: 5_002, column: 'consent_service_delivery', problem: 'Enter yes or no.' }],
    });
    // Nothing is imported; the comparison with people already enrolled is an audited read.
    expect(await counts()).toEqual({ ...before, audit: before.audit + 1 });
  });

  it('lists at most 100 problems, with how many there are in all', async () => {
    const rows = people(150, 5).map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 9 ? 'x' : c))));
    const result = await upload(siteLead, 'participants', 'many.csv', toCsv(rows));
    expect(result).toMatchObject({ status: 'refused', totalProblems: 150 });
    if (result.status === 'refused') {
      expect(result.problems).toHaveLength(100);
      expect(result.problems[0]?.row).toBe(2);
    }
  });

  it('treats an upload for another site of the programme as not found', async () => {
    const error = await upload(otherSiteLead, 'participants', 'p.csv', toCsv(good)).catch(
      (e: unknown) => e,
    );
    expect((error as TRPCError).code).toBe('NOT_FOUND');
  });
});

describe('evidenceImport.upload of questionnaire answers', () => {
  let codes: string[] = [];
  const answersHeader = columnsFor('responses:PHQ9').map((c) => c.name);
  const answerRow = (
    code: string,
    cells: (string | null)[],
    email: string | null = null,
  ): Cells => [code, 'baseline', TODAY, email, ...cells];

  beforeAll(async () => {
    const rows = await server.database.db
      .select({ code: schema.participants.code })
      .from(schema.participants);
    codes = rows.map((r) => r.code).sort();
  });

  it('refuses an out-of-range answer naming its qN column, then imports the fixed file', async () => {
    const [a, b, c] = codes as [string, string, string];
    const bad: Cells[] = [
      answersHeader,
      answerRow(a, ['0', '1', '2', '3', '0', '1', '2', '3', '0']),
      answerRow(b, ['1', '1', '7', '1', '1', '1', '1', '1', '1'], researcher.person.email),
      answerRow(c, ['2', '2', '2', '2', null, '2', '2', '2', '1']),
    ];
    const before = await counts();
    const refused = await upload(practitioner, 'responses:PHQ9', 'phq9.csv', toCsv(bad));
    expect(refused).toEqual({
      status: 'refused',
      totalProblems: 1,
      problems: [{ row: 3, column: 'q3', problem: expect.stringMatching(/^Item 3 .* got 7\.$/) }],
    });
    expect(await counts()).toEqual(before);

    const fixed = withCell(bad, 3, 'q3', '3');
    const imported = await upload(practitioner, 'responses:PHQ9', 'phq9.csv', toCsv(fixed));
    expect(imported).toMatchObject({ status: 'imported', rows: 3 });
    const stored = await server.database.db
      .select()
      .from(schema.questionnaireResponses)
      .orderBy(schema.questionnaireResponses.idempotencyKey);
    const importId = imported.status === 'imported' ? imported.importId : '';
    expect(
      stored.map((r) => [
        r.idempotencyKey,
        r.collectedBy,
        r.collectorRole,
        r.total,
        r.riskFlag,
        r.importId,
      ]),
    ).toEqual([
      [`import:${importId}:row:2`, practitioner.person.id, 'practitioner', 12, false, importId],
      [
        `import:${importId}:row:3`,
        researcher.person.id,
        'community_researcher',
        11,
        true,
        importId,
      ],
      // One missing item is prorated: 15 × 9 ÷ 8 = 16.875 → 17.
      [`import:${importId}:row:4`, practitioner.person.id, 'practitioner', 17, true, importId],
    ]);
  });

  it('refuses answers already stored when they come again in a different file', async () => {
    const [a] = codes as [string];
    const rows: Cells[] = [
      answersHeader,
      answerRow(a, ['0', '1', '2', '3', '0', '1', '2', '3', '0']),
    ];
    const result = await upload(siteLead, 'responses:PHQ9', 'again.xlsx', await toXlsx(rows));
    expect(result).toEqual({
      status: 'refused',
      totalProblems: 1,
      problems: [
        {
          row: 2,
          column: 'participant_code',
          problem: expect.stringContaining('already has PHQ-9 answers'),
        },
      ],
    });
  });

  it('imports GAD-7 answers from Excel, and a licensed score from CSV', async () => {
    const [a, b] = codes as [string, string];
    const gad7: Cells[] = [
      columnsFor('responses:GAD7').map((c) => c.name),
      [a, 'Baseline', TODAY, null, '1', '1', '1', '1', '1', '1', '1'],
      [b, 'baseline', TODAY, null, '3', '3', '3', '3', '3', '3', '3'],
    ];
    expect(await upload(siteLead, 'responses:GAD7', 'gad7.xlsx', await toXlsx(gad7))).toMatchObject(
      {
        status: 'imported',
        rows: 2,
      },
    );
    const pam: Cells[] = [
      columnsFor('responses:PAM').map((c) => c.name),
      [a, 'baseline', TODAY, null, '55.2'],
    ];
    expect(await upload(siteLead, 'responses:PAM', 'pam.csv', toCsv(pam))).toMatchObject({
      status: 'imported',
      rows: 1,
    });
  });
});

describe('the upload route over HTTP', () => {
  it('takes a file bigger than the 1 MiB every other call is held to', async () => {
    const browser = new TestBrowser(server.url);
    expect((await browser.signIn(siteLead.person.email, PASSWORD)).status).toBe(200);
    await browser.mutate('session.selectMembership', { membershipId: siteLead.membershipId });
    const rows = people(10_000, 6).map((r, i) =>
      i === 0 ? r : r.map((c, j) => (j === 1 ? `${c}-http` : c)),
    );
    const file = toCsv(withCell(rows, 3, 'enrolled_on', 'yesterday'));
    expect(file.length * (4 / 3)).toBeGreaterThan(1_048_576);
    const response = await browser.mutate('evidenceImport.upload', {
      programmeId,
      siteId: site.id,
      kind: 'participants',
      fileName: 'big.csv',
      contentBase64: file.toString('base64'),
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({
      result: { data: { status: 'refused', problems: [{ row: 3, column: 'enrolled_on' }] } },
    });

    const elsewhere = await browser.mutate('session.selectMembership', {
      membershipId: siteLead.membershipId,
      padding: 'x'.repeat(1_100_000),
    });
    expect(elsewhere.status).toBe(413);
  });
});
