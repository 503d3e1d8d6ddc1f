import {
  claimOutcomeTotals,
  type Database,
  listClaimStatements,
  listClaims,
  listOrganisations,
  listProgrammeFunders,
  listProgrammeSites,
  listReportingPeriods,
} from '@coproduce/db';
import { describeTrigger, type OutcomeTrigger, type RateCardVersion } from '@coproduce/domain';
import type { ActingMember } from '../../trpc/context.ts';
import { requireProgramme } from '../programme-service.ts';
import { loadRateCardVersions } from '../rate-card-service.ts';

/**
 * A programme in the Government Outcomes Lab's INDIGO data standard: one project document
 * (validating against INDIGO's `project.json`) and the organisations it refers to (each
 * validating against `organisation.json`). Aggregates only: no participant, no person, no
 * count below 5 (suppressed like the outcomes report). INDIGO gives money in currency units, so
 * pence become pounds here and nowhere else.
 */

type Value<T> = { value: T };
const v = <T>(value: T): Value<T> => ({ value });

export const INDIGO_PREFIX = 'COPRODUCE';
const orgId = (id: string) => `${INDIGO_PREFIX}-ORG-${id}`;
const pounds = (pence: number) => Number((pence / 100).toFixed(2));
const SMALL = 5;

const STAGE: Record<string, string | undefined> = {
  baseline: 'Contracted',
  delivery: 'Implementation',
  monitoring: 'Implementation',
  payment: 'Implementation',
  suspended: 'Implementation',
  closure: 'Service delivery complete',
  closed: 'Complete',
};

const DATA_SOURCE: Record<OutcomeTrigger['kind'], string> = {
  'reliable-improvement':
    'Questionnaires scored on the platform exactly as published, at baseline and at the timepoint',
  'metric-gain':
    'Questionnaires scored on the platform exactly as published, at baseline and at the timepoint',
  'attended-sessions': 'Session registers kept by the delivering sites',
  'baseline-completed': 'Baseline questionnaires recorded by the delivering sites',
  'milestone-approved': 'Milestone evidence approved through the hub’s workflow',
};

const VALIDATION =
  'Computed from the evidence by the executable rate card; a seeded random sample of participants (at least 10%, at least 5) is checked against the evidence before each claim is approved by someone other than its preparer.';

function pricingDescription(
  version: RateCardVersion,
  until: string | null,
  outcome: RateCardVersion['card']['outcomes'][number],
) {
  const times =
    outcome.maxClaimsPerParticipant === 1
      ? 'once'
      : `up to ${outcome.maxClaimsPerParticipant} times`;
  const per = outcome.trigger.kind === 'milestone-approved' ? 'per milestone' : 'per participant';
  const caps = [
    version.card.participantCapPence !== null &&
      `at most £${pounds(version.card.participantCapPence).toFixed(2)} per participant across all outcomes`,
    version.card.contractCapPence !== null &&
      `at most £${pounds(version.card.contractCapPence).toFixed(2)} for the contract`,
  ].filter(Boolean);
  return `Rate card in force from ${version.effectiveFrom}${until ? ` until ${until}` : ''}: £${pounds(outcome.pricePence).toFixed(2)} ${per}, claimable ${times}${caps.length ? `; ${caps.join('; ')}` : ''}.`;
}

const dayBefore = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

export async function indigoProgrammeExport(
  db: Database,
  actor: ActingMember,
  programmeId: string,
) {
  const programme = await requireProgramme(db, actor, programmeId);
  const scope = { networkId: actor.networkId, programmeId };
  const [versions, funders, sites, periods, claims, totals, organisations] = await Promise.all([
    loadRateCardVersions(db, scope),
    listProgrammeFunders(db, programmeId),
    listProgrammeSites(db, programmeId),
    listReportingPeriods(db, programmeId),
    listClaims(db, scope),
    claimOutcomeTotals(db, scope),
    listOrganisations(db, { networkId: actor.networkId }),
  ]);
  const live = claims.filter((c) => c.claim.state !== 'rejected');
  const statements = await listClaimStatements(
    db,
    live.map((c) => c.claim.id),
  );
  const orgName = new Map(organisations.map((o) => [o.id, o.name]));
  const hubRef = v(orgId(programme.hubOrganisationId));
  const latest = versions.at(-1);
  const enrolled = sites.reduce((sum, s) => sum + s.enrolled, 0);
  const paidBy = (funderId?: string) =>
    statements
      .filter(
        (s) =>
          s.statement.settledAt !== null &&
          (funderId === undefined || s.statement.funderOrganisationId === funderId),
      )
      .reduce((sum, s) => sum + s.statement.amountPence, 0);
  const totalShares = funders.reduce((sum, f) => sum + f.shareBasisPoints, 0) || 1;
  const maxPayment = latest?.card.contractCapPence ?? programme.budgetPence;
  const stage = STAGE[programme.stage];
  const firstPeriod = periods[0];

  // Outcome metrics: every outcome code any version priced, defined by its latest version.
  const metrics = new Map<string, RateCardVersion['card']['outcomes'][number]>();
  for (const version of versions) {
    for (const outcome of version.card.outcomes) metrics.set(outcome.code, outcome);
  }

  const project = {
    status: 'PRIVATE',
    name: v(programme.name),
    ...(stage ? { stage_development: v(stage) } : {}),
    ...(firstPeriod ? { dates: { start_date_of_service_provision: v(firstPeriod.startsOn) } } : {}),
    jurisdiction: { jurisdiction: v('GB') },
    overall_project_finance: {
      maximum_potential_outcome_payment_v2: {
        currency: v('GBP'),
        amount: v(pounds(maxPayment)),
      },
      total_outcome_payments_made: { currency: v('GBP'), amount: v(pounds(paidBy())) },
    },
    purpose_and_classifications: {
      social_challenge: v(programme.need),
      policy_sector: v('Health'),
    },
    service_and_beneficiaries: {
      target_population: v(programme.population),
      ...(enrolled >= SMALL
        ? {
            actual_number_service_users_or_beneficiaries_total: v(enrolled),
            unit_type_actual_service_users_or_beneficiaries: v('Individual'),
          }
        : {}),
    },
    service_provisions: sites.map((site) => ({
      id: `${INDIGO_PREFIX}-SP-${site.organisationId}`,
      organisation_id: v(orgId(site.organisationId)),
      organisation_role_category: v('Nonprofit/NGO'),
      intervention: v(programme.name),
      ...(firstPeriod ? { actual_service: { start_date: v(firstPeriod.startsOn) } } : {}),
    })),
    intermediary_services: [
      {
        organisation_id: hubRef,
        organisation_role_category: v('Performance management'),
        notes: 'The hub coordinates the network, verifies evidence and claims outcome payments.',
      },
    ],
    outcome_payment_commitments: funders.map((f) => ({
      organisation_id: v(orgId(f.organisationId)),
      organisation_role_category: v('Government/Public Sector/Public Bank'),
      maximum_potential_outcome_payment: {
        currency: v('GBP'),
        amount: v(pounds(Math.floor((maxPayment * f.shareBasisPoints) / totalShares))),
      },
      total_outcome_payments: { currency: v('GBP'), amount: v(pounds(paidBy(f.organisationId))) },
      notes: `Funds ${(f.shareBasisPoints / 100).toFixed(2)}% of every outcome payment.`,
    })),
    outcome_metrics: [...metrics.values()].map((outcome) => ({
      id: outcome.code,
      definition: v(outcome.definition),
      target_population: v(programme.population),
      unit_type_of_targeted_service_users_or_beneficiaries: v(
        outcome.trigger.kind === 'milestone-approved' ? 'Other' : 'Individual',
      ),
      outcome_metric_target: v(describeTrigger(outcome.trigger)),
      outcome_validation_method: v(VALIDATION),
      data_source_for_outcome_validation: v(DATA_SOURCE[outcome.trigger.kind]),
      policy_sector: v('Health'),
    })),
    outcome_pricings: versions.flatMap((version, index) => {
      const next = versions[index + 1];
      const until = next ? dayBefore(next.effectiveFrom) : null;
      return version.card.outcomes.map((outcome) => ({
        outcome_metric_id: v(outcome.code),
        currency: v('GBP'),
        price_per_unit: { amount: v(pounds(outcome.pricePence)) },
        price_description: v(pricingDescription(version, until, outcome)),
        notes: `Rate card version ${version.id}, effective ${version.effectiveFrom}${until ? ` to ${until}` : ''}.`,
      }));
    }),
    results: totals.map((t) => {
      const suppressed = t.participants < SMALL;
      return {
        outcome_metric_id: v(t.outcomeCode),
        result_level: v('Outcome level'),
        result_type: v(programme.stage === 'closed' ? 'Final' : 'Interim'),
        period: { start_date: v(t.periodStart), end_date: v(t.periodEnd) },
        outcomes_achieved: v(
          suppressed ? 'Fewer than 5 achievements' : `${t.achievements} achievements`,
        ),
        ...(suppressed ? {} : { number_with_positive_social_outcomes: v(t.participants) }),
        outcomes_validator_organisation_ids: hubRef,
        notes: `Claim ${t.claimId} (${t.state}); claimed £${pounds(Number(t.claimedPence)).toFixed(2)}${Number(t.clawedBackPence) !== 0 ? `, clawed back £${pounds(-Number(t.clawedBackPence)).toFixed(2)}` : ''}.${suppressed ? ' Counts below 5 are not shown.' : ''}`,
      };
    }),
    outcome_payments: statements
      .filter((s) => s.statement.amountPence !== 0)
      .map((s) => {
        const claim = live.find((c) => c.claim.id === s.statement.claimId)?.claim;
        return {
          period: {
            start_date: v(claim?.periodStart ?? ''),
            end_date: v(claim?.periodEnd ?? ''),
          },
          payer_organisation_id: v(orgId(s.statement.funderOrganisationId)),
          recipient_organisation_id: hubRef,
          type: v(s.statement.settledAt ? 'Actual' : 'Planned'),
          money: { currency: v('GBP'), amount: v(pounds(s.statement.amountPence)) },
          notes: s.statement.settledAt
            ? `Claim ${s.statement.claimId}, paid on ${s.statement.settledAt.toISOString().slice(0, 10)}.`
            : `Claim ${s.statement.claimId}, approved and not yet paid.`,
        };
      }),
  };

  const organisationIds = [
    programme.hubOrganisationId,
    ...sites.map((s) => s.organisationId),
    ...funders.map((f) => f.organisationId),
  ];
  const kinds = new Map(organisations.map((o) => [o.id, o.kind]));
  return {
    standard: 'INDIGO' as const,
    generatedAt: new Date().toISOString(),
    project: { id: `${INDIGO_PREFIX}-PROJ-${programme.id}`, data: project },
    organisations: [...new Set(organisationIds)].map((id) => ({
      id: orgId(id),
      data: {
        name: v(orgName.get(id) ?? ''),
        type: v(
          kinds.get(id) === 'commissioner'
            ? 'Government body'
            : 'Registered non-profit organisation, charity or foundation',
        ),
        country: v('GB'),
      },
    })),
  };
}
