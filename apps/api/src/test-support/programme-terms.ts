/**
 * The terms of a programme that tests and benchmarks create but never look at, so each states
 * only what it is about (its name, network, stage, sites).
 */
export const PROGRAMME_TERMS = {
  need: 'A need',
  population: 'A population',
  budgetPence: 1_000_000,
  delegationLimitPence: 500_000,
  baselineThresholdPercent: 80,
  minimumCohort: 10,
  reportingPeriodMonths: 3,
  returnDueDays: 30,
};

/** `programme.create` input: a draft called `name`, with no sites or funders yet. */
export function programmeDraft(name: string) {
  return { name, ...PROGRAMME_TERMS, siteIds: [] as string[], funders: [] };
}
