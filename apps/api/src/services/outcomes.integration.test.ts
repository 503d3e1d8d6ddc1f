import {
  createNetwork,
  createOrganisation,
  createPersonWithPassword,
  type Database,
  insertMembership,
  insertProgramme,
  insertReportingPeriod,
  type Organisation,
  replaceProgrammeParties,
  schema,
} from '@coproduce/db';
import {
  DEFAULT_OUTCOMES_FRAMEWORK,
  type InstrumentCode,
  type OutcomesReport,
  type Role,
  scoreInstrument,
} from '@coproduce/domain';
import { initialSnapshot, WORKFLOWS } from '@coproduce/workflow';
import { TRPCError } from '@trpc/server';
import { eq, TransactionRollbackError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '../root.ts';
import { PROGRAMME_TERMS } from '../test-support/programme-terms.ts';
import { type RunningServer, startServer } from '../testing.ts';
import type { ActingMember } from '../trpc/context.ts';
import { createContextInner } from '../trpc/context.ts';
import { outcomesReport } from './outcomes-service.ts';

let server: RunningServer;
let db: Database;
const NOW = new Date('2025-12-31T12:00:00Z');

/** Fills items from the first so the published total comes out as `total`. */
function answersFor(code: 'PHQ9' | 'GAD7', total: number): (number | null)[] {
  const items = code === 'PHQ9' ? 9 : 7;
  return Array.from({ length: items }, (_, i) => Math.max(0, Math.min(3, total - 3 * i)));
}

interface World {
  networkId: string;
  hub: Organisation;
  siteA: Organisation;
  siteB: Organisation;
  funder: Organisation;
  outsider: Organisation;
  person: string;
  programmeId: string;
  tableOneProgrammeId: string;
  participants: Record<string, string>;
  sessions: Record<string, string>;
}
let world: World;

async function newPerson(label: string) {
  return createPersonWithPassword(db, {
    name: `Test ${label}`,
    email: `${label}-${crypto.randomUUID()}@test.example.org`,
    passwordHash: 'not-a-real-hash',
    emailVerified: true,
  });
}

async function newProgramme(name: string, siteIds: string[], outcomesFramework: unknown) {
  const programme = await insertProgramme(db, {
    name,
    ...PROGRAMME_TERMS,
    minimumCohort: 5,
    networkId: world.networkId,
    hubOrganisationId: world.hub.id,
    state: 'proposal.draft',
    stage: 'proposal',
    snapshot: initialSnapshot('programme'),
    machineVersion: WORKFLOWS.programme.version,
    createdBy: world.person,
    outcomesFramework: outcomesFramework as never,
  });
  await replaceProgrammeParties(db, {
    networkId: world.networkId,
    programmeId: programme.id,
    siteIds,
    funders: [{ organisationId: world.funder.id, shareBasisPoints: 10_000 }],
  });
  return programme.id;
}

async function enrol(
  programmeId: string,
  site: Organisation,
  code: string,
  consent: { evaluation?: boolean; withdrawnOn?: string } = {},
  equality: Partial<Record<'sex' | 'ethnicGroup', string>> = {},
) {
  const [row] = await db
    .insert(schema.participants)
    .values({
      networkId: world.networkId,
      siteOrganisationId: site.id,
      programmeId,
      code: `${code}-${crypto.randomUUID().slice(0, 8)}`,
      enrolledOn: '2025-01-02',
      enrolledBy: world.person,
      ...equality,
    })
    .returning();
  if (!row) throw new Error('participant not inserted');
  await db.insert(schema.consents).values({
    networkId: world.networkId,
    participantId: row.id,
    noticeVersion: 'v1',
    serviceDelivery: true,
    evaluation: consent.evaluation ?? true,
    sharingWithCommissioners: true,
    givenOn: '2025-01-02',
    recordedBy: world.person,
    withdrawnOn: consent.withdrawnOn ?? null,
  });
  await db.insert(schema.participantIdentities).values({
    participantId: row.id,
    networkId: world.networkId,
    siteOrganisationId: site.id,
    givenName: 'Fictional',
    familyName: code,
    dateOfBirth: '1980-01-01',
  });
  return row.id;
}

async function session(
  programmeId: string,
  site: Organisation,
  heldOn: string,
  kind: 'assessment' | 'treatment' | 'group' | 'follow-up',
  attendees: Record<string, 'attended' | 'did-not-attend'>,
) {
  const [row] = await db
    .insert(schema.deliverySessions)
    .values({
      networkId: world.networkId,
      siteOrganisationId: site.id,
      programmeId,
      heldOn,
      kind,
      durationMinutes: 60,
      practitionerId: world.person,
      recordedBy: world.person,
      idempotencyKey: crypto.randomUUID(),
    })
    .returning();
  if (!row) throw new Error('session not inserted');
  await db.insert(schema.attendances).values(
    Object.entries(attendees).map(([participantId, status]) => ({
      networkId: world.networkId,
      sessionId: row.id,
      participantId,
      status,
    })),
  );
  return row.id;
}

interface ResponseSpec {
  instrument: InstrumentCode;
  timepoint: string;
  on: string;
  answers: (number | null)[];
  by?: 'practitioner' | 'community_researcher' | 'site_lead';
  sessionId?: string;
}

async function respond(programmeId: string, participantId: string, ...specs: ResponseSpec[]) {
  const [participant] = await db
    .select()
    .from(schema.participants)
    .where(eq(schema.participants.id, participantId));
  if (!participant) throw new Error('no participant');
  await db.insert(schema.questionnaireResponses).values(
    specs.map((spec) => {
      const score = scoreInstrument(spec.instrument, spec.answers);
      return {
        networkId: world.networkId,
        siteOrganisationId: participant.siteOrganisationId,
        programmeId,
        participantId,
        instrument: spec.instrument,
        timepointCode: spec.timepoint,
        recordedOn: spec.on,
        collectedBy: world.person,
        collectorRole: spec.by ?? 'practitioner',
        answers: spec.answers,
        valid: score.valid,
        total: score.total,
        band: score.band,
        caseness: score.caseness,
        riskFlag: score.riskFlag,
        metric: score.metric,
        subscales: score.subscales,
        missingItems: spec.answers.filter((a) => a === null).length,
        sessionId: spec.sessionId ?? null,
        idempotencyKey: crypto.randomUUID(),
      };
    }),
  );
}

const phq = (timepoint: string, on: string, total: number, extra: Partial<ResponseSpec> = {}) => ({
  instrument: 'PHQ9' as const,
  timepoint,
  on,
  answers: answersFor('PHQ9', total),
  ...extra,
});
const gad = (timepoint: string, on: string, total: number, extra: Partial<ResponseSpec> = {}) => ({
  instrument: 'GAD7' as const,
  timepoint,
  on,
  answers: answersFor('GAD7', total),
  ...extra,
});

/**
 * Site A: nine participants with evaluation consent (P6 erased, P7 withdrew on 1 March, P11 never
 * answered) and P8 without evaluation consent; site B: P10. Scores are chosen so every figure
 * below can be worked out by hand.
 */
async function buildWorld() {
  const network = await createNetwork(db, { slug: 'outcomes', name: 'Outcomes network' });
  const org = (kind: Organisation['kind'], name: string) =>
    createOrganisation(db, { networkId: network.id, kind, name });
  world = {
    networkId: network.id,
    hub: await org('hub', 'Outcomes hub'),
    siteA: await org('site', 'A site'),
    siteB: await org('site', 'B site'),
    funder: await org('commissioner', 'Funding ICB'),
    outsider: await org('commissioner', 'Other council'),
    person: '',
    programmeId: '',
    tableOneProgrammeId: '',
    participants: {},
    sessions: {},
  };
  world.person = (await newPerson('recorder')).id;
  const { siteA, siteB } = world;
  const programmeId = await newProgramme('Talking therapies', [siteA.id, siteB.id], {
    instruments: ['PHQ9', 'GAD7'],
    timepoints: DEFAULT_OUTCOMES_FRAMEWORK,
  });
  world.programmeId = programmeId;
  for (const [number, startsOn, endsOn] of [
    [1, '2025-01-01', '2025-03-31'],
    [2, '2025-04-01', '2025-06-30'],
  ] as const) {
    await insertReportingPeriod(db, {
      networkId: world.networkId,
      programmeId,
      number,
      startsOn,
      endsOn,
      returnDueOn: '2025-07-30',
    });
  }

  const p: Record<string, string> = {};
  p.P1 = await enrol(programmeId, siteA, 'P1', {}, { sex: 'female', ethnicGroup: 'african' });
  p.P2 = await enrol(programmeId, siteA, 'P2', {}, { sex: 'female' });
  p.P3 = await enrol(programmeId, siteA, 'P3', {}, { sex: 'male' });
  p.P4 = await enrol(programmeId, siteA, 'P4', {}, { sex: 'prefer-not-to-say' });
  p.P5 = await enrol(programmeId, siteA, 'P5');
  p.P6 = await enrol(programmeId, siteA, 'P6');
  p.P7 = await enrol(programmeId, siteA, 'P7', { withdrawnOn: '2025-03-01' });
  p.P8 = await enrol(programmeId, siteA, 'P8', { evaluation: false });
  p.P9 = await enrol(programmeId, siteA, 'P9');
  p.P11 = await enrol(programmeId, siteA, 'P11');
  p.P10 = await enrol(programmeId, siteB, 'P10');
  world.participants = p;
  const id = (key: string) => p[key] ?? '';

  await session(programmeId, siteA, '2025-01-08', 'assessment', { [id('P4')]: 'attended' });
  await session(programmeId, siteA, '2025-01-15', 'treatment', {
    ...Object.fromEntries(
      ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9'].map((k) => [id(k), 'attended']),
    ),
    [id('P11')]: 'did-not-attend',
  });
  const s2 = await session(programmeId, siteA, '2025-02-12', 'group', {
    ...Object.fromEntries(['P1', 'P2', 'P3', 'P4', 'P5', 'P9'].map((k) => [id(k), 'attended'])),
    [id('P6')]: 'did-not-attend',
  });
  await session(programmeId, siteA, '2025-03-12', 'treatment', {
    ...Object.fromEntries(['P1', 'P2', 'P3', 'P5', 'P8'].map((k) => [id(k), 'attended'])),
  });
  await session(programmeId, siteB, '2025-01-20', 'treatment', { [id('P10')]: 'attended' });
  await session(programmeId, siteB, '2025-02-20', 'treatment', { [id('P10')]: 'attended' });

  const b = 'baseline';
  const m3 = 'follow-up-3m';
  const m6 = 'follow-up-6m';
  await respond(
    programmeId,
    id('P1'),
    phq(b, '2024-12-20', 27),
    phq(b, '2025-01-10', 15),
    gad(b, '2025-01-10', 12),
    phq('session', '2025-02-12', 10, { sessionId: s2 }),
    phq(m3, '2025-06-01', 8),
    gad(m3, '2025-06-01', 5),
  );
  await respond(
    programmeId,
    id('P2'),
    phq(b, '2025-01-10', 12),
    gad(b, '2025-01-10', 9),
    phq(m3, '2025-05-25', 6),
    gad(m3, '2025-05-25', 8),
    // Three items missing: not scorable, so it is received but is not a score.
    { ...phq(m6, '2025-08-20', 0), answers: [1, 1, 1, 1, 1, 1, null, null, null] },
  );
  await respond(
    programmeId,
    id('P3'),
    phq(b, '2025-01-10', 20, { by: 'site_lead' }),
    gad(b, '2025-01-10', 15, { by: 'site_lead' }),
    phq('end-of-treatment', '2025-03-12', 14),
    gad('end-of-treatment', '2025-03-12', 10),
  );
  await respond(
    programmeId,
    id('P4'),
    phq(b, '2025-01-05', 10),
    gad(b, '2025-01-05', 6),
    phq(m3, '2025-05-01', 9),
    // One item missing: prorated (4 × 7/6 = 4.67 → 5).
    { ...gad(m3, '2025-05-01', 0), answers: [1, 1, 1, 1, 0, 0, null] },
  );
  await respond(
    programmeId,
    id('P5'),
    phq(b, '2025-01-12', 18),
    gad(b, '2025-01-12', 14),
    // Late: the 3-month window closed on 2 July.
    phq(m3, '2025-07-10', 10, { by: 'community_researcher' }),
    gad(m3, '2025-07-10', 18, { by: 'community_researcher' }),
  );
  await respond(
    programmeId,
    id('P6'),
    phq(b, '2025-01-10', 9),
    gad(b, '2025-01-10', 7),
    phq(m6, '2025-07-01', 11, { by: 'community_researcher' }),
    gad(m6, '2025-07-01', 12, { by: 'community_researcher' }),
  );
  await respond(
    programmeId,
    id('P7'),
    phq(b, '2025-01-10', 16),
    gad(b, '2025-01-10', 10),
    // After the withdrawal: never used.
    phq(m3, '2025-04-15', 5),
    gad(m3, '2025-04-15', 3),
  );
  await respond(
    programmeId,
    id('P8'),
    phq(b, '2025-01-10', 22),
    gad(b, '2025-01-10', 20),
    phq(m3, '2025-06-01', 2),
    gad(m3, '2025-06-01', 1),
  );
  await respond(
    programmeId,
    id('P9'),
    // Late: recorded the day after the first session.
    phq(b, '2025-01-16', 6),
    gad(b, '2025-01-16', 5),
    phq(m3, '2025-05-10', 4),
    gad(m3, '2025-05-10', 3),
  );
  await respond(
    programmeId,
    id('P10'),
    phq(b, '2025-01-15', 14),
    gad(b, '2025-01-15', 10),
    phq(m3, '2025-05-20', 7),
    gad(m3, '2025-05-20', 4),
  );

  // P6 asked to be erased: the identity goes, the pseudonymous rows stay.
  await db
    .delete(schema.participantIdentities)
    .where(eq(schema.participantIdentities.participantId, id('P6')));
  await db
    .update(schema.participants)
    .set({ erasedAt: new Date('2025-09-01T10:00:00Z') })
    .where(eq(schema.participants.id, id('P6')));
}

const member = (role: Role, organisation: Organisation): ActingMember => ({
  personId: world.person,
  membershipId: crypto.randomUUID(),
  role,
  organisationId: organisation.id,
  networkId: organisation.networkId,
});

async function callerFor(role: Role, organisation: Organisation) {
  const person = await newPerson(role);
  const membership = await insertMembership(db, {
    networkId: organisation.networkId,
    organisationId: organisation.id,
    personId: person.id,
    role,
    grantedBy: null,
  });
  if (!membership) throw new Error('membership not created');
  return createCaller(
    createContextInner(server.deps, {
      id: crypto.randomUUID(),
      personId: person.id,
      activeMembershipId: membership.id,
      twoFactorEnabled: true,
    }),
  );
}

const measure = (report: OutcomesReport, code: string) => {
  const found = report.measures.find((m) => m.measure === code);
  if (!found) throw new Error(`no measure ${code}`);
  return found;
};
const round = (report: OutcomesReport, code: string) => {
  const found = report.rounds.find((r) => r.timepointCode === code);
  if (!found) throw new Error(`no round ${code}`);
  return found;
};

beforeAll(async () => {
  server = await startServer({ seed: false });
  db = server.database.db;
  await buildWorld();
}, 120_000);
afterAll(async () => {
  await server?.close();
});

describe('outcomes report: one site, read by its site lead', () => {
  let report: OutcomesReport;
  beforeAll(async () => {
    report = await outcomesReport(
      db,
      member('site_lead', world.siteA),
      { programmeId: world.programmeId, siteId: world.siteA.id },
      NOW,
    );
  });

  it('shows exact figures to the site itself', () => {
    expect(report.smallNumbersSuppressed).toBe(false);
    expect(report.site).toEqual({ id: world.siteA.id, name: 'A site' });
    expect(report.period).toBeNull();
    expect(report.generatedAt).toBe(NOW.toISOString());
    expect(report.measures.map((m) => m.measure)).toEqual(['PHQ9', 'GAD7']);
  });

  it('pairs the latest baseline with the last valid later score and works out the statistics', () => {
    // Pairs (baseline → last): P1 15→8, P2 12→6, P3 20→14, P4 10→9, P5 18→10, P6 9→11, P9 6→4.
    const phq9 = measure(report, 'PHQ9');
    expect(phq9.n).toBe(7);
    expect(phq9.meanBaseline).toBeCloseTo(90 / 7, 10);
    expect(phq9.meanLast).toBeCloseTo(62 / 7, 10);
    expect(phq9.meanChange).toBeCloseTo(-4, 10);
    // Changes −7 −6 −6 −1 −8 +2 −2: sum of squared deviations 82, sd √(82/6); t(0.975, 6).
    const sd = Math.sqrt(82 / 6);
    const halfWidth = (2.446911851144969 * sd) / Math.sqrt(7);
    expect(phq9.ci95?.[0]).toBeCloseTo(-4 - halfWidth, 6); // −7.419012
    expect(phq9.ci95?.[1]).toBeCloseTo(-4 + halfWidth, 6); // −0.580988
    expect(phq9.effectSize).toBeCloseTo(-4 / sd, 10);
    // A fall of 6 or more: P1, P2, P3, P5.
    expect(phq9.reliablyImproved).toBe(4);
    expect(phq9.reliablyImprovedShare).toBeCloseTo(4 / 7, 10);
    expect(phq9.higherIsBetter).toBe(false);
    expect(phq9.distribution.baseline).toEqual([
      { label: 'minimal', count: 0 },
      { label: 'mild', count: 2 },
      { label: 'moderate', count: 2 },
      { label: 'moderately severe', count: 2 },
      { label: 'severe', count: 1 },
    ]);
    expect(phq9.distribution.last.map((b) => b.count)).toEqual([1, 3, 3, 0, 0]);

    // GAD-7: P1 12→5, P2 9→8, P3 15→10, P4 6→5 (prorated), P5 14→18, P6 7→12, P9 5→3.
    const gad7 = measure(report, 'GAD7');
    expect(gad7.n).toBe(7);
    expect(gad7.meanBaseline).toBeCloseTo(68 / 7, 10);
    expect(gad7.meanLast).toBeCloseTo(61 / 7, 10);
    // A fall of 4 or more: P1, P3.
    expect(gad7.reliablyImproved).toBe(2);
  });

  it('counts NHS Talking Therapies outcomes with the published denominators', () => {
    // Finished (≥ 2 attended treatment or group sessions): P1–P5 and P9; P6 attended one.
    expect(report.talkingTherapies).toEqual({
      episodes: 7,
      finishedTreatment: 6,
      notAtCasenessAtStart: 1, // P9
      recovered: 2, // P1, P4
      reliablyImproved: 3, // P1, P2, P3 (P5 improved on PHQ-9 but deteriorated on GAD-7)
      reliablyDeteriorated: 1, // P5
      reliablyRecovered: 1, // P1
      recoveryRate: 2 / 5,
      reliableImprovementRate: 3 / 6,
      reliableRecoveryRate: 1 / 5,
    });
  });

  it('tracks coverage, follow-ups, missing items and out-of-window questionnaires', () => {
    expect(report.dataQuality).toEqual({
      enrolled: 9, // P8 gave no evaluation consent
      withBaseline: 8, // everyone but P11
      baselineCoverage: 8 / 9,
      // 3- and 6-month follow-ups of the seven whose windows opened before any withdrawal.
      followUpsDue: 14,
      followUpsReceived: 7,
      followUpRate: 0.5,
      questionnaires: 33, // P7's after the withdrawal and P8's are not used
      withMissingItems: 2,
      outOfWindow: 4, // P9's late baselines, P5's late follow-ups
    });
    expect(report.sites).toEqual([
      { siteId: world.siteA.id, siteName: 'A site', quality: report.dataQuality },
    ]);
  });

  it('counts each collection round: expected, received, complete and who collected', () => {
    expect(report.rounds.map((r) => r.timepointCode)).toEqual([
      'baseline',
      'end-of-treatment',
      'follow-up-3m',
      'follow-up-6m',
    ]);
    expect(round(report, 'baseline')).toMatchObject({
      expected: 9,
      received: 8,
      complete: 8,
      responseRate: 8 / 9,
      completionRate: 1,
      collectedBy: { practitioner: 7, communityResearcher: 0, siteLead: 1 },
    });
    expect(round(report, 'end-of-treatment')).toMatchObject({
      expected: 8,
      received: 1,
      complete: 1,
    });
    expect(round(report, 'follow-up-3m')).toMatchObject({
      expected: 7,
      received: 5,
      complete: 5,
      collectedBy: { practitioner: 4, communityResearcher: 1, siteLead: 0 },
    });
    expect(round(report, 'follow-up-6m')).toMatchObject({
      expected: 7,
      received: 2,
      complete: 1, // P2's 6-month PHQ-9 could not be scored
      collectedBy: { practitioner: 1, communityResearcher: 1, siteLead: 0 },
    });
  });

  it('counts equality reach in census categories, with "not recorded"', () => {
    const sex = report.equality.find((e) => e.dimension === 'sex');
    expect(sex?.rows).toEqual([
      { value: 'female', label: 'Female', count: 2 },
      { value: 'male', label: 'Male', count: 1 },
      { value: 'prefer-not-to-say', label: 'Prefer not to say', count: 1 },
      { value: 'not-recorded', label: 'Not recorded', count: 5 },
    ]);
    const ethnicity = report.equality.find((e) => e.dimension === 'ethnicGroup');
    expect(ethnicity?.rows.find((r) => r.value === 'african')?.count).toBe(1);
    expect(report.equality.map((e) => e.dimension)).toEqual([
      'ageBand',
      'sex',
      'ethnicGroup',
      'religion',
      'mainLanguage',
      'disability',
    ]);
  });
});

describe('outcomes report: consent and erasure', () => {
  it('still counts an erased participant’s pseudonymous rows', async () => {
    const [identity] = await db
      .select()
      .from(schema.participantIdentities)
      .where(eq(schema.participantIdentities.participantId, world.participants.P6 ?? ''));
    expect(identity).toBeUndefined();
    const report = await outcomesReport(
      db,
      member('site_lead', world.siteA),
      { programmeId: world.programmeId, siteId: world.siteA.id },
      NOW,
    );
    // P6 (9 → 11) is one of the seven pairs and one of the seven episodes.
    expect(measure(report, 'PHQ9').n).toBe(7);
    expect(report.talkingTherapies.episodes).toBe(7);
  });

  it('leaves out what was recorded after consent was withdrawn', async () => {
    const actor = member('site_lead', world.siteA);
    const input = { programmeId: world.programmeId, siteId: world.siteA.id };
    // Had P7 not withdrawn, their 3-month follow-up (16 → 5) would make an eighth pair.
    let withoutWithdrawal: OutcomesReport | undefined;
    await db
      .transaction(async (tx) => {
        await tx
          .update(schema.consents)
          .set({ withdrawnOn: null })
          .where(eq(schema.consents.participantId, world.participants.P7 ?? ''));
        withoutWithdrawal = await outcomesReport(tx, actor, input, NOW);
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
    const withWithdrawal = await outcomesReport(db, actor, input, NOW);
    expect(measure(withWithdrawal, 'PHQ9').n).toBe(7);
    expect(withWithdrawal.dataQuality.enrolled).toBe(9);
    expect(withoutWithdrawal && measure(withoutWithdrawal, 'PHQ9').n).toBe(8);
  });
});

describe('outcomes report: periods', () => {
  it('pairs the last score on or before the period end, when it falls inside the period', async () => {
    const actor = member('site_lead', world.siteA);
    const second = await outcomesReport(
      db,
      actor,
      { programmeId: world.programmeId, siteId: world.siteA.id, periodNumber: 2 },
      NOW,
    );
    expect(second.period).toEqual({ number: 2, startsOn: '2025-04-01', endsOn: '2025-06-30' });
    // P1, P2, P4, P9 (P5's and P6's follow-ups come after 30 June; P3's last was in March).
    const phq9 = measure(second, 'PHQ9');
    expect(phq9.n).toBe(4);
    expect(phq9.meanBaseline).toBeCloseTo((15 + 12 + 10 + 6) / 4, 10);
    expect(phq9.meanLast).toBeCloseTo((8 + 6 + 9 + 4) / 4, 10);
    expect(second.dataQuality).toMatchObject({
      questionnaires: 8,
      followUpsDue: 8,
      followUpsReceived: 4,
    });

    const first = await outcomesReport(
      db,
      actor,
      { programmeId: world.programmeId, siteId: world.siteA.id, periodNumber: 1 },
      NOW,
    );
    // P1's session score on 12 February (10) and P3's end of treatment (14).
    expect(measure(first, 'PHQ9').n).toBe(2);
    expect(measure(first, 'PHQ9').meanLast).toBe(12);
  });

  it('refuses a period the programme does not have', async () => {
    await expect(
      outcomesReport(
        db,
        member('hub_coordinator', world.hub),
        { programmeId: world.programmeId, periodNumber: 9 },
        NOW,
      ),
    ).rejects.toMatchObject({ code: 'not-found', field: 'periodNumber' });
  });
});

describe('outcomes report: small-number suppression', () => {
  it('shows a commissioner "<5" and withholds figures from fewer than five people', async () => {
    const report = await (await callerFor('commissioner', world.funder)).outcomes.report({
      programmeId: world.programmeId,
    });
    expect(report.smallNumbersSuppressed).toBe(true);
    expect(report.site).toBeNull();
    // Site B's P10 (14 → 7) joins site A's seven.
    const phq9 = measure(report, 'PHQ9');
    expect(phq9.n).toBe(8);
    expect(phq9.meanChange).toBeCloseTo((-28 - 7) / 8, 10);
    expect(phq9.reliablyImproved).toBe(5);
    expect(phq9.reliablyImprovedShare).toBeCloseTo(5 / 8, 10);
    expect(report.talkingTherapies).toEqual({
      episodes: 8,
      finishedTreatment: 7,
      notAtCasenessAtStart: '<5',
      recovered: '<5',
      reliablyImproved: '<5',
      reliablyDeteriorated: '<5',
      reliablyRecovered: '<5',
      recoveryRate: null,
      reliableImprovementRate: null,
      reliableRecoveryRate: null,
    });
    expect(report.dataQuality.withMissingItems).toBe('<5');
    expect(report.sites.map((s) => [s.siteName, s.quality.enrolled])).toEqual([
      ['A site', 9],
      ['B site', '<5'],
    ]);
    expect(report.sites[1]?.quality.baselineCoverage).toBeNull();
    expect(round(report, 'end-of-treatment').received).toBe('<5');
    const sex = report.equality.find((e) => e.dimension === 'sex');
    expect(sex?.rows.map((r) => r.count)).toEqual(['<5', '<5', '<5', 6]);
  });

  it('suppresses for a site lead reading beyond their own site', async () => {
    const caller = await callerFor('site_lead', world.siteA);
    const own = await caller.outcomes.report({
      programmeId: world.programmeId,
      siteId: world.siteA.id,
    });
    expect(own.smallNumbersSuppressed).toBe(false);
    expect(own.talkingTherapies.recovered).toBe(2);
    const whole = await caller.outcomes.report({ programmeId: world.programmeId });
    expect(whole.smallNumbersSuppressed).toBe(true);
    expect(whole.talkingTherapies.recovered).toBe('<5');
    const hub = await (await callerFor('hub_coordinator', world.hub)).outcomes.report({
      programmeId: world.programmeId,
      siteId: world.siteA.id,
    });
    expect(hub.smallNumbersSuppressed).toBe(true);
    expect(hub.talkingTherapies.recovered).toBe('<5');
  });
});

describe('outcomes report: access', () => {
  const notFound = (promise: Promise<unknown>) =>
    promise.then(
      () => 'allowed',
      (error: unknown) => (error instanceof TRPCError ? error.code : String(error)),
    );

  it('answers a neighbouring site, a stranger site or an outside commissioner as not found', async () => {
    const siteLead = await callerFor('site_lead', world.siteA);
    expect(
      await notFound(
        siteLead.outcomes.report({ programmeId: world.programmeId, siteId: world.siteB.id }),
      ),
    ).toBe('NOT_FOUND');
    const hub = await callerFor('hub_coordinator', world.hub);
    expect(
      await notFound(hub.outcomes.report({ programmeId: world.programmeId, siteId: world.hub.id })),
    ).toBe('NOT_FOUND');
    const outsider = await callerFor('commissioner', world.outsider);
    expect(await notFound(outsider.outcomes.report({ programmeId: world.programmeId }))).toBe(
      'NOT_FOUND',
    );
  });

  it('sends exactly the report’s fields, with no participant codes or identities', async () => {
    const report = await (await callerFor('auditor', world.hub)).outcomes.report({
      programmeId: world.programmeId,
    });
    expect(Object.keys(report).sort()).toEqual(
      [
        'programme',
        'site',
        'period',
        'generatedAt',
        'smallNumbersSuppressed',
        'measures',
        'talkingTherapies',
        'dataQuality',
        'sites',
        'rounds',
        'equality',
      ].sort(),
    );
    const text = JSON.stringify(report);
    expect(text).not.toMatch(/P1-|Fictional|1980-01-01/);
  });
});

describe('collection rounds: the evaluation report’s Table 1', () => {
  it('reproduces 85 expected, 23 received (27%), 16 complete (70%)', async () => {
    // Default framework: PHQ-9, GAD-7 and SWEMWBS. 16 answer all three; 4 skip SWEMWBS; 3 leave
    // too much of SWEMWBS blank to score it.
    const programmeId = await newProgramme('Survey round', [world.siteB.id], null);
    const swemwbs = (blank: number): ResponseSpec => ({
      instrument: 'SWEMWBS',
      timepoint: 'baseline',
      on: '2025-02-01',
      answers: [3, 3, 3, 3, 3, 3, 3].map((a, i) => (i < blank ? null : a)),
    });
    for (let i = 0; i < 85; i++) {
      const participant = await enrol(programmeId, world.siteB, `T${i}`);
      if (i >= 23) continue;
      const specs: ResponseSpec[] = [
        phq('baseline', '2025-02-01', 8),
        gad('baseline', '2025-02-01', 6),
      ];
      if (i < 16) specs.push(swemwbs(0));
      else if (i >= 20) specs.push(swemwbs(3));
      await respond(programmeId, participant, ...specs);
    }
    const report = await (await callerFor('commissioner', world.funder)).outcomes.report({
      programmeId,
    });
    const baseline = round(report, 'baseline');
    expect(baseline).toMatchObject({ expected: 85, received: 23, complete: 16 });
    expect(Math.round((baseline.responseRate ?? 0) * 100)).toBe(27);
    expect(Math.round((baseline.completionRate ?? 0) * 100)).toBe(70);
    expect(report.measures.map((m) => m.measure)).toEqual(['PHQ9', 'GAD7', 'SWEMWBS']);
    expect(report.dataQuality).toMatchObject({ enrolled: 85, withBaseline: 23 });
  });
});
