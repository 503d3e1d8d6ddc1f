import {
  type Database,
  findProgrammeById,
  isProgrammeSite,
  listReportingPeriods,
  type OutcomeFacts,
  type OutcomeMeasureSource,
  type OutcomeSiteFacts,
  type OutcomeTimepointRule,
  outcomeFacts,
} from '@coproduce/db';
import {
  AGE_BANDS,
  type CollectionRound,
  type DataQuality,
  DISABILITY_STATUSES,
  DomainError,
  type EqualityReach,
  ETHNIC_GROUPS,
  INSTRUMENTS,
  type InstrumentCode,
  isInWindow,
  MAIN_LANGUAGES,
  type MeasureSummary,
  ONS4_MEASURES,
  ONS4_THRESHOLDS,
  type OutcomesReport,
  type ProgrammeOutcomesFramework,
  pairedChange,
  proportion,
  RELIGIONS,
  type ReportCount,
  type Role,
  type ScoreBin,
  type ScorePair,
  SEXES,
  shareReliablyImproved,
  suppressSmallCount,
  type TalkingTherapiesSummary,
  type TimepointAnchors,
  type TimepointDefinition,
  talkingTherapiesOutcome,
  talkingTherapiesRates,
  timepointWindow,
} from '@coproduce/domain';
import { today } from '../time.ts';
import type { ActingMember } from '../trpc/context.ts';
import { outcomesFrameworkOf } from './outcomes-framework.ts';

export interface OutcomesReportInput {
  readonly programmeId: string;
  readonly siteId?: string | undefined;
  readonly periodNumber?: number | undefined;
}

/** Below this many people, figures are withheld from readers outside the site. */
const SMALL = 5;

const SITE_ROLES: readonly Role[] = ['site_lead', 'practitioner', 'community_researcher'];

/**
 * The outcomes and data-quality report of a programme, one of its sites, or one reporting period
 * (BRIEF, "Outcome measures" and "Personal data"). The database does the counting in one
 * statement (`outcomeFacts`); this turns the counts and score pairs into the published statistics
 * with the domain's rules, and suppresses small numbers unless the reader works at the site the
 * report is limited to. Identifying details are never read.
 */
export async function outcomesReport(
  db: Database,
  actor: ActingMember,
  input: OutcomesReportInput,
  now: Date = new Date(),
): Promise<OutcomesReport> {
  const programme = await findProgrammeById(db, input.programmeId);
  if (!programme || programme.networkId !== actor.networkId) {
    throw new DomainError('not-found', 'We could not find that programme.', 'programmeId');
  }
  const siteId = input.siteId ?? null;
  if (siteId && !(await isProgrammeSite(db, { programmeId: programme.id, siteId }))) {
    throw new DomainError('not-found', 'That site is not part of this programme.', 'siteId');
  }
  let period: OutcomesReport['period'] = null;
  if (input.periodNumber !== undefined) {
    const found = (await listReportingPeriods(db, programme.id)).find(
      (p) => p.number === input.periodNumber,
    );
    if (!found) {
      throw new DomainError(
        'not-found',
        'This programme has no reporting period with that number.',
        'periodNumber',
      );
    }
    period = { number: found.number, startsOn: found.startsOn, endsOn: found.endsOn };
  }

  const framework = outcomesFrameworkOf(programme);
  const measures = framework.instruments.flatMap(measuresOf);
  const currentDay = today(now);
  const facts = await outcomeFacts(db, {
    networkId: programme.networkId,
    programmeId: programme.id,
    siteId,
    startsOn: period?.startsOn ?? null,
    // A period still running is read up to today: nothing later exists yet.
    endsOn: period && period.endsOn < currentDay ? period.endsOn : currentDay,
    instruments: framework.instruments,
    measures: measures.map((m) => m.source),
    timepoints: framework.timepoints.map(timepointRule),
  });

  const suppressed = !(SITE_ROLES.includes(actor.role) && siteId === actor.organisationId);
  const figures = new Figures(suppressed);
  const sites = facts.sites.map((s) => ({
    siteId: s.siteId,
    siteName: s.siteName,
    quality: figures.quality(s),
  }));
  const site = siteId ? (sites.find((s) => s.siteId === siteId) ?? null) : null;
  return {
    programme: { id: programme.id, name: programme.name },
    site: site && { id: site.siteId, name: site.siteName },
    period,
    generatedAt: now.toISOString(),
    smallNumbersSuppressed: suppressed,
    measures: measures.map((m) => figures.measure(m, facts)),
    talkingTherapies: figures.talkingTherapies(facts.episodes),
    dataQuality: figures.quality(sumSites(facts.sites)),
    sites,
    rounds: figures.rounds(framework, facts.rounds),
    equality: EQUALITY_DIMENSIONS.map((d) => figures.equality(d, facts.equality)),
  };
}

// ---------------------------------------------------------------------------------------------
// Measures

interface MeasureDefinition {
  readonly source: OutcomeMeasureSource;
  readonly label: string;
  readonly higherIsBetter: boolean;
  readonly reliableChange: number | null;
  readonly bins: readonly Bin[];
}

/** A distribution bin: values from `from` up to the next bin's `from`. */
interface Bin {
  readonly label: string;
  readonly from: number;
}

function measuresOf(code: InstrumentCode): MeasureDefinition[] {
  const instrument = INSTRUMENTS[code];
  const base = {
    higherIsBetter: instrument.higherIsBetter,
    reliableChange: instrument.reliableChange,
  };
  switch (code) {
    case 'PHQ9':
    case 'GAD7':
      return [
        {
          ...base,
          source: { measure: code, instrument: code, source: 'total', key: null },
          label: instrument.shortName,
          bins: instrument.bands.map((b) => ({ label: b.band, from: b.min })),
        },
      ];
    case 'WEMWBS':
      return [
        {
          ...base,
          source: { measure: code, instrument: code, source: 'total', key: null },
          label: instrument.shortName,
          bins: rangeBins(14, 70, 5, true),
        },
      ];
    case 'SWEMWBS':
      return [
        {
          ...base,
          source: { measure: code, instrument: code, source: 'metric', key: null },
          label: `${instrument.shortName} (metric score)`,
          bins: rangeBins(7, 35, 5, false),
        },
      ];
    case 'ONS4':
      return ONS4_MEASURES.map((key) => ({
        source: { measure: `ONS4.${key}`, instrument: code, source: 'subscale', key },
        label: `ONS4: ${ONS4_LABELS[key]}`,
        // More anxiety is worse; the other three are better higher (see ONS4_THRESHOLDS).
        higherIsBetter: key !== 'anxiety',
        reliableChange: null,
        bins: ONS4_THRESHOLDS[key].map((t) => ({ label: t.band, from: t.min })),
      }));
    case 'MOS_SSS':
      return [
        {
          ...base,
          source: {
            measure: 'MOS_SSS.overall',
            instrument: code,
            source: 'subscale',
            key: 'overall',
          },
          label: `${instrument.shortName}: overall support index`,
          // A 0–100 index: tens read better than twenty bins of five.
          bins: rangeBins(0, 100, 10, false),
        },
      ];
  }
}

const ONS4_LABELS: Record<(typeof ONS4_MEASURES)[number], string> = {
  lifeSatisfaction: 'life satisfaction',
  worthwhile: 'worthwhile',
  happiness: 'happiness',
  anxiety: 'anxiety',
};

/** Bins of `width` from `min`; the last runs to `max`. Decimal scores get decimal upper bounds. */
function rangeBins(min: number, max: number, width: number, wholeNumbers: boolean): Bin[] {
  const bins: Bin[] = [];
  for (let from = min; from <= max; from += width) {
    const next = from + width;
    const upper = next > max ? max : wholeNumbers ? next - 1 : next - 0.01;
    bins.push({ label: upper === from ? `${from}` : `${from}–${upper}`, from });
    if (next > max) break;
  }
  return bins;
}

function distribution(bins: readonly Bin[], values: readonly number[]): number[] {
  const counts = bins.map(() => 0);
  for (const value of values) {
    let index = 0;
    while (index + 1 < bins.length && (bins[index + 1]?.from ?? Number.POSITIVE_INFINITY) <= value)
      index++;
    counts[index] = (counts[index] ?? 0) + 1;
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// Timepoints: the domain's window rules as dates relative to an anchor, for the database.

const PROBE = '2000-01-01';
const NO_ANCHORS: TimepointAnchors = {
  firstAttendedSession: null,
  lastAttendedTreatmentSession: null,
  session: null,
};
const ANCHORS = ['firstAttendedSession', 'lastAttendedTreatmentSession', 'session'] as const;

const daysFromProbe = (date: string) => (Date.parse(date) - Date.parse(PROBE)) / 86_400_000;

/**
 * A window is its anchor plus fixed offsets, so asking the domain once with a known anchor date
 * gives which anchor a timepoint hangs on and its offsets; the database applies them to everyone.
 */
export function timepointRule(definition: TimepointDefinition): OutcomeTimepointRule {
  const anchor =
    ANCHORS.find(
      (field) => timepointWindow(definition, { ...NO_ANCHORS, [field]: PROBE }) !== null,
    ) ?? null;
  const window = anchor && timepointWindow(definition, { ...NO_ANCHORS, [anchor]: PROBE });
  return {
    code: definition.code,
    anchor,
    opensAfterDays: window ? daysFromProbe(window.opens) : 0,
    closesAfterDays: window ? daysFromProbe(window.closes) : 0,
    inWindowWithoutAnchor: isInWindow(definition, NO_ANCHORS, PROBE) === 'in-window',
    isBaseline: definition.kind === 'baseline',
    isRound: definition.kind !== 'session',
    isFollowUp: definition.kind === 'follow-up',
  };
}

// ---------------------------------------------------------------------------------------------
// Equality reach

interface EqualityDimension {
  readonly dimension: EqualityReach['dimension'];
  readonly label: string;
  readonly categories: readonly { readonly code: string; readonly label: string }[];
}

const EQUALITY_DIMENSIONS: readonly EqualityDimension[] = [
  { dimension: 'ageBand', label: 'Age band', categories: AGE_BANDS },
  { dimension: 'sex', label: 'Sex', categories: SEXES },
  { dimension: 'ethnicGroup', label: 'Ethnic group', categories: ETHNIC_GROUPS },
  { dimension: 'religion', label: 'Religion', categories: RELIGIONS },
  { dimension: 'mainLanguage', label: 'Main language', categories: MAIN_LANGUAGES },
  { dimension: 'disability', label: 'Disability', categories: DISABILITY_STATUSES },
];

const NOT_RECORDED = { value: 'not-recorded', label: 'Not recorded' } as const;

// ---------------------------------------------------------------------------------------------
// Figures, with small-number suppression applied as they are made

function sumSites(sites: readonly OutcomeSiteFacts[]): OutcomeSiteFacts {
  const total = {
    siteId: '',
    siteName: '',
    enrolled: 0,
    withBaseline: 0,
    followUpsDue: 0,
    followUpsReceived: 0,
    questionnaires: 0,
    withMissingItems: 0,
    outOfWindow: 0,
  };
  for (const s of sites) {
    total.enrolled += s.enrolled;
    total.withBaseline += s.withBaseline;
    total.followUpsDue += s.followUpsDue;
    total.followUpsReceived += s.followUpsReceived;
    total.questionnaires += s.questionnaires;
    total.withMissingItems += s.withMissingItems;
    total.outOfWindow += s.outOfWindow;
  }
  return total;
}

class Figures {
  constructor(private readonly suppressed: boolean) {}

  /** A count as the reader may see it: 0–4 read "<5" outside the site. */
  count(n: number): ReportCount {
    return this.suppressed ? suppressSmallCount(n) : n;
  }

  /**
   * numerator ÷ denominator, withheld outside the site when either side is below 5: a rate over
   * a shown denominator would otherwise give a suppressed numerator away.
   */
  rate(numerator: number, denominator: number): number | null {
    if (this.suppressed && (numerator < SMALL || denominator < SMALL)) return null;
    return proportion(numerator, denominator);
  }

  /** A statistic of `n` people, withheld outside the site when n is below 5. */
  statistic<T>(n: number, value: T): T | null {
    return this.suppressed && n < SMALL ? null : value;
  }

  measure(definition: MeasureDefinition, facts: OutcomeFacts): MeasureSummary {
    const pairs: ScorePair[] = [];
    for (const p of facts.pairs) {
      if (p.measure !== definition.source.measure) continue;
      const pair = { before: p.before, after: p.after };
      for (let i = 0; i < p.count; i++) pairs.push(pair);
    }
    const before = pairs.map((p) => p.before);
    const after = pairs.map((p) => p.after);
    const change = pairedChange(pairs);
    const n = pairs.length;
    const improved =
      definition.reliableChange === null
        ? null
        : shareReliablyImproved(pairs, definition.reliableChange, definition.higherIsBetter)
            .reliablyImproved;
    const bins = (values: readonly number[]): ScoreBin[] =>
      distribution(definition.bins, values).map((count, i) => ({
        label: definition.bins[i]?.label ?? '',
        count: this.count(count),
      }));
    return {
      measure: definition.source.measure,
      label: definition.label,
      higherIsBetter: definition.higherIsBetter,
      n: this.count(n),
      meanBaseline: this.statistic(n, change.meanBefore),
      meanLast: this.statistic(n, change.meanAfter),
      meanChange: this.statistic(n, change.meanChange),
      ci95: this.statistic(n, change.ci95),
      effectSize: this.statistic(n, change.effectSize),
      reliablyImproved: improved === null ? null : this.count(improved),
      reliablyImprovedShare: improved === null ? null : this.rate(improved, n),
      distribution: { baseline: bins(before), last: bins(after) },
    };
  }

  talkingTherapies(episodes: OutcomeFacts['episodes']): TalkingTherapiesSummary {
    const tally = {
      finishedTreatment: 0,
      notAtCasenessAtStart: 0,
      recovered: 0,
      reliablyImproved: 0,
      reliablyDeteriorated: 0,
      reliablyRecovered: 0,
    };
    let count = 0;
    // Episodes arrive counted by their scores and sessions: one outcome per kind, times its count.
    for (const episode of episodes) {
      count += episode.count;
      const outcome = talkingTherapiesOutcome({
        attendedTreatmentSessions: episode.treatmentSessions,
        phq9: { first: episode.phq9First, last: episode.phq9Last },
        gad7: { first: episode.gad7First, last: episode.gad7Last },
      });
      if (!outcome.finishedTreatment) continue;
      tally.finishedTreatment += episode.count;
      if (outcome.caseAtStart === false) tally.notAtCasenessAtStart += episode.count;
      if (outcome.recovered) tally.recovered += episode.count;
      if (outcome.reliableImprovement) tally.reliablyImproved += episode.count;
      if (outcome.reliableDeterioration) tally.reliablyDeteriorated += episode.count;
      if (outcome.reliableRecovery) tally.reliablyRecovered += episode.count;
    }
    const rates = talkingTherapiesRates(tally);
    const atCaseness = tally.finishedTreatment - tally.notAtCasenessAtStart;
    return {
      episodes: this.count(count),
      finishedTreatment: this.count(tally.finishedTreatment),
      notAtCasenessAtStart: this.count(tally.notAtCasenessAtStart),
      recovered: this.count(tally.recovered),
      reliablyImproved: this.count(tally.reliablyImproved),
      reliablyDeteriorated: this.count(tally.reliablyDeteriorated),
      reliablyRecovered: this.count(tally.reliablyRecovered),
      recoveryRate: this.withheld(tally.recovered, atCaseness, rates.recoveryRate),
      reliableImprovementRate: this.withheld(
        tally.reliablyImproved,
        tally.finishedTreatment,
        rates.reliableImprovementRate,
      ),
      reliableRecoveryRate: this.withheld(
        tally.reliablyRecovered,
        atCaseness,
        rates.reliableRecoveryRate,
      ),
    };
  }

  /** A rate the domain computed, withheld by the same rule as `rate`. */
  private withheld(numerator: number, denominator: number, value: number | null) {
    return this.suppressed && (numerator < SMALL || denominator < SMALL) ? null : value;
  }

  quality(s: OutcomeSiteFacts): DataQuality {
    return {
      enrolled: this.count(s.enrolled),
      withBaseline: this.count(s.withBaseline),
      baselineCoverage: this.rate(s.withBaseline, s.enrolled),
      followUpsDue: this.count(s.followUpsDue),
      followUpsReceived: this.count(s.followUpsReceived),
      followUpRate: this.rate(s.followUpsReceived, s.followUpsDue),
      questionnaires: this.count(s.questionnaires),
      withMissingItems: this.count(s.withMissingItems),
      outOfWindow: this.count(s.outOfWindow),
    };
  }

  rounds(framework: ProgrammeOutcomesFramework, rows: OutcomeFacts['rounds']): CollectionRound[] {
    return framework.timepoints
      .filter((t) => t.kind !== 'session')
      .map((t) => {
        const row = rows.find((r) => r.timepointCode === t.code);
        const expected = row?.expected ?? 0;
        const received = row?.received ?? 0;
        const complete = row?.complete ?? 0;
        return {
          timepointCode: t.code,
          label: t.label,
          expected: this.count(expected),
          received: this.count(received),
          complete: this.count(complete),
          responseRate: this.rate(received, expected),
          completionRate: this.rate(complete, received),
          collectedBy: {
            practitioner: this.count(row?.practitioner ?? 0),
            communityResearcher: this.count(row?.communityResearcher ?? 0),
            siteLead: this.count(row?.siteLead ?? 0),
          },
        };
      });
  }

  equality(dimension: EqualityDimension, rows: OutcomeFacts['equality']): EqualityReach {
    const counts = new Map<string | null, number>();
    for (const row of rows) {
      if (row.dimension === dimension.dimension) counts.set(row.value, row.count);
    }
    const known = new Set(dimension.categories.map((c) => c.code));
    const unlisted = [...counts.keys()].filter(
      (value): value is string => value !== null && !known.has(value),
    );
    return {
      dimension: dimension.dimension,
      label: dimension.label,
      rows: [
        ...dimension.categories.map((c) => ({
          value: c.code,
          label: c.label,
          count: this.count(counts.get(c.code) ?? 0),
        })),
        // Values recorded before a list changed still count, under their own code.
        ...unlisted.sort().map((value) => ({
          value,
          label: value,
          count: this.count(counts.get(value) ?? 0),
        })),
        { ...NOT_RECORDED, count: this.count(counts.get(null) ?? 0) },
      ],
    };
  }
}
