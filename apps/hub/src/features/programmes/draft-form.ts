import { BASIS_POINTS_WHOLE, type ProgrammeDraft } from '@coproduce/domain';
import {
  basisPointsToPercentText,
  type ProgrammeView,
  parsePercent,
  parsePounds,
  parseWholeNumber,
  penceToPoundsText,
} from '@coproduce/ui';

/** The proposal editor's fields as typed: text until it is read. */
export interface DraftForm {
  readonly name: string;
  readonly need: string;
  readonly population: string;
  readonly budget: string;
  readonly delegationLimit: string;
  readonly threshold: string;
  readonly minimumCohort: string;
  readonly periodMonths: string;
  readonly returnDueDays: string;
  readonly siteIds: readonly string[];
  /** The co-funding commissioners, in the order they were chosen. */
  readonly funderIds: readonly string[];
  /** Each co-funder's share, as a percentage typed. */
  readonly shares: Readonly<Record<string, string>>;
}

/** The defaults the brief sets: 80% baseline coverage, quarterly periods, returns in 30 days. */
export const NEW_DRAFT: DraftForm = {
  name: '',
  need: '',
  population: '',
  budget: '',
  delegationLimit: '',
  threshold: '80',
  minimumCohort: '20',
  periodMonths: '3',
  returnDueDays: '30',
  siteIds: [],
  funderIds: [],
  shares: {},
};

export function draftFormOf(programme: ProgrammeView): DraftForm {
  return {
    name: programme.name,
    need: programme.need,
    population: programme.population,
    budget: programme.budgetPence === 0 ? '' : penceToPoundsText(programme.budgetPence),
    delegationLimit: penceToPoundsText(programme.delegationLimitPence),
    threshold: String(programme.baselineThresholdPercent),
    minimumCohort: String(programme.minimumCohort),
    periodMonths: String(programme.reportingPeriodMonths),
    returnDueDays: String(programme.returnDueDays),
    siteIds: programme.sites.map((site) => site.organisationId),
    funderIds: programme.funders.map((funder) => funder.organisationId),
    shares: Object.fromEntries(
      programme.funders.map((funder) => [
        funder.organisationId,
        basisPointsToPercentText(funder.shareBasisPoints),
      ]),
    ),
  };
}

export type DraftErrorCode =
  | 'nameMissing'
  | 'nameTooLong'
  | 'needTooLong'
  | 'populationTooLong'
  | 'budgetFormat'
  | 'delegationLimitMissing'
  | 'delegationLimitFormat'
  | 'thresholdRange'
  | 'minimumCohortRange'
  | 'periodMonthsRange'
  | 'returnDueDaysRange'
  | 'shareMissing'
  | 'shareFormat'
  | 'shareRange';

/** The id of the field each error is shown beside (and the error summary links to). */
export function shareFieldId(organisationId: string): string {
  return `share-${organisationId}`;
}

export type DraftErrors = Readonly<Record<string, DraftErrorCode>>;

/**
 * The draft the API takes, or what stops it being saved. A draft may be incomplete (no need
 * yet, shares not adding up): that stops submitting, not saving, and `proposalProblems` says so.
 */
export function readDraftForm(form: DraftForm): {
  draft: ProgrammeDraft | null;
  errors: DraftErrors;
} {
  const errors: Record<string, DraftErrorCode> = {};
  const name = form.name.trim();
  if (name.length < 3) errors.name = 'nameMissing';
  else if (name.length > 200) errors.name = 'nameTooLong';
  if (form.need.trim().length > 5000) errors.need = 'needTooLong';
  if (form.population.trim().length > 2000) errors.population = 'populationTooLong';

  const budgetPence = form.budget.trim() === '' ? 0 : parsePounds(form.budget);
  if (budgetPence === null) errors.budget = 'budgetFormat';
  const delegationLimitPence = parsePounds(form.delegationLimit);
  if (form.delegationLimit.trim() === '') errors.delegationLimit = 'delegationLimitMissing';
  else if (delegationLimitPence === null) errors.delegationLimit = 'delegationLimitFormat';

  const within = (text: string, min: number, max: number) => {
    const value = parseWholeNumber(text);
    return value !== null && value >= min && value <= max ? value : null;
  };
  const threshold = within(form.threshold, 1, 100);
  if (threshold === null) errors.threshold = 'thresholdRange';
  const minimumCohort = within(form.minimumCohort, 1, 100_000);
  if (minimumCohort === null) errors.minimumCohort = 'minimumCohortRange';
  const periodMonths = within(form.periodMonths, 1, 12);
  if (periodMonths === null) errors.periodMonths = 'periodMonthsRange';
  const returnDueDays = within(form.returnDueDays, 1, 90);
  if (returnDueDays === null) errors.returnDueDays = 'returnDueDaysRange';

  const funders: ProgrammeDraft['funders'] = [];
  for (const organisationId of form.funderIds) {
    const text = form.shares[organisationId] ?? '';
    const share = parsePercent(text);
    const field = shareFieldId(organisationId);
    if (text.trim() === '') errors[field] = 'shareMissing';
    else if (share === null) errors[field] = 'shareFormat';
    else if (share < 1 || share > BASIS_POINTS_WHOLE) errors[field] = 'shareRange';
    else funders.push({ organisationId, shareBasisPoints: share });
  }

  if (
    Object.keys(errors).length > 0 ||
    budgetPence === null ||
    delegationLimitPence === null ||
    threshold === null ||
    minimumCohort === null ||
    periodMonths === null ||
    returnDueDays === null
  ) {
    return { draft: null, errors };
  }
  return {
    draft: {
      name,
      need: form.need.trim(),
      population: form.population.trim(),
      budgetPence,
      delegationLimitPence,
      baselineThresholdPercent: threshold,
      minimumCohort,
      reportingPeriodMonths: periodMonths,
      returnDueDays,
      siteIds: [...form.siteIds],
      funders,
    },
    errors,
  };
}

/** The shares typed so far, in basis points (shares not yet readable count as nothing). */
export function shareTotal(form: DraftForm): number {
  return form.funderIds.reduce(
    (sum, organisationId) => sum + (parsePercent(form.shares[organisationId] ?? '') ?? 0),
    0,
  );
}
