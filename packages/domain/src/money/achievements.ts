import { invalid } from '../errors.ts';
import { INSTRUMENTS, type InstrumentCode } from '../evidence/instruments.ts';
import { isIsoDate } from '../evidence/iso-date.ts';
import {
  BASELINE_TIMEPOINT,
  type OutcomeTrigger,
  type RateCard,
  type RateCardOutcome,
  type RateCardVersion,
  reliableImprovementThreshold,
} from './rate-card.ts';

/** One scored questionnaire of a participant. */
export interface EvidenceScore {
  /** The questionnaire response id; when given it is the evidence reference on the claim line. */
  id?: string;
  instrument: InstrumentCode;
  /** Timepoint code; the programme's baseline is `BASELINE_TIMEPOINT`. */
  timepoint: string;
  /** The reported score: the total, or for SWEMWBS the metric score (see `reportedScore`). */
  score: number;
  completedOn: string;
}

export interface ParticipantEvidence {
  participantId: string;
  scores: readonly EvidenceScore[];
  /** ISO dates of attended sessions, in any order; two sessions on one day are two dates. */
  attendedSessionDates: readonly string[];
}

/** A programme milestone approved through the milestone workflow. */
export interface ApprovedMilestone {
  milestoneId: string;
  title: string;
  approvedOn: string;
  verifiedBy: string;
}

export interface Achievement {
  /** Null for a programme-level outcome (an approved milestone). */
  participantId: string | null;
  /** The milestone behind a programme-level outcome; null or absent for a participant's. */
  milestoneId?: string | null;
  outcomeCode: string;
  achievedOn: string;
  /** Pseudonymous references (questionnaire ids, session dates, milestone id); no personal data. */
  evidence: string;
}

/**
 * The score a trigger compares, from a stored questionnaire: `questionnaire_responses` keeps the
 * raw SWEMWBS total in `total` and the converted score in `metric`, and SWEMWBS is compared on the
 * metric score (the scale its published norms and change thresholds use).
 */
export function reportedScore(response: {
  instrument: InstrumentCode;
  total: number | null;
  metric: number | null;
}): number | null {
  return response.instrument === 'SWEMWBS' ? response.metric : response.total;
}

/**
 * What each participant's evidence (and the programme's approved milestones) achieved against
 * `card`, in a fixed order: achievement date, participant (milestones first), outcome. Scores are
 * compared from the first baseline of the instrument to the first score at the trigger's
 * timepoint. An attended-sessions outcome claimable N times is achieved at every multiple of its
 * session count, up to N; every other participant outcome at most once.
 */
export function detectAchievements(
  card: RateCard,
  evidence: readonly ParticipantEvidence[],
  milestones: readonly ApprovedMilestone[] = [],
): Achievement[] {
  const checkDate = dateChecker();
  checkEvidence(evidence, checkDate);
  checkMilestones(milestones, checkDate);
  const found: Achievement[] = [];
  for (const participant of evidence) {
    const firstScores = firstScoreByInstrumentAndTimepoint(participant.scores);
    const sessions = [...participant.attendedSessionDates].sort();
    for (const outcome of card.outcomes) {
      found.push(...participantAchievements(participant, outcome, firstScores, sessions));
    }
  }
  for (const outcome of card.outcomes) {
    if (outcome.trigger.kind === 'milestone-approved') {
      found.push(...milestoneAchievements(outcome.code, outcome.trigger, milestones));
    }
  }
  return found.sort(compareAchievements);
}

/**
 * Detection across amendments: each version's triggers decide the achievements dated while it
 * was in force (before the first version, the first one's), so an amended trigger never
 * reaches back before its effective date.
 */
export function detectAchievementsForVersions(
  versions: readonly RateCardVersion[],
  evidence: readonly ParticipantEvidence[],
  milestones: readonly ApprovedMilestone[] = [],
): Achievement[] {
  const ordered = [...versions].sort(
    (a, b) => compare(a.effectiveFrom, b.effectiveFrom) || compare(a.id, b.id),
  );
  const found: Achievement[] = [];
  ordered.forEach((version, index) => {
    const from = index === 0 ? '' : version.effectiveFrom;
    const until = ordered[index + 1]?.effectiveFrom ?? '\uffff';
    for (const achievement of detectAchievements(version.card, evidence, milestones)) {
      if (achievement.achievedOn >= from && achievement.achievedOn < until) found.push(achievement);
    }
  });
  return found.sort(compareAchievements);
}

/** Achievement date, then participant (milestones first), outcome, milestone, evidence. */
export function compareAchievements(a: Achievement, b: Achievement): number {
  return (
    compare(a.achievedOn, b.achievedOn) ||
    compareNullFirst(a.participantId, b.participantId) ||
    compare(a.outcomeCode, b.outcomeCode) ||
    compareNullFirst(a.milestoneId ?? null, b.milestoneId ?? null) ||
    compare(a.evidence, b.evidence)
  );
}

function participantAchievements(
  participant: ParticipantEvidence,
  outcome: RateCardOutcome,
  firstScores: ReadonlyMap<string, EvidenceScore>,
  sessions: readonly string[],
): Achievement[] {
  const { trigger } = outcome;
  const achieved = (achievedOn: string, evidence: string): Achievement => ({
    participantId: participant.participantId,
    milestoneId: null,
    outcomeCode: outcome.code,
    achievedOn,
    evidence,
  });
  switch (trigger.kind) {
    case 'reliable-improvement':
    case 'metric-gain': {
      const baseline = firstScores.get(scoreKey(trigger.instrument, BASELINE_TIMEPOINT));
      const later = firstScores.get(scoreKey(trigger.instrument, trigger.timepoint));
      if (!baseline || !later || !improvedEnough(trigger, baseline.score, later.score)) return [];
      return [achieved(later.completedOn, `${scoreRef(baseline)} to ${scoreRef(later)}`)];
    }
    case 'attended-sessions': {
      const times = Math.min(
        outcome.maxClaimsPerParticipant,
        Math.floor(sessions.length / trigger.minSessions),
      );
      return Array.from({ length: times }, (_, index) => {
        const nth = (index + 1) * trigger.minSessions;
        const date = sessions[nth - 1] ?? '';
        return achieved(date, `session ${nth} attended on ${date}`);
      });
    }
    case 'baseline-completed': {
      const first = participant.scores
        .filter((score) => score.timepoint === BASELINE_TIMEPOINT)
        .sort(compareScores)[0];
      return first ? [achieved(first.completedOn, scoreRef(first))] : [];
    }
    case 'milestone-approved':
      return [];
  }
}

/** Lower-is-better instruments improve by falling; scores are compared in hundredths. */
function improvedEnough(trigger: OutcomeTrigger, baseline: number, later: number): boolean {
  if (trigger.kind === 'reliable-improvement') {
    return baseline - later >= reliableImprovementThreshold(trigger.instrument);
  }
  if (trigger.kind !== 'metric-gain') return false;
  const change = Math.round(later * 100) - Math.round(baseline * 100);
  const gain = INSTRUMENTS[trigger.instrument].higherIsBetter ? change : -change;
  return gain >= Math.round(trigger.minGain * 100);
}

function milestoneAchievements(
  outcomeCode: string,
  trigger: Extract<OutcomeTrigger, { kind: 'milestone-approved' }>,
  milestones: readonly ApprovedMilestone[],
): Achievement[] {
  const title = normaliseTitle(trigger.milestoneTitle);
  return milestones
    .filter((milestone) => normaliseTitle(milestone.title) === title)
    .map((milestone) => ({
      participantId: null,
      milestoneId: milestone.milestoneId,
      outcomeCode,
      achievedOn: milestone.approvedOn,
      evidence: `milestone ${milestone.milestoneId} approved on ${milestone.approvedOn}`,
    }));
}

const normaliseTitle = (title: string) => title.trim().replace(/\s+/g, ' ').toLowerCase();

const scoreKey = (instrument: InstrumentCode, timepoint: string) => `${instrument}|${timepoint}`;

function firstScoreByInstrumentAndTimepoint(
  scores: readonly EvidenceScore[],
): Map<string, EvidenceScore> {
  const first = new Map<string, EvidenceScore>();
  for (const score of scores) {
    const key = scoreKey(score.instrument, score.timepoint);
    const current = first.get(key);
    if (!current || compareScores(score, current) < 0) first.set(key, score);
  }
  return first;
}

/** Earliest first; on the same day the lower id, then the lower score, so input order never matters. */
function compareScores(a: EvidenceScore, b: EvidenceScore): number {
  return (
    compare(a.completedOn, b.completedOn) ||
    compare(a.id ?? '', b.id ?? '') ||
    a.score - b.score ||
    compare(a.instrument, b.instrument)
  );
}

function scoreRef(score: EvidenceScore): string {
  const where = `${score.instrument} ${score.timepoint} on ${score.completedOn}`;
  return score.id ? `${where} (questionnaire ${score.id})` : where;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareNullFirst(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compare(a, b);
}

function checkEvidence(evidence: readonly ParticipantEvidence[], checkDate: DateCheck) {
  const seen = new Set<string>();
  evidence.forEach((participant, i) => {
    if (typeof participant.participantId !== 'string' || participant.participantId === '') {
      throw invalid(`evidence.${i}.participantId`, 'Each participant needs an id.');
    }
    if (seen.has(participant.participantId)) {
      throw invalid(
        `evidence.${i}.participantId`,
        `Participant ${participant.participantId} appears twice; give each participant's evidence once.`,
      );
    }
    seen.add(participant.participantId);
    participant.scores.forEach((score, j) => {
      checkDate(score.completedOn, `evidence.${i}.scores.${j}.completedOn`);
      if (!Number.isFinite(score.score)) {
        throw invalid(`evidence.${i}.scores.${j}.score`, 'A score must be a number.');
      }
    });
    participant.attendedSessionDates.forEach((date, j) => {
      checkDate(date, `evidence.${i}.attendedSessionDates.${j}`);
    });
  });
}

function checkMilestones(milestones: readonly ApprovedMilestone[], checkDate: DateCheck) {
  milestones.forEach((milestone, i) => {
    checkDate(milestone.approvedOn, `milestones.${i}.approvedOn`);
  });
}

type DateCheck = (value: string, field: string) => void;

/** Validates dates, each distinct one once: evidence repeats the same few hundred days. */
function dateChecker(): DateCheck {
  const valid = new Set<string>();
  return (value, field) => {
    if (valid.has(value)) return;
    if (!isIsoDate(value)) {
      throw invalid(field, `Enter a real date as YYYY-MM-DD; got ${JSON.stringify(value)}.`);
    }
    valid.add(value);
  };
}
