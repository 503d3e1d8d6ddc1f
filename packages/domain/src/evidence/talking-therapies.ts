import { invalid } from '../errors.ts';
import { INSTRUMENTS } from './instruments.ts';

/**
 * NHS Talking Therapies outcome definitions (BRIEF, "Outcome measures"): caseness, recovery and
 * reliable change from the first and last PHQ-9 and GAD-7 totals of one episode.
 */
export interface TalkingTherapiesEpisode {
  attendedTreatmentSessions: number;
  phq9: { first: number; last: number };
  gad7: { first: number; last: number };
}

export interface TalkingTherapiesOutcome {
  finishedTreatment: boolean;
  caseAtStart: boolean | null;
  caseAtEnd: boolean | null;
  recovered: boolean | null;
  reliableImprovement: boolean | null;
  reliableDeterioration: boolean | null;
  reliableRecovery: boolean | null;
}

/** Finished treatment = at least this many attended treatment sessions. */
export const FINISHED_TREATMENT_SESSIONS = 2;

const PHQ9 = INSTRUMENTS.PHQ9;
const GAD7 = INSTRUMENTS.GAD7;

const phq9Threshold = requireNumber(PHQ9.reliableChange);
const gad7Threshold = requireNumber(GAD7.reliableChange);
const phq9Cutoff = requireNumber(PHQ9.casenessThreshold);
const gad7Cutoff = requireNumber(GAD7.casenessThreshold);

function requireNumber(value: number | null | undefined): number {
  if (value === null || value === undefined)
    throw new Error('PHQ-9 and GAD-7 thresholds must be defined');
  return value;
}

export function talkingTherapiesOutcome(episode: TalkingTherapiesEpisode): TalkingTherapiesOutcome {
  checkEpisode(episode);
  const { phq9, gad7 } = episode;
  const finishedTreatment = episode.attendedTreatmentSessions >= FINISHED_TREATMENT_SESSIONS;
  if (!finishedTreatment) {
    return {
      finishedTreatment,
      caseAtStart: null,
      caseAtEnd: null,
      recovered: null,
      reliableImprovement: null,
      reliableDeterioration: null,
      reliableRecovery: null,
    };
  }

  const caseAtStart = isCase(phq9.first, gad7.first);
  const caseAtEnd = isCase(phq9.last, gad7.last);
  const phq9Change = reliableChange(phq9, phq9Threshold);
  const gad7Change = reliableChange(gad7, gad7Threshold);
  const reliableDeterioration = phq9Change === 'worse' || gad7Change === 'worse';
  const reliableImprovement =
    (phq9Change === 'better' || gad7Change === 'better') && !reliableDeterioration;
  const recovered = caseAtStart ? !caseAtEnd : null;
  return {
    finishedTreatment,
    caseAtStart,
    caseAtEnd,
    recovered,
    reliableImprovement,
    reliableDeterioration,
    reliableRecovery: recovered === null ? null : recovered && reliableImprovement,
  };
}

const isCase = (phq9: number, gad7: number) => phq9 >= phq9Cutoff || gad7 >= gad7Cutoff;

/** Lower PHQ-9 and GAD-7 scores are better, so a fall of the threshold or more is "better". */
function reliableChange(
  scores: { first: number; last: number },
  threshold: number,
): 'better' | 'worse' | 'no reliable change' {
  const fall = scores.first - scores.last;
  if (fall >= threshold) return 'better';
  if (-fall >= threshold) return 'worse';
  return 'no reliable change';
}

function checkEpisode(episode: TalkingTherapiesEpisode) {
  const sessions = episode?.attendedTreatmentSessions;
  if (!isWholeNumber(sessions) || sessions < 0) {
    throw invalid(
      'attendedTreatmentSessions',
      `Attended treatment sessions must be a whole number, 0 or more; got ${String(sessions)}.`,
    );
  }
  checkTotal(episode.phq9, 'phq9', PHQ9.shortName, requireNumber(PHQ9.scoreRange?.max));
  checkTotal(episode.gad7, 'gad7', GAD7.shortName, requireNumber(GAD7.scoreRange?.max));
}

function checkTotal(
  scores: { first: number; last: number } | undefined,
  field: string,
  name: string,
  max: number,
) {
  for (const which of ['first', 'last'] as const) {
    const score = scores?.[which];
    if (!isWholeNumber(score) || score < 0 || score > max) {
      throw invalid(
        `${field}.${which}`,
        `The ${which} ${name} total must be a whole number from 0 to ${max}; got ${String(score)}.`,
      );
    }
  }
}

const isWholeNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value);

export interface TalkingTherapiesCounts {
  finishedTreatment: number;
  notAtCasenessAtStart: number;
  recovered: number;
  reliablyImproved: number;
  reliablyRecovered: number;
}

export interface TalkingTherapiesRates {
  /** recovered ÷ (finished treatment − not at caseness at start). */
  recoveryRate: number | null;
  /** reliably improved ÷ finished treatment. */
  reliableImprovementRate: number | null;
  /** reliably recovered ÷ (finished treatment − not at caseness at start). */
  reliableRecoveryRate: number | null;
}

/**
 * The published NHS Talking Therapies rates, as fractions (0.518 is 51.8%); null where the
 * denominator is 0. Nothing is rounded: rounding is for display.
 */
export function talkingTherapiesRates(counts: TalkingTherapiesCounts): TalkingTherapiesRates {
  for (const field of [
    'finishedTreatment',
    'notAtCasenessAtStart',
    'recovered',
    'reliablyImproved',
    'reliablyRecovered',
  ] as const) {
    const count = counts?.[field];
    if (!isWholeNumber(count) || count < 0) {
      throw invalid(field, `${field} must be a whole number, 0 or more; got ${String(count)}.`);
    }
  }
  const { finishedTreatment, notAtCasenessAtStart, recovered, reliablyImproved } = counts;
  const atCaseness = finishedTreatment - notAtCasenessAtStart;
  if (atCaseness < 0) {
    throw invalid(
      'notAtCasenessAtStart',
      `${notAtCasenessAtStart} not at caseness at the start is more than the ${finishedTreatment} who finished treatment.`,
    );
  }
  atMost(counts, 'recovered', atCaseness, 'who finished treatment at caseness');
  atMost(counts, 'reliablyRecovered', recovered, 'who recovered');
  atMost(counts, 'reliablyImproved', finishedTreatment, 'who finished treatment');
  return {
    recoveryRate: share(recovered, atCaseness),
    reliableImprovementRate: share(reliablyImproved, finishedTreatment),
    reliableRecoveryRate: share(counts.reliablyRecovered, atCaseness),
  };
}

function atMost(
  counts: TalkingTherapiesCounts,
  field: keyof TalkingTherapiesCounts,
  limit: number,
  limitName: string,
) {
  if (counts[field] > limit) {
    throw invalid(field, `${field} is ${counts[field]}, more than the ${limit} ${limitName}.`);
  }
}

const share = (numerator: number, denominator: number) =>
  denominator === 0 ? null : numerator / denominator;
