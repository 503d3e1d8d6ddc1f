import { invalid } from '../errors.ts';

/**
 * Calendar dates as `YYYY-MM-DD` strings, with arithmetic in whole UTC days so no time zone or
 * daylight-saving change can move a date. Internal to the evidence module.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01, or null when `value` is not a real calendar date. */
function dayNumber(value: string): number | null {
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const date = new Date(ms);
  // Date.UTC rolls 2023-02-29 over to 1 March; a real date survives the round trip unchanged.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1) return null;
  if (date.getUTCDate() !== day) return null;
  return ms / MS_PER_DAY;
}

export function isIsoDate(value: string): boolean {
  return dayNumber(value) !== null;
}

/** The date as a day number, or a DomainError naming `field`. */
export function isoDayNumber(value: string, field: string): number {
  const days = dayNumber(value);
  if (days === null) {
    throw invalid(
      field,
      `Enter a real date as YYYY-MM-DD, like 2025-03-31; got ${JSON.stringify(value) ?? String(value)}.`,
    );
  }
  return days;
}

export function isoFromDayNumber(days: number): string {
  return new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(value: string, days: number, field: string): string {
  return isoFromDayNumber(isoDayNumber(value, field) + days);
}
