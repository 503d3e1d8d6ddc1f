import { loadavg } from 'node:os';
import {
  createNetwork,
  createOrganisation,
  createPersonWithPassword,
  type Database,
  insertAttendances,
  insertConsents,
  insertDeliverySession,
  insertMembership,
  insertParticipants,
  insertProgramme,
  insertQuestionnaireResponses,
  replaceProgrammeParties,
} from '@coproduce/db';
import { createTestDatabase } from '@coproduce/db/testing';
import {
  computeClaim,
  detectAchievementsForVersions,
  drawVerificationSample,
  formatPounds,
  type ParticipantEvidence,
  type RateCard,
  type RateCardVersion,
} from '@coproduce/domain';
import { initialSnapshot, WORKFLOWS } from '@coproduce/workflow';
import { writeSection } from '../../../scripts/bench-report.mjs';
import { computeProgrammeClaim } from '../src/services/claims/compute.ts';
import { amendRateCard } from '../src/services/rate-card-service.ts';
import { addDays, today } from '../src/time.ts';
import type { ActingMember } from '../src/trpc/context.ts';

/**
 * Claim computation for 100,000 participants over a year of achievements (issue 5): the pure
 * rules in memory (detection, pricing with caps and a dated amendment, the sample), then the
 * whole claim through the database — evidence query, rules, lines, sample, audit — on the
 * engine `DATABASE_URL` picks (PGlite without it). The evidence is generated, seeded, the same
 * on every run: each participant starts at some point in the year, is scored on PHQ-9 and
 * SWEMWBS at baseline, attends up to eight weekly group sessions, is scored at the end of
 * treatment and, if the year lasts long enough, at a 3-month follow-up.
 */
const PARTICIPANTS = Number(process.env.CLAIMS_BENCH_PARTICIPANTS ?? 100_000);
const YEAR_END = addDays(today(), -1);
const YEAR_START = addDays(YEAR_END, -364);
const WEEKS = 52;
const sessionDay = (week: number) => addDays(YEAR_START, week * 7 + 2);

/** mulberry32: a small, well-known seeded generator. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Plan {
  readonly enrolledOn: string;
  readonly scores: {
    instrument: 'PHQ9' | 'SWEMWBS';
    timepoint: string;
    on: string;
    score: number;
  }[];
  readonly weeks: number[];
}

function plans(count: number): Plan[] {
  const rng = random(2026);
  const normal = (mean: number, sd: number) =>
    mean + sd * Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const clamp = (value: number, low: number, high: number) =>
    Math.min(high, Math.max(low, Math.round(value)));
  return Array.from({ length: count }, () => {
    const startWeek = Math.floor(rng() * 44);
    const start = addDays(sessionDay(startWeek), -2);
    const phq9 = clamp(normal(13, 5), 0, 27);
    const wellbeing = clamp(normal(19, 4), 7, 35);
    const scores: Plan['scores'] = [
      { instrument: 'PHQ9', timepoint: 'baseline', on: start, score: phq9 },
      { instrument: 'SWEMWBS', timepoint: 'baseline', on: start, score: wellbeing },
    ];
    const endOfTreatment = addDays(start, 60);
    if (endOfTreatment <= YEAR_END && rng() < 0.85) {
      scores.push({
        instrument: 'PHQ9',
        timepoint: 'end-of-treatment',
        on: endOfTreatment,
        score: clamp(phq9 + normal(-5.5, 4.5), 0, 27),
      });
    }
    const followUp = addDays(start, 150);
    if (followUp <= YEAR_END && rng() < 0.7) {
      scores.push({
        instrument: 'SWEMWBS',
        timepoint: 'follow-up-3m',
        on: followUp,
        score: clamp(wellbeing + normal(3.5, 3.5), 7, 35),
      });
    }
    const weeks: number[] = [];
    for (let week = startWeek; week < Math.min(WEEKS, startWeek + 8); week += 1) {
      if (rng() < 0.8) weeks.push(week);
    }
    return { enrolledOn: addDays(start, -3), scores, weeks };
  });
}

function card(followUpPence: number, funders: readonly string[]): RateCard {
  return {
    outcomes: [
      {
        code: 'BASELINE',
        definition: 'Completed a baseline questionnaire',
        trigger: { kind: 'baseline-completed' },
        pricePence: 5_000,
        maxClaimsPerParticipant: 1,
      },
      {
        code: 'ATTEND-6',
        definition: 'Attended at least six sessions',
        trigger: { kind: 'attended-sessions', minSessions: 6 },
        pricePence: 15_000,
        maxClaimsPerParticipant: 1,
      },
      {
        code: 'PHQ9-RI',
        definition: 'Reliable improvement in depression by the end of treatment',
        trigger: {
          kind: 'reliable-improvement',
          instrument: 'PHQ9',
          timepoint: 'end-of-treatment',
        },
        pricePence: 40_000,
        maxClaimsPerParticipant: 1,
      },
      {
        code: 'SWEMWBS-3M',
        definition: 'Wellbeing up by 3 points at the 3-month follow-up',
        trigger: {
          kind: 'metric-gain',
          instrument: 'SWEMWBS',
          minGain: 3,
          timepoint: 'follow-up-3m',
        },
        pricePence: followUpPence,
        maxClaimsPerParticipant: 1,
      },
    ],
    participantCapPence: 80_000,
    contractCapPence: null,
    funders: funders.map((organisationId, index) => ({
      organisationId,
      share: index === 0 ? 6 : 4,
    })),
  };
}

const AMENDED_ON = addDays(YEAR_START, 182);

async function timed<T>(run: () => T | Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await run();
  return { seconds: (performance.now() - started) / 1000, result };
}
const s = (seconds: number) => `${seconds.toFixed(2)} s`;
const n = (count: number) => count.toLocaleString('en-GB');

// --- In memory: the pure rules --------------------------------------------------------------
const people = plans(PARTICIPANTS);
const evidence: ParticipantEvidence[] = people.map((plan, i) => ({
  participantId: `p${String(i).padStart(7, '0')}`,
  scores: plan.scores.map((score, j) => ({
    id: `r${i}-${j}`,
    instrument: score.instrument,
    timepoint: score.timepoint,
    score: score.score,
    completedOn: score.on,
  })),
  attendedSessionDates: plan.weeks.map(sessionDay),
}));
const versions: RateCardVersion[] = [
  { id: 'v1', effectiveFrom: addDays(YEAR_START, -30), card: card(25_000, ['icb', 'council']) },
  { id: 'v2', effectiveFrom: AMENDED_ON, card: card(30_000, ['icb', 'council']) },
];
const detected = await timed(() => detectAchievementsForVersions(versions, evidence, []));
const achievements = detected.result;
const wholeYear = await timed(() => computeClaim({ versions, achievements, alreadyClaimed: [] }));
// Quarterly claims: each priced against what the earlier ones claimed.
const quarterEnds = [91, 182, 273, 364].map((d) => addDays(YEAR_START, d));
const claimed: {
  participantId: string | null;
  outcomeCode: string;
  occurrence: number;
  amountPence: number;
}[] = [];
let lastQuarter = { seconds: 0, lines: 0 };
for (const end of quarterEnds) {
  const upTo = achievements.filter((a) => a.achievedOn <= end);
  const quarter = await timed(() =>
    computeClaim({ versions, achievements: upTo, alreadyClaimed: claimed }),
  );
  claimed.push(...quarter.result.lines);
  lastQuarter = { seconds: quarter.seconds, lines: quarter.result.lines.length };
}
if (claimed.length !== wholeYear.result.lines.length)
  throw new Error(
    `quarterly claims made ${claimed.length} lines, the year ${wholeYear.result.lines.length}`,
  );
const sampled = await timed(() =>
  drawVerificationSample(
    'bench-seed',
    wholeYear.result.lines.flatMap((l) =>
      l.participantId && l.amountPence > 0 ? [l.participantId] : [],
    ),
  ),
);
const reduced = wholeYear.result.lines.filter((l) => l.reduction !== null).length;
console.log(
  `pure: detect ${s(detected.seconds)} (${n(achievements.length)} achievements), price the year ${s(wholeYear.seconds)} (${n(wholeYear.result.lines.length)} lines), last quarter ${s(lastQuarter.seconds)}, sample ${s(sampled.seconds)}`,
);
writeSection(
  'claims-pure',
  'npm run bench -w @coproduce/api',
  `## Claim computation, pure rules (in memory)

${n(PARTICIPANTS)} generated participants over a year (seeded): PHQ-9 and SWEMWBS at baseline,
up to eight weekly sessions, end of treatment, 3-month follow-up. A rate card of four outcomes
with a cap per participant, amended half-way through the year.

| step | time |
|---|---|
| \`detectAchievementsForVersions\`: ${n(achievements.length)} achievements | ${s(detected.seconds)} |
| \`computeClaim\` for the whole year: ${n(wholeYear.result.lines.length)} lines (${n(reduced)} reduced by the cap), ${formatPounds(wholeYear.result.totalPence)} | ${s(wholeYear.seconds)} |
| \`computeClaim\` for the fourth quarter, against the three claimed before: ${n(lastQuarter.lines)} lines | ${s(lastQuarter.seconds)} |
| \`drawVerificationSample\`: ${n(sampled.result.length)} participants (10%) | ${s(sampled.seconds)} |`,
);

// --- Through the database: the whole claim ---------------------------------------------------
const database = await createTestDatabase();
const engine = database.kind === 'pglite' ? 'PGlite (embedded)' : 'PostgreSQL 15';
const db: Database = database.db;
try {
  const setup = await timed(async () => {
    const network = await createNetwork(db, {
      slug: `bench-${crypto.randomUUID()}`,
      name: 'Bench',
    });
    const hub = await createOrganisation(db, { networkId: network.id, kind: 'hub', name: 'Hub' });
    const site = await createOrganisation(db, {
      networkId: network.id,
      kind: 'site',
      name: 'Site',
    });
    const funders = [
      await createOrganisation(db, { networkId: network.id, kind: 'commissioner', name: 'ICB' }),
      await createOrganisation(db, {
        networkId: network.id,
        kind: 'commissioner',
        name: 'Council',
      }),
    ];
    const person = await createPersonWithPassword(db, {
      name: 'Bench Coordinator',
      email: `coordinator-${crypto.randomUUID()}@bench.example.org`,
      passwordHash: 'not-a-real-hash',
      emailVerified: true,
    });
    const membership = await insertMembership(db, {
      networkId: network.id,
      organisationId: hub.id,
      personId: person.id,
      role: 'hub_coordinator',
      grantedBy: null,
    });
    if (!membership) throw new Error('no membership');
    const coordinator: ActingMember = {
      personId: person.id,
      membershipId: membership.id,
      role: 'hub_coordinator',
      organisationId: hub.id,
      networkId: network.id,
    };
    const programme = await insertProgramme(db, {
      networkId: network.id,
      hubOrganisationId: hub.id,
      name: 'Bench programme',
      budgetPence: 0,
      delegationLimitPence: 1_000_000,
      stage: 'delivery',
      state: 'active.delivery',
      snapshot: initialSnapshot('programme'),
      machineVersion: WORKFLOWS.programme.version,
      createdBy: person.id,
    });
    await replaceProgrammeParties(db, {
      networkId: network.id,
      programmeId: programme.id,
      siteIds: [site.id],
      funders: funders.map((f, i) => ({
        organisationId: f.id,
        shareBasisPoints: i === 0 ? 6000 : 4000,
      })),
    });
    const scope = { networkId: network.id, siteOrganisationId: site.id, programmeId: programme.id };
    // One transaction for the bulk rows: one commit instead of hundreds.
    await db.transaction(async (db) => {
      const created = await insertParticipants(
        db,
        people.map((plan, i) => ({
          ...scope,
          code: `B-${String(i).padStart(7, '0')}`,
          enrolledOn: plan.enrolledOn,
          enrolledBy: person.id,
        })),
      );
      const ids = new Map(created.map((p) => [p.code, p.id]));
      const idOf = (i: number) => ids.get(`B-${String(i).padStart(7, '0')}`) as string;
      await insertConsents(
        db,
        people.map((plan, i) => ({
          networkId: network.id,
          participantId: idOf(i),
          noticeVersion: 'bench',
          serviceDelivery: true,
          evaluation: true,
          sharingWithCommissioners: true,
          givenOn: plan.enrolledOn,
          recordedBy: person.id,
        })),
      );
      await insertQuestionnaireResponses(
        db,
        people.flatMap((plan, i) =>
          plan.scores.map((score, j) => ({
            ...scope,
            participantId: idOf(i),
            instrument: score.instrument,
            timepointCode: score.timepoint,
            recordedOn: score.on,
            collectedBy: person.id,
            collectorRole: 'practitioner',
            valid: true,
            total: score.score,
            metric: score.instrument === 'SWEMWBS' ? score.score : null,
            idempotencyKey: `bench-${i}-${j}`,
          })),
        ),
      );
      for (let week = 0; week < WEEKS; week += 1) {
        const session = await insertDeliverySession(db, {
          ...scope,
          heldOn: sessionDay(week),
          kind: 'group',
          durationMinutes: 90,
          practitionerId: person.id,
          recordedBy: person.id,
          idempotencyKey: `bench-week-${week}`,
        });
        if (!session) throw new Error('no session');
        await insertAttendances(
          db,
          people.flatMap((plan, i) =>
            plan.weeks.includes(week)
              ? [
                  {
                    networkId: network.id,
                    sessionId: session.id,
                    participantId: idOf(i),
                    status: 'attended' as const,
                  },
                ]
              : [],
          ),
        );
      }
    });
    const ids2 = funders.map((f) => f.id);
    await amendRateCard(db, coordinator, {
      programmeId: programme.id,
      effectiveFrom: versions[0]?.effectiveFrom ?? YEAR_START,
      reason: '',
      card: card(25_000, ids2),
    });
    await amendRateCard(db, coordinator, {
      programmeId: programme.id,
      effectiveFrom: AMENDED_ON,
      reason: 'Follow-ups repriced',
      card: card(30_000, ids2),
    });
    return { coordinator, programmeId: programme.id };
  });
  const { coordinator, programmeId } = setup.result;
  const computed = await timed(() =>
    computeProgrammeClaim(db, coordinator, {
      programmeId,
      periodStart: YEAR_START,
      periodEnd: YEAR_END,
      idempotencyKey: `bench-${crypto.randomUUID()}`,
    }),
  );
  if (computed.result.lineCount !== wholeYear.result.lines.length)
    throw new Error(
      `the database claim has ${computed.result.lineCount} lines, the pure one ${wholeYear.result.lines.length}`,
    );
  if (computed.result.totalPence !== wholeYear.result.totalPence)
    throw new Error('the database claim and the pure one differ in total');
  console.log(`claim on ${engine}: setup ${s(setup.seconds)}, compute ${s(computed.seconds)}`);
  writeSection(
    `claims-${database.kind}`,
    database.kind === 'pglite'
      ? 'npm run bench -w @coproduce/api'
      : 'DATABASE_URL=… npm run bench -w @coproduce/api',
    `## Claim computation through the database on ${engine}

The same ${n(PARTICIPANTS)} participants and year of evidence stored as rows
(${n(people.reduce((t, p) => t + p.scores.length, 0))} questionnaires,
${n(people.reduce((t, p) => t + p.weeks.length, 0))} attendances at ${WEEKS} weekly sessions), then
\`computeProgrammeClaim\` for the whole year in one transaction: the evidence query, detection and
pricing, the seeded 10% sample, ${n(computed.result.lineCount)} lines written, the claim and its
audit entry. Its lines and total equal the pure computation's.

| step | time |
|---|---|
| storing the evidence (set-up, not part of the claim) | ${s(setup.seconds)} |
| computing and storing the claim (${formatPounds(computed.result.totalPence)}, ${n(computed.result.sampledParticipants)} participants sampled) | ${s(computed.seconds)} |

Load average when the run ended: ${loadavg()[0]?.toFixed(1)} (anything above the number of cores means
other work shared the machine and slowed these figures).`,
  );
} finally {
  await database.dispose();
}
