import type { DataQuality, OutcomesReport, ReportCount } from '@coproduce/domain';
import { countDifference, formatDay, formatDecimal, formatMoment } from './format.ts';
import { fill, type MonitoringReportLabels } from './labels.ts';

/**
 * The report as sections of headed tables, which both renderers draw: the PDF as text, the
 * spreadsheet as typed cells (numbers stay numbers, `'<5'` stays text).
 */
export type CellKind = 'text' | 'count' | 'rate' | 'decimal1' | 'decimal2';

export type CellValue = string | number | null;

/** A cell whose kind differs from its column's (a two-column "item / value" table). */
export interface TypedCell {
  readonly value: CellValue;
  readonly kind: CellKind;
}

export type ReportCell = CellValue | TypedCell;

export interface ReportColumn {
  readonly header: string;
  readonly kind: CellKind;
  /** Drawn in one format only (the PDF's "a to b" interval is two numbers in the spreadsheet). */
  readonly only?: 'pdf' | 'xlsx';
  /** Relative width in the PDF (default 1). */
  readonly weight?: number;
  /** Text that reads as a figure (an interval) lines up on the right like numbers. */
  readonly alignRight?: boolean;
}

export interface ReportTable {
  readonly title: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly (readonly ReportCell[])[];
  /** Said instead of the table when it has no rows. */
  readonly empty?: string;
  /** A short two- or three-column table, drawn narrower in the PDF. */
  readonly compact?: boolean;
}

export type SectionId =
  | 'summary'
  | 'outcomes'
  | 'talkingTherapies'
  | 'quality'
  | 'rounds'
  | 'equality';

export interface ReportSection {
  readonly id: SectionId;
  readonly heading: string;
  readonly sheet: string;
  readonly paragraphs: readonly string[];
  readonly tables: readonly ReportTable[];
  /** Said after the tables. */
  readonly notes: readonly string[];
}

export const isTypedCell = (cell: ReportCell): cell is TypedCell =>
  cell !== null && typeof cell === 'object';

export function reportTitle(report: OutcomesReport, labels: MonitoringReportLabels): string {
  if (report.period === null)
    return fill(labels.titleNoPeriod, { programme: report.programme.name });
  return fill(labels.title, {
    programme: report.programme.name,
    period: report.period.number,
    dates: periodDates(report.period, labels),
  });
}

function periodDates(
  period: NonNullable<OutcomesReport['period']>,
  labels: MonitoringReportLabels,
): string {
  return fill(labels.dates, { from: formatDay(period.startsOn), to: formatDay(period.endsOn) });
}

export function howToRead(labels: MonitoringReportLabels): string[] {
  return [
    labels['howToRead.caseness'],
    labels['howToRead.reliable'],
    labels['howToRead.denominators'],
    labels['howToRead.change'],
    labels['howToRead.suppression'],
    labels['howToRead.rates'],
  ];
}

export function reportSections(
  report: OutcomesReport,
  labels: MonitoringReportLabels,
): ReportSection[] {
  return [
    summarySection(report, labels),
    outcomesSection(report, labels),
    talkingTherapiesSection(report, labels),
    qualitySection(report, labels),
    roundsSection(report, labels),
    equalitySection(report, labels),
  ];
}

const text = (value: string): TypedCell => ({ value, kind: 'text' });
const count = (value: ReportCount | null): TypedCell => ({ value, kind: 'count' });
const rate = (value: number | null): TypedCell => ({ value, kind: 'rate' });

function summarySection(report: OutcomesReport, labels: MonitoringReportLabels): ReportSection {
  const about: ReportCell[][] = [
    [labels['summary.programme'], text(report.programme.name)],
    [labels['summary.site'], text(report.site?.name ?? labels['summary.allSites'])],
    [
      labels['summary.period'],
      text(
        report.period === null
          ? labels['summary.allPeriods']
          : fill(labels['summary.periodValue'], {
              number: report.period.number,
              dates: periodDates(report.period, labels),
            }),
      ),
    ],
    [labels['summary.generated'], text(formatMoment(report.generatedAt))],
    [
      labels['summary.suppression'],
      text(
        report.smallNumbersSuppressed
          ? labels['summary.suppressed']
          : labels['summary.notSuppressed'],
      ),
    ],
  ];
  const quality = report.dataQuality;
  const tt = report.talkingTherapies;
  const figures: ReportCell[][] = [
    [labels['quality.enrolled'], count(quality.enrolled)],
    [labels['quality.baselineCoverage'], rate(quality.baselineCoverage)],
    [labels['quality.followUpRate'], rate(quality.followUpRate)],
    [labels['tt.recoveryRate'], rate(tt.recoveryRate)],
    [labels['tt.reliableImprovementRate'], rate(tt.reliableImprovementRate)],
    [labels['tt.reliableRecoveryRate'], rate(tt.reliableRecoveryRate)],
  ];
  return {
    id: 'summary',
    heading: labels['summary.heading'],
    sheet: labels['summary.sheet'],
    paragraphs: [],
    tables: [
      {
        title: labels['summary.about'],
        columns: [
          { header: labels['summary.field'], kind: 'text' },
          { header: labels['summary.value'], kind: 'text', weight: 3 },
        ],
        rows: about,
      },
      {
        title: labels['summary.keyFigures'],
        compact: true,
        columns: [
          { header: labels['summary.figure'], kind: 'text', weight: 3 },
          { header: labels['summary.value'], kind: 'text', alignRight: true },
        ],
        rows: figures,
      },
    ],
    notes: [],
  };
}

function outcomesSection(report: OutcomesReport, labels: MonitoringReportLabels): ReportSection {
  const missing = labels.notAvailable;
  const main: ReportTable = {
    title: labels['outcomes.table'],
    empty: labels['outcomes.empty'],
    columns: [
      { header: labels['outcomes.measure'], kind: 'text', weight: 2.2 },
      { header: labels['outcomes.direction'], kind: 'text', weight: 0.9 },
      { header: labels['outcomes.n'], kind: 'count', weight: 0.8 },
      { header: labels['outcomes.meanBaseline'], kind: 'decimal1' },
      { header: labels['outcomes.meanLast'], kind: 'decimal1' },
      { header: labels['outcomes.meanChange'], kind: 'decimal1' },
      {
        header: labels['outcomes.ci'],
        kind: 'text',
        only: 'pdf',
        weight: 1.5,
        alignRight: true,
      },
      { header: labels['outcomes.ciLower'], kind: 'decimal1', only: 'xlsx' },
      { header: labels['outcomes.ciUpper'], kind: 'decimal1', only: 'xlsx' },
      { header: labels['outcomes.effectSize'], kind: 'decimal2' },
      { header: labels['outcomes.reliablyImproved'], kind: 'count' },
      { header: labels['outcomes.reliablyImprovedShare'], kind: 'rate' },
    ],
    rows: report.measures.map((measure) => [
      measure.label,
      measure.higherIsBetter ? labels['outcomes.higher'] : labels['outcomes.lower'],
      measure.n,
      measure.meanBaseline,
      measure.meanLast,
      measure.meanChange,
      measure.ci95 === null
        ? missing
        : fill(labels['outcomes.ciValue'], {
            lower: formatDecimal(measure.ci95[0], 1, missing),
            upper: formatDecimal(measure.ci95[1], 1, missing),
          }),
      measure.ci95?.[0] ?? null,
      measure.ci95?.[1] ?? null,
      measure.effectSize,
      measure.reliablyImproved,
      measure.reliablyImprovedShare,
    ]),
  };
  const distributions = report.measures.map((measure): ReportTable => {
    const bands = [
      ...new Set([
        ...measure.distribution.baseline.map((bin) => bin.label),
        ...measure.distribution.last.map((bin) => bin.label),
      ]),
    ];
    const countIn = (bins: typeof measure.distribution.baseline, band: string) =>
      bins.find((bin) => bin.label === band)?.count ?? 0;
    return {
      title: fill(labels['outcomes.distribution'], { measure: measure.label }),
      compact: true,
      columns: [
        { header: labels['outcomes.band'], kind: 'text', weight: 2 },
        { header: labels['outcomes.baseline'], kind: 'count' },
        { header: labels['outcomes.last'], kind: 'count' },
      ],
      rows: bands.map((band) => [
        band,
        countIn(measure.distribution.baseline, band),
        countIn(measure.distribution.last, band),
      ]),
    };
  });
  return {
    id: 'outcomes',
    heading: labels['outcomes.heading'],
    sheet: labels['outcomes.sheet'],
    paragraphs: [],
    tables: [main, ...distributions],
    notes: [],
  };
}

function talkingTherapiesSection(
  report: OutcomesReport,
  labels: MonitoringReportLabels,
): ReportSection {
  const tt = report.talkingTherapies;
  const suppress = report.smallNumbersSuppressed;
  const atCaseness = countDifference(tt.finishedTreatment, tt.notAtCasenessAtStart, suppress);
  const finishedRule = labels['tt.finished'];
  const atCasenessRule = labels['tt.finishedAtCaseness'];
  return {
    id: 'talkingTherapies',
    heading: labels['tt.heading'],
    sheet: labels['tt.sheet'],
    paragraphs: [labels['howToRead.denominators']],
    tables: [
      {
        title: labels['tt.counts'],
        compact: true,
        columns: [
          { header: labels['tt.figure'], kind: 'text', weight: 3 },
          { header: labels['tt.count'], kind: 'count' },
        ],
        rows: [
          [labels['tt.episodes'], tt.episodes],
          [labels['tt.finishedTreatment'], tt.finishedTreatment],
          [labels['tt.notAtCaseness'], tt.notAtCasenessAtStart],
          [labels['tt.recovered'], tt.recovered],
          [labels['tt.reliablyImproved'], tt.reliablyImproved],
          [labels['tt.reliablyDeteriorated'], tt.reliablyDeteriorated],
          [labels['tt.reliablyRecovered'], tt.reliablyRecovered],
        ],
      },
      {
        title: labels['tt.rates'],
        columns: [
          { header: labels['tt.figure'], kind: 'text', weight: 1.6 },
          { header: labels['tt.numerator'], kind: 'count', weight: 0.8 },
          { header: labels['tt.denominator'], kind: 'count', weight: 0.8 },
          { header: labels['tt.denominatorRule'], kind: 'text', weight: 2.4 },
          { header: labels['tt.rate'], kind: 'rate', weight: 0.8 },
        ],
        rows: [
          [labels['tt.recoveryRate'], tt.recovered, atCaseness, atCasenessRule, tt.recoveryRate],
          [
            labels['tt.reliableImprovementRate'],
            tt.reliablyImproved,
            tt.finishedTreatment,
            finishedRule,
            tt.reliableImprovementRate,
          ],
          [
            labels['tt.reliableRecoveryRate'],
            tt.reliablyRecovered,
            atCaseness,
            atCasenessRule,
            tt.reliableRecoveryRate,
          ],
        ],
      },
    ],
    notes: [],
  };
}

const QUALITY_FIELDS = [
  ['enrolled', 'count'],
  ['withBaseline', 'count'],
  ['baselineCoverage', 'rate'],
  ['followUpsDue', 'count'],
  ['followUpsReceived', 'count'],
  ['followUpRate', 'rate'],
  ['questionnaires', 'count'],
  ['withMissingItems', 'count'],
  ['outOfWindow', 'count'],
] as const satisfies readonly (readonly [keyof DataQuality, CellKind])[];

function qualitySection(report: OutcomesReport, labels: MonitoringReportLabels): ReportSection {
  const label = (field: keyof DataQuality) => labels[`quality.${field}`];
  return {
    id: 'quality',
    heading: labels['quality.heading'],
    sheet: labels['quality.sheet'],
    paragraphs: [],
    tables: [
      {
        title: labels['quality.table'],
        compact: true,
        columns: [
          { header: labels['quality.figure'], kind: 'text', weight: 3 },
          { header: labels['quality.value'], kind: 'text', alignRight: true },
        ],
        rows: QUALITY_FIELDS.map(([field, kind]) => [
          label(field),
          { value: report.dataQuality[field], kind },
        ]),
      },
      {
        title: labels['quality.sites'],
        empty: labels['quality.sitesEmpty'],
        columns: [
          { header: labels['quality.site'], kind: 'text', weight: 2.4 },
          ...QUALITY_FIELDS.map(([field, kind]) => ({ header: label(field), kind })),
        ],
        rows: report.sites.map((site) => [
          site.siteName,
          ...QUALITY_FIELDS.map(([field]) => site.quality[field]),
        ]),
      },
    ],
    notes: [],
  };
}

function roundsSection(report: OutcomesReport, labels: MonitoringReportLabels): ReportSection {
  return {
    id: 'rounds',
    heading: labels['rounds.heading'],
    sheet: labels['rounds.sheet'],
    paragraphs: [],
    tables: [
      {
        title: labels['rounds.table'],
        empty: labels['rounds.empty'],
        columns: [
          { header: labels['rounds.timepoint'], kind: 'text', weight: 1.6 },
          { header: labels['rounds.expected'], kind: 'count' },
          { header: labels['rounds.received'], kind: 'count' },
          { header: labels['rounds.responseRate'], kind: 'rate' },
          { header: labels['rounds.complete'], kind: 'count' },
          { header: labels['rounds.completionRate'], kind: 'rate', weight: 1.15 },
          { header: labels['rounds.practitioner'], kind: 'count', weight: 1.2 },
          { header: labels['rounds.communityResearcher'], kind: 'count', weight: 1.2 },
          { header: labels['rounds.siteLead'], kind: 'count', weight: 0.85 },
        ],
        rows: report.rounds.map((round) => [
          round.label,
          round.expected,
          round.received,
          round.responseRate,
          round.complete,
          round.completionRate,
          round.collectedBy.practitioner,
          round.collectedBy.communityResearcher,
          round.collectedBy.siteLead,
        ]),
      },
    ],
    notes: [labels['rounds.note']],
  };
}

function equalitySection(report: OutcomesReport, labels: MonitoringReportLabels): ReportSection {
  return {
    id: 'equality',
    heading: labels['equality.heading'],
    sheet: labels['equality.sheet'],
    paragraphs: report.equality.length === 0 ? [labels['equality.empty']] : [],
    tables: report.equality.map((reach) => ({
      title: fill(labels['equality.table'], { dimension: reach.label.toLowerCase() }),
      compact: true,
      columns: [
        { header: labels['equality.value'], kind: 'text', weight: 3 },
        { header: labels['equality.count'], kind: 'count' },
      ],
      rows: reach.rows.map((row) => [row.label, row.count]),
    })),
    notes: [labels['equality.note']],
  };
}
