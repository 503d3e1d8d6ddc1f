import {
  type Database,
  insertAttendances,
  insertConsents,
  insertDeliverySession,
  insertParticipants,
  insertProgramme,
  insertQuestionnaireResponses,
  replaceProgrammeParties,
} from '@coproduce/db';
import type { RateCard } from '@coproduce/domain';
import { initialSnapshot, WORKFLOWS } from '@coproduce/workflow';
import { addDays, today } from '../time.ts';

/** A date `offset` days from today (negative: in the past). */
export const day = (offset: number) => addDays(today(), offset);

export interface ClaimWorld {
  readonly networkId: string;
  readonly hubId: string;
  readonly siteId: string;
  readonly funders: readonly { organisationId: string; shareBasisPoints: number }[];
  /** Recorded as the enroller, collector and practitioner. */
  readonly staffId: string;
}

export interface EvidenceTimeline {
  /** Days from today: enrolment and consent, baseline, six weekly sessions, end of treatment. */
  readonly enrolled: number;
  readonly baseline: number;
  readonly firstSession: number;
  readonly endOfTreatment: number;
}

export const DEFAULT_TIMELINE: EvidenceTimeline = {
  enrolled: -200,
  baseline: -190,
  firstSession: -180,
  endOfTreatment: -140,
};

/**
 * A programme in delivery with `participants` enrolled at one site (consent for evaluation),
 * each with a PHQ-9 at baseline (15) and at the end of treatment (8: a reliable improvement, or 13
 * for every fourth person), and six attended weekly sessions. Inserted directly: the claim is
 * what is under test, not how evidence is recorded.
 */
export async function programmeWithEvidence(
  db: Database,
  world: ClaimWorld,
  options: {
    name: string;
    delegationLimitPence: number;
    participants: number;
    timeline?: EvidenceTimeline;
  },
) {
  const t = options.timeline ?? DEFAULT_TIMELINE;
  const programme = await insertProgramme(db, {
    networkId: world.networkId,
    hubOrganisationId: world.hubId,
    name: options.name,
    need: 'Families waiting for help',
    population: 'Families in the north of the borough',
    budgetPence: 10_000_000,
    delegationLimitPence: options.delegationLimitPence,
    stage: 'delivery',
    state: 'active.delivery',
    snapshot: initialSnapshot('programme'),
    machineVersion: WORKFLOWS.programme.version,
    createdBy: world.staffId,
  });
  await replaceProgrammeParties(db, {
    networkId: world.networkId,
    programmeId: programme.id,
    siteIds: [world.siteId],
    funders: [...world.funders],
  });
  const prefix = crypto.randomUUID().slice(0, 4).toUpperCase();
  const created = await insertParticipants(
    db,
    Array.from({ length: options.participants }, (_, i) => ({
      networkId: world.networkId,
      siteOrganisationId: world.siteId,
      programmeId: programme.id,
      code: `T${prefix}-${String(i).padStart(4, '0')}`,
      enrolledOn: day(t.enrolled),
      enrolledBy: world.staffId,
    })),
  );
  const people = [...created].sort((a, b) => a.code.localeCompare(b.code));
  await insertConsents(
    db,
    people.map((p) => ({
      networkId: world.networkId,
      participantId: p.id,
      noticeVersion: 'v1',
      serviceDelivery: true,
      evaluation: true,
      sharingWithCommissioners: true,
      givenOn: day(t.enrolled),
      recordedBy: world.staffId,
    })),
  );
  const phq9 = (
    participantId: string,
    timepointCode: string,
    recordedOn: string,
    total: number,
  ) => ({
    networkId: world.networkId,
    siteOrganisationId: world.siteId,
    programmeId: programme.id,
    participantId,
    instrument: 'PHQ9',
    timepointCode,
    recordedOn,
    collectedBy: world.staffId,
    collectorRole: 'practitioner',
    answers: null,
    valid: true,
    total,
    idempotencyKey: crypto.randomUUID(),
  });
  await insertQuestionnaireResponses(
    db,
    people.flatMap((p, i) => [
      phq9(p.id, 'baseline', day(t.baseline), 15),
      phq9(p.id, 'end-of-treatment', day(t.endOfTreatment), i % 4 === 3 ? 13 : 8),
    ]),
  );
  for (let week = 0; week < 6; week += 1) {
    const session = await insertDeliverySession(db, {
      networkId: world.networkId,
      siteOrganisationId: world.siteId,
      programmeId: programme.id,
      heldOn: day(t.firstSession + week * 7),
      kind: 'treatment',
      durationMinutes: 60,
      practitionerId: world.staffId,
      recordedBy: world.staffId,
      idempotencyKey: crypto.randomUUID(),
    });
    if (!session) throw new Error('session not stored');
    await insertAttendances(
      db,
      people.map((p) => ({
        networkId: world.networkId,
        sessionId: session.id,
        participantId: p.id,
        status: 'attended' as const,
      })),
    );
  }
  return { programmeId: programme.id, participants: people };
}

/** Reliable improvement on PHQ-9 at the end of treatment (£300), and six sessions attended (£100). */
export function buildClaimRateCard(overrides: Partial<RateCard> = {}) {
  return {
    outcomes: [
      {
        code: 'PHQ9-RI',
        definition: 'Reliable improvement in depression by the end of treatment',
        trigger: {
          kind: 'reliable-improvement' as const,
          instrument: 'PHQ9' as const,
          timepoint: 'end-of-treatment',
        },
        pricePence: 30_000,
        maxClaimsPerParticipant: 1,
      },
      {
        code: 'ATTEND-6',
        definition: 'Attended at least six sessions',
        trigger: { kind: 'attended-sessions' as const, minSessions: 6 },
        pricePence: 10_000,
        maxClaimsPerParticipant: 1,
      },
    ],
    participantCapPence: null,
    contractCapPence: null,
    ...overrides,
  };
}
