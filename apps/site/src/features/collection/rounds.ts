import type { CollectionRound, ReportCount } from '@coproduce/domain';

export type CollectionRoundView = CollectionRound;

/** A count as the site reads it: the number, or "<5" as sent. */
export function countText(count: ReportCount, locale: string): string {
  return count === '<5' ? count : count.toLocaleString(locale);
}

/**
 * A rate as a whole per cent ("27%"), or null when there is none: nothing expected yet, or the
 * counts behind it are too small to show.
 */
export function rateText(
  rate: number | null,
  counts: ReadonlyArray<ReportCount>,
  locale: string,
): string | null {
  if (rate === null || counts.includes('<5')) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(rate);
}
