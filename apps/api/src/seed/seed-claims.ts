import {
  type Database,
  findPersonByEmail,
  listActiveMembershipsOfPerson,
  listProgrammes,
  listReportingPeriods,
} from '@coproduce/db';
import type { Role } from '@coproduce/domain';
import {
  getClaimView,
  recordClaimSettlement,
  verifyClaimLine,
} from '../services/claims/claim-service.ts';
import { computeProgrammeClaim } from '../services/claims/compute.ts';
import { amendRateCard, type RateCardDraft } from '../services/rate-card-service.ts';
import { transitionWorkflow } from '../services/workflow/transition.ts';
import { addDays, today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';

/**
 * Demo outcome payments, replayed through the same services and rules a person uses: rate cards
 * for the family therapy clinics (with a dated amendment) and the temple's workshops; for the
 * clinics, two claims settled by both co-funders (countersigned by the ICB when above the
 * delegation limit; one sampled line of the second failed verification) and one for the current
 * period in verification, prepared by the hub coordinator so the demo hub approver can approve it. The temple's card has no claim yet, so a
 * claim can be computed from the start. Deterministic keys: the same steps on every seed.
 */

const FAMILY = 'Family therapy clinics led by trained faith leaders';
const TEMPLE = 'Talking-therapy workshops at the temple';
const Q1_MILESTONE = 'Q1: 30 families completed at least 6 sessions';

/** Midday UK-ish on a calendar date: when a replayed step happened. */
const on = (date: string) => new Date(`${date}T12:00:00Z`);

function familyCard(followUpPricePence: number): RateCardDraft {
  return {
    outcomes: [
      {
        code: 'ATTEND-6',
        definition: 'The family attended at least six family therapy sessions',
        trigger: { kind: 'attended-sessions', minSessions: 6 },
        pricePence: 15_000,
        maxClaimsPerParticipant: 1,
      },
      {
        code: 'PHQ9-RI',
        definition: 'Reliable improvement in depression (PHQ-9) by the end of treatment',
        trigger: {
          kind: 'reliable-improvement',
          instrument: 'PHQ9',
          timepoint: 'end-of-treatment',
        },
        pricePence: 40_000,
        maxClaimsPerParticipant: 1,
      },
      {
        code: 'GAD7-RI',
        definition: 'Reliable improvement in anxiety (GAD-7) by the end of treatment',
        trigger: {
          kind: 'reliable-improvement',
          instrument: 'GAD7',
          timepoint: 'end-of-treatment',
        },
        pricePence: 30_000,
        maxClaimsPerParticipant: 1,
      },
      {
        code: 'SWEMWBS-3M',
        definition: 'Wellbeing (SWEMWBS) up by at least 3 points at the 3-month follow-up',
        trigger: {
          kind: 'metric-gain',
          instrument: 'SWEMWBS',
          minGain: 3,
          timepoint: 'follow-up-3m',
        },
        pricePence: followUpPricePence,
        maxClaimsPerParticipant: 1,
      },
      {
        code: 'M-Q1-SESSIONS',
        definition: 'Thirty families completed at least six sessions in the first quarter',
        trigger: {
          kind: 'milestone-approved',
          milestoneTitle: Q1_MILESTONE,
          verifier: 'the hub approver, from the attendance registers',
        },
        pricePence: 250_000,
        maxClaimsPerParticipant: 1,
      },
    ],
    participantCapPence: 100_000,
    contractCapPence: 12_000_000,
  };
}

const TEMPLE_CARD: RateCardDraft = {
  outcomes: [
    {
      code: 'ATTEND-4',
      definition: 'Attended at least four talking-therapy workshops',
      trigger: { kind: 'attended-sessions', minSessions: 4 },
      pricePence: 8_000,
      maxClaimsPerParticipant: 2,
    },
    {
      code: 'PHQ9-RI',
      definition: 'Reliable improvement in depression (PHQ-9) by the end of the workshops',
      trigger: { kind: 'reliable-improvement', instrument: 'PHQ9', timepoint: 'end-of-treatment' },
      pricePence: 35_000,
      maxClaimsPerParticipant: 1,
    },
  ],
  participantCapPence: 50_000,
  contractCapPence: 4_000_000,
};

export async function seedDemoClaims(db: Database, networkId: string) {
  const actors = new Map<string, ActingMember>();
  const actor = async (email: string, role: Role) => {
    const known = actors.get(`${email}/${role}`);
    if (known) return known;
    const person = await findPersonByEmail(db, email);
    const membership =
      person &&
      (await listActiveMembershipsOfPerson(db, person.id)).find(
        (m) => m.role === role && m.network.id === networkId,
      );
    if (!person || !membership) throw new Error(`demo seed: ${email} has no ${role} membership`);
    const acting: ActingMember = {
      personId: person.id,
      membershipId: membership.id,
      role,
      organisationId: membership.organisation.id,
      networkId,
    };
    actors.set(`${email}/${role}`, acting);
    return acting;
  };
  const coordinator = await actor('grace.mensah@hub.example.org', 'hub_coordinator');
  const approver = await actor('david.levi@hub.example.org', 'hub_approver');
  const finance = await actor('fatima.begum@hub.example.org', 'finance_officer');
  const icb = await actor('priya.raman@icb.example.org', 'commissioner');

  const programmes = await listProgrammes(db, { networkId });
  const family = programmes.find((p) => p.name === FAMILY);
  const temple = programmes.find((p) => p.name === TEMPLE);
  if (!family || !temple) throw new Error('demo seed: the claims need the demo programmes');

  const [period] = await listReportingPeriods(db, family.id);
  if (!period) throw new Error('demo seed: the family clinics have not started delivery');
  // Claims follow the work: the first weeks of sessions, the ends of treatment, and since then
  // (the 3-month follow-ups and the first quarter's milestone).
  const first = { startsOn: period.startsOn, endsOn: addDays(period.startsOn, 49) };
  const second = { startsOn: addDays(first.endsOn, 1), endsOn: addDays(first.endsOn, 70) };
  const current = { startsOn: addDays(second.endsOn, 1), endsOn: addDays(today(), -1) };
  // The first card from the programme's approval; the follow-up outcome repriced since.
  const approvedOn = addDays(period.startsOn, -46);
  await amendRateCard(db, coordinator, {
    programmeId: family.id,
    effectiveFrom: approvedOn,
    reason: '',
    card: familyCard(25_000),
    idempotencyKey: `demo-rate-card-${family.id}-1`,
  });
  await amendRateCard(db, coordinator, {
    programmeId: family.id,
    effectiveFrom: current.startsOn,
    reason:
      'Fewer 3-month follow-ups came back than planned: the follow-up outcome is worth more so sites chase them',
    card: familyCard(30_000),
    idempotencyKey: `demo-rate-card-${family.id}-2`,
  });
  await amendRateCard(db, coordinator, {
    programmeId: temple.id,
    effectiveFrom: addDays(today(), -190),
    reason: '',
    card: TEMPLE_CARD,
    idempotencyKey: `demo-rate-card-${temple.id}-1`,
  });

  const claimFor = async (
    number: number,
    period: { startsOn: string; endsOn: string },
    computedAt: Date,
  ) => {
    const computed = await computeProgrammeClaim(
      db,
      coordinator,
      {
        programmeId: family.id,
        periodStart: period.startsOn,
        periodEnd: period.endsOn,
        idempotencyKey: `demo-claim-${family.id}-${number}`,
      },
      computedAt,
    );
    return computed.claimId;
  };

  /** Checks the sample (failing the first line of the second claim), then completes it. */
  const verifyAll = async (claimId: string, checkedOn: string, failFirst: boolean) => {
    const view = await getClaimView(db, coordinator, claimId);
    for (const [index, item] of view.sample.checklist.entries()) {
      const failed = failFirst && index === 0;
      await verifyClaimLine(
        db,
        coordinator,
        {
          claimId,
          lineId: item.lineId,
          result: failed ? 'failed' : 'passed',
          note: failed
            ? 'The end-of-treatment questionnaire was completed after the family had left the programme'
            : 'Matches the questionnaire and the registers',
        },
        on(checkedOn),
      );
    }
    return transitionWorkflow(
      db,
      coordinator,
      { kind: 'claim', id: claimId, expectedVersion: 1, event: 'COMPLETE_VERIFICATION' },
      on(checkedOn),
    );
  };

  const settle = async (claimId: string, steps: { approved: string; paid: readonly string[] }) => {
    let { state, version } = await transitionWorkflow(
      db,
      approver,
      { kind: 'claim', id: claimId, expectedVersion: 2, event: 'APPROVE' },
      on(steps.approved),
    );
    if (state === 'awaitingCountersignature') {
      ({ state, version } = await transitionWorkflow(
        db,
        icb,
        { kind: 'claim', id: claimId, expectedVersion: version, event: 'COUNTERSIGN' },
        on(addDays(steps.approved, 2)),
      ));
    }
    const view = await getClaimView(db, finance, claimId);
    for (const [index, statement] of view.statements.entries()) {
      const paidOn = steps.paid[index] ?? steps.paid.at(-1) ?? steps.approved;
      await recordClaimSettlement(
        db,
        finance,
        {
          claimId,
          funderOrganisationId: statement.funderOrganisationId,
          reference: `REMIT-${paidOn.replaceAll('-', '')}-${index + 1}`,
          idempotencyKey: `demo-claim-settlement-${claimId}-${index}`,
        },
        on(paidOn),
      );
    }
  };

  const firstClaim = await claimFor(1, first, on(addDays(first.endsOn, 10)));
  await verifyAll(firstClaim, addDays(first.endsOn, 14), false);
  await settle(firstClaim, {
    approved: addDays(first.endsOn, 16),
    paid: [addDays(first.endsOn, 40), addDays(first.endsOn, 47)],
  });

  const secondClaim = await claimFor(2, second, on(addDays(second.endsOn, 5)));
  await verifyAll(secondClaim, addDays(second.endsOn, 8), true);
  await settle(secondClaim, {
    approved: addDays(second.endsOn, 9),
    paid: [addDays(second.endsOn, 14), addDays(second.endsOn, 15)],
  });

  // The current period, to yesterday: prepared by the coordinator, waiting to be checked.
  await claimFor(3, current, new Date());
}
