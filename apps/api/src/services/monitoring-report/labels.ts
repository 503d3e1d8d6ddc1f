/**
 * The words of the quarterly monitoring report. `{name}` placeholders are filled in by the
 * renderers. Kept to characters the PDF's standard Helvetica can draw (Windows-1252): no "≥" or
 * "−".
 */
export const MONITORING_REPORT_LABELS_EN = {
  title: 'Quarterly monitoring report — {programme} — period {period} ({dates})',
  titleNoPeriod: 'Monitoring report — {programme} — all periods to date',
  dates: '{from} to {to}',
  author: 'Coproduce',
  footer: '{title} — page {page} of {pages}',
  notAvailable: '–',

  'summary.heading': 'Summary',
  'summary.sheet': 'Summary',
  'summary.about': 'About this report',
  'summary.programme': 'Programme',
  'summary.site': 'Site',
  'summary.allSites': 'All sites',
  'summary.period': 'Reporting period',
  'summary.allPeriods': 'All periods to date',
  'summary.periodValue': 'Period {number}: {dates}',
  'summary.generated': 'Produced',
  'summary.suppression': 'Small numbers',
  'summary.suppressed': 'Counts below 5 are shown as <5',
  'summary.notSuppressed': 'Shown in full (read within the site)',
  'summary.keyFigures': 'Key figures',
  'summary.figure': 'Figure',
  'summary.value': 'Value',
  'summary.field': 'Item',

  'howToRead.heading': 'How to read this report',
  'howToRead.caseness':
    'Caseness: a score at or above the level where the NHS would offer treatment – PHQ-9 of 10 or more (depression) or GAD-7 of 8 or more (anxiety).',
  'howToRead.reliable':
    'Reliable improvement: a fall of at least 6 points on PHQ-9 or 4 points on GAD-7, with no reliable worsening on the other – a change bigger than a score would move by chance. Recovery: at caseness at the start and below both cut-offs at the end.',
  'howToRead.denominators':
    'NHS Talking Therapies rates use the published denominators: recovery and reliable recovery are divided by people who finished treatment (at least two treatment sessions) minus those not at caseness at the start; reliable improvement is divided by everyone who finished treatment.',
  'howToRead.change':
    'Mean change is the last score minus the baseline score, for people with both. The 95% confidence interval is the range the true mean change probably lies in. Effect size (Cohen’s d) is the mean change divided by the spread of the changes: about 0.2 is small, 0.5 medium, 0.8 or more large.',
  'howToRead.suppression':
    'To protect people’s privacy, any count below 5 is shown as <5 (0 too, so that <5 never means “at least one”), and figures worked out from fewer than 5 people are not shown (–).',
  'howToRead.rates': 'Rates are shown as percentages to one decimal place.',

  'outcomes.heading': 'Outcomes',
  'outcomes.sheet': 'Outcomes',
  'outcomes.table': 'Change from baseline to last score, by measure',
  'outcomes.empty': 'No questionnaires with a baseline and a later score are recorded yet.',
  'outcomes.measure': 'Measure',
  'outcomes.direction': 'Better when',
  'outcomes.higher': 'higher',
  'outcomes.lower': 'lower',
  'outcomes.n': 'People',
  'outcomes.meanBaseline': 'Mean at baseline',
  'outcomes.meanLast': 'Mean at last score',
  'outcomes.meanChange': 'Mean change',
  'outcomes.ci': '95% CI',
  'outcomes.ciLower': '95% CI lower',
  'outcomes.ciUpper': '95% CI upper',
  'outcomes.effectSize': 'Effect size (d)',
  'outcomes.reliablyImproved': 'Reliably improved',
  'outcomes.reliablyImprovedShare': 'Share reliably improved',
  'outcomes.ciValue': '{lower} to {upper}',
  'outcomes.distribution': '{measure}: people by score, at baseline and last score',
  'outcomes.band': 'Score',
  'outcomes.baseline': 'Baseline',
  'outcomes.last': 'Last score',

  'tt.heading': 'NHS Talking Therapies',
  'tt.sheet': 'Talking Therapies',
  'tt.counts': 'Talking Therapies counts',
  'tt.rates': 'Talking Therapies rates',
  'tt.count': 'Count',
  'tt.figure': 'Measure',
  'tt.numerator': 'People',
  'tt.denominator': 'Out of',
  'tt.denominatorRule': 'Denominator',
  'tt.rate': 'Rate',
  'tt.episodes': 'Episodes with PHQ-9 and GAD-7 at start and end',
  'tt.finishedTreatment': 'Finished treatment (at least two treatment sessions)',
  'tt.notAtCaseness': 'Not at caseness at the start',
  'tt.recovered': 'Recovered',
  'tt.reliablyImproved': 'Reliably improved',
  'tt.reliablyDeteriorated': 'Reliably deteriorated',
  'tt.reliablyRecovered': 'Reliably recovered',
  'tt.recoveryRate': 'Recovery rate',
  'tt.reliableImprovementRate': 'Reliable improvement rate',
  'tt.reliableRecoveryRate': 'Reliable recovery rate',
  'tt.finishedAtCaseness': 'finished treatment minus not at caseness at the start',
  'tt.finished': 'finished treatment',

  'quality.heading': 'Data quality',
  'quality.sheet': 'Data quality',
  'quality.table': 'Baseline coverage, follow-ups and completeness',
  'quality.sites': 'Data quality by site',
  'quality.sitesEmpty': 'No participants are enrolled at any site yet.',
  'quality.site': 'Site',
  'quality.figure': 'Measure',
  'quality.value': 'Value',
  'quality.enrolled': 'Enrolled',
  'quality.withBaseline': 'With a baseline',
  'quality.baselineCoverage': 'Baseline coverage',
  'quality.followUpsDue': 'Follow-ups due',
  'quality.followUpsReceived': 'Follow-ups received',
  'quality.followUpRate': 'Follow-up rate',
  'quality.questionnaires': 'Questionnaires recorded',
  'quality.withMissingItems': 'With missing answers',
  'quality.outOfWindow': 'Outside their time window',

  'rounds.heading': 'Collection rounds',
  'rounds.sheet': 'Collection rounds',
  'rounds.table': 'Expected, received and complete questionnaires, and who collected them',
  'rounds.empty': 'No collection rounds are due yet.',
  'rounds.timepoint': 'Timepoint',
  'rounds.expected': 'Expected',
  'rounds.received': 'Received',
  'rounds.responseRate': 'Response rate',
  'rounds.complete': 'Complete',
  'rounds.completionRate': 'Completion rate',
  'rounds.practitioner': 'By practitioners',
  'rounds.communityResearcher': 'By community researchers',
  'rounds.siteLead': 'By site leads',
  'rounds.note':
    'Response rate is received divided by expected; completion rate is complete divided by received. Questionnaires collected by community researchers are co-assessment.',

  'equality.heading': 'Equality: who the programme reaches',
  'equality.sheet': 'Equality',
  'equality.table': 'People enrolled by {dimension}',
  'equality.value': 'Group',
  'equality.count': 'People',
  'equality.empty': 'No equality monitoring answers are recorded yet.',
  'equality.note': 'Equality monitoring is optional; people may answer “Prefer not to say”.',
} as const;

export type MonitoringReportLabels = {
  readonly [Key in keyof typeof MONITORING_REPORT_LABELS_EN]: string;
};

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    values[key] === undefined ? match : String(values[key]),
  );
}
