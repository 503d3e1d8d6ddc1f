import { formatPounds } from '@coproduce/domain';
import type { TagColour } from '@coproduce/ui';

export type PayBasis = 'per_session' | 'per_hour' | 'monthly';
export type WorkLogState = 'logged' | 'confirmed' | 'approved' | 'rejected';

/** The rate message for a pay basis, with the amount in pounds and pence. */
export function rateMessage(basis: PayBasis | null, ratePence: number | null) {
  if (basis === null || ratePence === null) return { key: 'rate.none' as const, amount: '' };
  return { key: `rate.${basis}` as const, amount: formatPounds(ratePence) };
}

export const WORK_LOG_COLOUR: Readonly<Record<WorkLogState, TagColour>> = {
  logged: 'yellow',
  confirmed: 'blue',
  approved: 'green',
  rejected: 'red',
};

/**
 * The months that have ended, newest first, as `YYYY-MM`: a month is logged once it is over,
 * and people log late, so the last `count` are offered.
 */
export function endedMonths(todayIso: string, count = 3): string[] {
  const [year, month] = todayIso.split('-').map(Number) as [number, number];
  const months: string[] = [];
  for (let back = 1; back <= count; back += 1) {
    const index = year * 12 + (month - 1) - back;
    const y = Math.floor(index / 12);
    const m = (index % 12) + 1;
    months.push(`${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
  }
  return months;
}

/** "March 2026" for 2026-03-01, in the reader's locale (a date only: no time zone shift). */
export function monthWords(monthIso: string, locale: string): string {
  const [year, month] = monthIso.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, 1)));
}

/** "Tuesday 3 March 2026": a session's day, which people remember by its weekday. */
export function dayWords(dateIso: string, locale: string): string {
  const [year, month, day] = dateIso.slice(0, 10).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  return new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)));
}
