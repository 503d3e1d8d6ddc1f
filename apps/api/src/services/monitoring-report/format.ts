import type { ReportCount } from '@coproduce/domain';

const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/**
 * Rounds half away from zero to `digits` places. Shifting by exponent notation keeps 1.005 as
 * 100.5 (multiplying by 100 gives 100.49999…, which `toFixed` and `Math.round` round down).
 */
export function roundTo(value: number, digits: number): number {
  const magnitude = Math.abs(value);
  // Very small or large numbers already print in exponent notation; they need no such care.
  if (String(magnitude).includes('e')) return Math.round(value * 10 ** digits) / 10 ** digits;
  const shifted = Math.round(Number(`${magnitude}e${digits}`));
  return Math.sign(value) * Number(`${shifted}e-${digits}`);
}

/** `'<5'` stays as it is: it is what the reader must see. */
export function formatCount(count: ReportCount): string {
  return count === '<5' ? '<5' : WHOLE.format(count);
}

/** A share (0 to 1) as a percentage to one decimal place: 0.5177 → "51.8%". */
export function formatRate(rate: number | null, missing: string): string {
  return rate === null ? missing : `${roundTo(rate * 100, 1).toFixed(1)}%`;
}

export function formatDecimal(value: number | null, digits: number, missing: string): string {
  return value === null ? missing : roundTo(value, digits).toFixed(digits);
}

/** `2025-04-01` → "1 April 2025". */
export function formatDay(isoDay: string): string {
  return DATE.format(new Date(`${isoDay}T00:00:00Z`));
}

export function formatMoment(iso: string): string {
  return DATE_TIME.format(new Date(iso));
}

/**
 * A difference of two reported counts (e.g. a Talking Therapies denominator): unknown when either
 * is suppressed, and itself suppressed (0 included) when below 5 and the report suppresses small
 * numbers.
 */
export function countDifference(
  whole: ReportCount,
  part: ReportCount,
  suppress: boolean,
): ReportCount | null {
  if (whole === '<5' || part === '<5') return null;
  const difference = whole - part;
  return suppress && difference < 5 ? '<5' : difference;
}
