import { z } from 'zod';
import { stateWords } from '../commissioning/labels.ts';
import { ZPence } from '../commissioning/money.ts';
import { checkShortfalls, type PaidRoleCheckFact } from '../commissioning/paid-role-checks.ts';
import { invalid } from '../errors.ts';
import { isIsoDate } from '../evidence/iso-date.ts';

/** How a paid role is paid (issue 5, "Practitioner pay"). */
export const PAY_BASES = ['per_session', 'per_hour', 'monthly'] as const;
export const ZPayBasis = z.enum(PAY_BASES, { error: 'Choose per session, per hour or monthly' });
export type PayBasis = z.infer<typeof ZPayBasis>;

export const PAY_BASIS_LABELS: Record<PayBasis, string> = {
  per_session: 'per session',
  per_hour: 'per hour',
  monthly: 'per month',
};

export const ZPayRate = z.object({
  basis: ZPayBasis,
  ratePence: ZPence.min(1, 'Enter a rate above £0'),
});
export type PayRate = z.infer<typeof ZPayRate>;

/** A confirmed session (its length in minutes), or a month worked under a monthly role. */
export type PaidWork = { kind: 'session'; minutes: number } | { kind: 'month' };

/**
 * What a piece of work earns, in pence: a per-session rate pays the rate for each session, a
 * per-hour rate pays rate × minutes ÷ 60 rounded half up to the penny, a monthly rate pays the
 * rate for a month. Sessions under a monthly role, or months under a session rate, are refused.
 */
export function payForWork(basis: PayBasis, ratePence: number, work: PaidWork): number {
  if (!Number.isSafeInteger(ratePence) || ratePence < 1) {
    throw invalid(
      'ratePence',
      `A rate is a whole number of pence above 0; got ${String(ratePence)}.`,
    );
  }
  if (!(PAY_BASES as readonly string[]).includes(basis)) {
    throw invalid('basis', `There is no pay basis "${String(basis)}".`);
  }
  if (basis === 'monthly') {
    if (work?.kind !== 'month') {
      throw invalid('work.kind', 'A monthly role is paid for a month, not for each session.');
    }
    return ratePence;
  }
  if (work?.kind !== 'session') {
    throw invalid(
      'work.kind',
      `A role paid ${PAY_BASIS_LABELS[basis]} is paid for sessions, not for a month.`,
    );
  }
  if (!Number.isSafeInteger(work.minutes) || work.minutes < 1 || work.minutes > 1440) {
    throw invalid(
      'work.minutes',
      `A session lasts a whole number of minutes from 1 to 1,440; got ${String(work.minutes)}.`,
    );
  }
  if (basis === 'per_session') return ratePence;
  // Whole-number arithmetic, so a true half penny always rounds up.
  return Math.floor((ratePence * work.minutes + 30) / 60);
}

export type PayEligibility = { ok: true } | { ok: false; reason: string };

/**
 * Whether work on `onDate` can become a payable: the role was active then and every check was
 * in date (reusing `checkShortfalls`, so the reason names the check, e.g. "Enhanced DBS check
 * expired on 2026-03-01"). `roleState` is the role's state on that date, which the caller reads
 * from the role's workflow history.
 */
export function payEligibility(
  checks: readonly PaidRoleCheckFact[],
  roleState: string,
  onDate: string,
): PayEligibility {
  if (!isIsoDate(onDate)) {
    throw invalid('onDate', `Enter a real date as YYYY-MM-DD; got ${JSON.stringify(onDate)}.`);
  }
  const shortfalls = checkShortfalls(checks, onDate);
  if (roleState !== 'active') {
    const why = shortfalls.length > 0 ? ` (${shortfalls.join('; ')})` : '';
    return {
      ok: false,
      reason: `The paid role was ${stateWords(roleState)}, not active, on ${onDate}${why}`,
    };
  }
  if (shortfalls.length > 0) return { ok: false, reason: shortfalls.join('; ') };
  return { ok: true };
}
