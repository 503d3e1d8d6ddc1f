import { ZIsoDate } from '@coproduce/domain';

/** The period a claim is computed for: read from the form, and the one to suggest. */

export type PeriodProblem =
  | 'periodStartMissing'
  | 'periodEndMissing'
  | 'periodStartFormat'
  | 'periodEndFormat'
  | 'periodOrder';

const isRealDate = (text: string) => ZIsoDate.safeParse(text).success;

export function readPeriod(
  periodStart: string,
  periodEnd: string,
): {
  period: { periodStart: string; periodEnd: string } | null;
  problems: Record<string, PeriodProblem>;
} {
  const problems: Record<string, PeriodProblem> = {};
  const start = periodStart.trim();
  const end = periodEnd.trim();
  if (start === '') problems.periodStart = 'periodStartMissing';
  else if (!isRealDate(start)) problems.periodStart = 'periodStartFormat';
  if (end === '') problems.periodEnd = 'periodEndMissing';
  else if (!isRealDate(end)) problems.periodEnd = 'periodEndFormat';
  if (Object.keys(problems).length === 0 && end < start) problems.periodEnd = 'periodOrder';
  return Object.keys(problems).length > 0
    ? { period: null, problems }
    : { period: { periodStart: start, periodEnd: end }, problems };
}

interface Dated {
  readonly startsOn: string;
  readonly endsOn: string;
}

interface Claimed {
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly state: string;
}

/**
 * The earliest reporting period that has ended and overlaps no claim (rejected ones aside), to
 * offer in the form; null when every ended period is claimed.
 */
export function suggestPeriod(
  periods: readonly Dated[],
  claims: readonly Claimed[],
  today: string,
): { periodStart: string; periodEnd: string } | null {
  const live = claims.filter((claim) => claim.state !== 'rejected');
  const open = [...periods]
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))
    .find(
      (period) =>
        period.endsOn < today &&
        !live.some(
          (claim) => claim.periodStart <= period.endsOn && claim.periodEnd >= period.startsOn,
        ),
    );
  return open === undefined ? null : { periodStart: open.startsOn, periodEnd: open.endsOn };
}
