/**
 * The outcomes and data-quality report for a programme (optionally one site and one reporting
 * period). The API computes it; the hub draws it and renders it as the quarterly monitoring
 * report. Counts below 5 are `'<5'` whenever the reader is outside the site (BRIEF, "Personal
 * data"), and figures derived from fewer than 5 people are withheld as `null`.
 */
export type ReportCount = number | '<5';

export interface ScoreBin {
  /** A band ("moderate") or a score range ("40–44"). */
  readonly label: string;
  readonly count: ReportCount;
}

export interface MeasureSummary {
  /** `PHQ9`, `GAD7`, `WEMWBS`, `SWEMWBS`, `ONS4.lifeSatisfaction` … `MOS_SSS.overall`. */
  readonly measure: string;
  readonly label: string;
  readonly higherIsBetter: boolean;
  /** People with a baseline and a later score. */
  readonly n: ReportCount;
  readonly meanBaseline: number | null;
  readonly meanLast: number | null;
  readonly meanChange: number | null;
  readonly ci95: readonly [number, number] | null;
  /** Cohen's d_z: mean change ÷ standard deviation of the changes. */
  readonly effectSize: number | null;
  /** Null for measures without a published reliable-change threshold. */
  readonly reliablyImproved: ReportCount | null;
  readonly reliablyImprovedShare: number | null;
  readonly distribution: {
    readonly baseline: readonly ScoreBin[];
    readonly last: readonly ScoreBin[];
  };
}

/** NHS Talking Therapies counts with the published denominators. */
export interface TalkingTherapiesSummary {
  readonly episodes: ReportCount;
  readonly finishedTreatment: ReportCount;
  readonly notAtCasenessAtStart: ReportCount;
  readonly recovered: ReportCount;
  readonly reliablyImproved: ReportCount;
  readonly reliablyDeteriorated: ReportCount;
  readonly reliablyRecovered: ReportCount;
  /** recovered ÷ (finished treatment − not at caseness at start). */
  readonly recoveryRate: number | null;
  /** reliably improved ÷ finished treatment. */
  readonly reliableImprovementRate: number | null;
  /** reliably recovered ÷ (finished treatment − not at caseness at start). */
  readonly reliableRecoveryRate: number | null;
}

export interface DataQuality {
  readonly enrolled: ReportCount;
  readonly withBaseline: ReportCount;
  readonly baselineCoverage: number | null;
  readonly followUpsDue: ReportCount;
  readonly followUpsReceived: ReportCount;
  readonly followUpRate: number | null;
  readonly questionnaires: ReportCount;
  readonly withMissingItems: ReportCount;
  readonly outOfWindow: ReportCount;
}

/** The report's Table 1, per timepoint: expected vs received vs complete, and who collected. */
export interface CollectionRound {
  readonly timepointCode: string;
  readonly label: string;
  readonly expected: ReportCount;
  readonly received: ReportCount;
  readonly complete: ReportCount;
  /** received ÷ expected. */
  readonly responseRate: number | null;
  /** complete ÷ received. */
  readonly completionRate: number | null;
  readonly collectedBy: {
    readonly practitioner: ReportCount;
    readonly communityResearcher: ReportCount;
    readonly siteLead: ReportCount;
  };
}

export interface EqualityReach {
  readonly dimension:
    | 'ageBand'
    | 'sex'
    | 'ethnicGroup'
    | 'religion'
    | 'mainLanguage'
    | 'disability';
  readonly label: string;
  readonly rows: readonly {
    readonly value: string;
    readonly label: string;
    readonly count: ReportCount;
  }[];
}

export interface SiteDataQuality {
  readonly siteId: string;
  readonly siteName: string;
  readonly quality: DataQuality;
}

export interface OutcomesReport {
  readonly programme: { readonly id: string; readonly name: string };
  readonly site: { readonly id: string; readonly name: string } | null;
  readonly period: {
    readonly number: number;
    readonly startsOn: string;
    readonly endsOn: string;
  } | null;
  readonly generatedAt: string;
  /** True when small numbers are suppressed because the reader is outside the site. */
  readonly smallNumbersSuppressed: boolean;
  readonly measures: readonly MeasureSummary[];
  readonly talkingTherapies: TalkingTherapiesSummary;
  readonly dataQuality: DataQuality;
  readonly sites: readonly SiteDataQuality[];
  readonly rounds: readonly CollectionRound[];
  readonly equality: readonly EqualityReach[];
}
