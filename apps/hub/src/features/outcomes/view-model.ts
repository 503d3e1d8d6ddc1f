import type { OutcomesReport, ReportCount, TalkingTherapiesSummary } from '@coproduce/domain';

/**
 * Pure helpers that turn an outcomes report into what the screen shows: formatted figures and
 * chart geometry. No React here, so all of it is unit-tested.
 */

/** Shown where a figure is withheld (fewer than 5 people) or does not apply. */
export const MISSING = '–';

/** Rounds half away from zero (`toFixed` alone rounds 1.005 down to 1.00). */
export function roundTo(value: number, digits: number): number {
  const magnitude = Math.abs(value);
  if (String(magnitude).includes('e')) return Math.round(value * 10 ** digits) / 10 ** digits;
  const shifted = Math.round(Number(`${magnitude}e${digits}`));
  return Math.sign(value) * Number(`${shifted}e-${digits}`);
}

/** `'<5'` stays as it is; other counts get thousands separators. */
export function formatCount(count: ReportCount | null, locale = 'en-GB'): string {
  if (count === null) return MISSING;
  return count === '<5' ? '<5' : count.toLocaleString(locale);
}

/** A share (0 to 1) as a percentage to one decimal place: 0.5177 → "51.8%". */
export function formatRate(rate: number | null): string {
  return rate === null ? MISSING : `${roundTo(rate * 100, 1).toFixed(1)}%`;
}

/** A score or change, with a true minus sign so "−6.1" reads as negative to everyone. */
export function formatNumber(value: number | null, digits = 1): string {
  if (value === null) return MISSING;
  const rounded = roundTo(value, digits);
  const text = Math.abs(rounded).toFixed(digits);
  return rounded < 0 ? `−${text}` : text;
}

export function formatInterval(interval: readonly [number, number] | null): string {
  return interval === null
    ? MISSING
    : `${formatNumber(interval[0])} to ${formatNumber(interval[1])}`;
}

/** Cohen's conventional words for an effect size's magnitude. */
export type EffectSizeWord = 'negligible' | 'small' | 'medium' | 'large';

export function effectSizeWord(d: number | null): EffectSizeWord | null {
  if (d === null) return null;
  const size = Math.abs(d);
  if (size < 0.2) return 'negligible';
  if (size < 0.5) return 'small';
  if (size < 0.8) return 'medium';
  return 'large';
}

/**
 * Whether any questionnaire is on record that the reader may count. With small numbers
 * suppressed, "<5" could be 0: until a measure can be reported the page says nothing is
 * recorded yet, or too little to report.
 */
export function hasOutcomeData(report: OutcomesReport): boolean {
  return report.measures.length > 0 || typeof report.dataQuality.questionnaires === 'number';
}

/**
 * A difference of two counts (a Talking Therapies denominator): unknown when either is "<5", and
 * itself "<5" when below 5 and small numbers are suppressed (0 too, as the API suppresses 0).
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

export type TalkingTherapiesRateKey = 'recovery' | 'reliableImprovement' | 'reliableRecovery';

export interface TalkingTherapiesRateRow {
  readonly key: TalkingTherapiesRateKey;
  readonly numerator: ReportCount;
  readonly denominator: ReportCount | null;
  /** Which published denominator: finished treatment, or finished minus not at caseness. */
  readonly denominatorRule: 'finished' | 'finishedAtCaseness';
  readonly rate: number | null;
}

/** The three published rates, each with its numerator and denominator spelled out. */
export function talkingTherapiesRates(
  tt: TalkingTherapiesSummary,
  suppress: boolean,
): TalkingTherapiesRateRow[] {
  const atCaseness = countDifference(tt.finishedTreatment, tt.notAtCasenessAtStart, suppress);
  return [
    {
      key: 'recovery',
      numerator: tt.recovered,
      denominator: atCaseness,
      denominatorRule: 'finishedAtCaseness',
      rate: tt.recoveryRate,
    },
    {
      key: 'reliableImprovement',
      numerator: tt.reliablyImproved,
      denominator: tt.finishedTreatment,
      denominatorRule: 'finished',
      rate: tt.reliableImprovementRate,
    },
    {
      key: 'reliableRecovery',
      numerator: tt.reliablyRecovered,
      denominator: atCaseness,
      denominatorRule: 'finishedAtCaseness',
      rate: tt.reliableRecoveryRate,
    },
  ];
}

// ---- Charts -------------------------------------------------------------------------------

/** How a bar is drawn: to scale, as "<5" (an outline up to 4, never a solid bar), or absent. */
export type BarKind = 'value' | 'suppressed' | 'missing';

export interface ChartBar {
  readonly series: number;
  /** Length as a share of the longest possible bar, 0 to 1. */
  readonly fraction: number;
  readonly kind: BarKind;
  /** The figure written beside the bar, so nothing is told by length or colour alone. */
  readonly text: string;
}

export interface ChartRow {
  readonly key: string;
  readonly label: string;
  readonly bars: readonly ChartBar[];
}

export interface ChartModel {
  readonly series: readonly string[];
  readonly rows: readonly ChartRow[];
}

/** The largest count a "<5" could be: suppressed bars are drawn up to it, in outline. */
const SUPPRESSED_CEILING = 4;

/**
 * Bars for counts on one scale: the longest bar is the largest count (at least 5, so a chart of
 * small numbers does not make "<5" look large).
 */
export function countChart(
  series: readonly string[],
  rows: readonly { key: string; label: string; counts: readonly (ReportCount | null)[] }[],
  locale = 'en-GB',
): ChartModel {
  const numbers = rows.flatMap((row) =>
    row.counts.filter((count): count is number => typeof count === 'number'),
  );
  const max = Math.max(5, ...numbers);
  return {
    series,
    rows: rows.map((row) => ({
      key: row.key,
      label: row.label,
      bars: row.counts.map((count, index) => {
        if (count === null) return { series: index, fraction: 0, kind: 'missing', text: MISSING };
        if (count === '<5') {
          return {
            series: index,
            fraction: SUPPRESSED_CEILING / max,
            kind: 'suppressed',
            text: '<5',
          };
        }
        return {
          series: index,
          fraction: count / max,
          kind: 'value',
          text: formatCount(count, locale),
        };
      }),
    })),
  };
}

/** Bars for rates on a 0–100% scale. */
export function rateChart(
  series: readonly string[],
  rows: readonly { key: string; label: string; rates: readonly (number | null)[] }[],
): ChartModel {
  return {
    series,
    rows: rows.map((row) => ({
      key: row.key,
      label: row.label,
      bars: row.rates.map((rate, index) =>
        rate === null
          ? { series: index, fraction: 0, kind: 'missing', text: MISSING }
          : {
              series: index,
              fraction: Math.min(1, Math.max(0, rate)),
              kind: 'value',
              text: formatRate(rate),
            },
      ),
    })),
  };
}

/** Whether a chart has anything to draw (else the page shows only its table). */
export function chartHasValues(chart: ChartModel): boolean {
  return chart.rows.some((row) => row.bars.some((bar) => bar.kind !== 'missing'));
}

/** The score bands of a measure in order, with baseline and last counts side by side. */
export function distributionRows(
  distribution: OutcomesReport['measures'][number]['distribution'],
): { key: string; label: string; counts: [ReportCount, ReportCount] }[] {
  const labels = [
    ...new Set([
      ...distribution.baseline.map((bin) => bin.label),
      ...distribution.last.map((bin) => bin.label),
    ]),
  ];
  const countIn = (bins: typeof distribution.baseline, label: string): ReportCount =>
    bins.find((bin) => bin.label === label)?.count ?? 0;
  return labels.map((label) => ({
    key: label,
    label,
    counts: [countIn(distribution.baseline, label), countIn(distribution.last, label)],
  }));
}

/** A bar chart's geometry: heights in CSS pixels, bar lengths as percentages of its width. */
export const CHART = {
  barHeight: 20,
  barGap: 4,
  /** Bars take at most this share of the width, leaving room for the figure after them. */
  maxBarPercent: 80,
} as const;

export interface PlacedBar extends ChartBar {
  readonly y: number;
  readonly widthPercent: number;
}

export interface PlacedRow {
  readonly key: string;
  readonly label: string;
  /** Height of the row's drawing (its label is text above it, and wraps as text does). */
  readonly height: number;
  readonly bars: readonly PlacedBar[];
}

/** Where each bar of each row goes: stacked under the row's label, lengths to scale. */
export function layoutChart(chart: ChartModel): PlacedRow[] {
  return chart.rows.map((row) => ({
    key: row.key,
    label: row.label,
    height: Math.max(0, row.bars.length * (CHART.barHeight + CHART.barGap) - CHART.barGap),
    bars: row.bars.map((bar, index) => ({
      ...bar,
      y: index * (CHART.barHeight + CHART.barGap),
      widthPercent: roundTo(bar.fraction * CHART.maxBarPercent, 2),
    })),
  }));
}
