import { z } from 'zod';
import { formatPounds } from '../commissioning/money.ts';
import { invalid } from '../errors.ts';
import { isIsoDate } from '../evidence/iso-date.ts';
import { type Achievement, compareAchievements } from './achievements.ts';
import { type FunderPence, ZFunderPence } from './funder-pence.ts';
import { type RateCardOutcome, type RateCardVersion, rateCardInForce } from './rate-card.ts';
import { splitPence } from './split.ts';

export const CLAIM_REDUCTIONS = [
  'capped-participant',
  'capped-contract',
  'already-claimed',
  'no-rate-card',
] as const;
export const ZClaimReduction = z.enum(CLAIM_REDUCTIONS);
export type ClaimReduction = z.infer<typeof ZClaimReduction>;

/** A line of an earlier live claim of the programme (clawbacks included, with their minus sign). */
export interface ClaimedBefore {
  participantId: string | null;
  /** For a programme-level line: its milestone, so each milestone is counted on its own. */
  milestoneId?: string | null;
  outcomeCode: string;
  occurrence: number;
  amountPence: number;
}

export const ZClaimLineDraft = z.object({
  participantId: z.string().nullable(),
  milestoneId: z.string().nullable(),
  outcomeCode: z.string(),
  /** 1-based count of this outcome for this participant, earlier claims included. */
  occurrence: z.number().int().min(1),
  achievedOn: z.string(),
  /** The version the line is priced by; null when no card was in force. */
  rateCardVersionId: z.string().nullable(),
  pricePence: z.number().int(),
  amountPence: z.number().int(),
  reduction: ZClaimReduction.nullable(),
  /** Why the amount is less than the price, in plain English; empty when it is not. */
  note: z.string(),
  evidence: z.string(),
  funderSplits: z.array(ZFunderPence),
});
export type ClaimLineDraft = z.infer<typeof ZClaimLineDraft>;

export const ZClaimComputation = z.object({
  lines: z.array(ZClaimLineDraft),
  totalPence: z.number().int(),
  perFunder: z.array(ZFunderPence),
});
export type ClaimComputation = z.infer<typeof ZClaimComputation>;

export interface ClaimInput {
  versions: readonly RateCardVersion[];
  achievements: readonly Achievement[];
  alreadyClaimed: readonly ClaimedBefore[];
}

/**
 * Prices achievements into claim lines (ADR 0008), pure and deterministic: the same inputs in
 * any order give the same lines, ordered by achievement date, participant (programme-level
 * first), outcome.
 *
 * - Each achievement is priced by the card in force on its date; none → a zero line
 *   `no-rate-card`.
 * - Occurrences already claimed are not claimed again. Pass every live line of earlier claims,
 *   zero lines and clawbacks included: a zero line counts as claimed (so it is not repeated in
 *   every later claim), and an occurrence whose clawback cancelled it is free to be earned
 *   again. New lines are numbered after the highest occurrence seen, so numbers are never
 *   reused; beyond `maxClaimsPerParticipant` a line is kept at zero, `already-claimed`.
 * - The card's cap per participant counts what that participant was claimed before and on
 *   earlier lines; the contract cap counts the whole programme. A line that would break a cap
 *   is reduced to what remains and says so; once a cap is reached, lines are zero with the
 *   reason.
 * - Each line is split between the card's funders by `splitPence`.
 */
export function computeClaim(input: ClaimInput): ClaimComputation {
  const knownDates = new Set<string>();
  const achievements = input.achievements
    .map((achievement, index) => checkAchievement(achievement, index, knownDates))
    .sort(compareAchievements);
  const context = pricingContext(input.versions);
  const history = claimHistory(input.alreadyClaimed);
  const seenPerKey = new Map<string, number>();
  const participantUsed = new Map(history.participantUsed);
  let contractUsed = history.contractUsed;
  const lines: ClaimLineDraft[] = [];

  for (const achievement of achievements) {
    const key = subjectOutcomeKey(achievement);
    const seen = (seenPerKey.get(key) ?? 0) + 1;
    seenPerKey.set(key, seen);
    const prior = history.byKey.get(key);
    const taken = prior?.taken ?? 0;
    if (seen <= taken) continue; // claimed in an earlier claim
    const ordinal = seen;
    const occurrence = (prior?.highestOccurrence ?? 0) + (seen - taken);

    const line = priceLine(achievement, occurrence, ordinal, context, {
      participantUsed: achievement.participantId
        ? (participantUsed.get(achievement.participantId) ?? 0)
        : 0,
      contractUsed,
    });
    if (achievement.participantId !== null) {
      participantUsed.set(
        achievement.participantId,
        (participantUsed.get(achievement.participantId) ?? 0) + line.amountPence,
      );
    }
    contractUsed += line.amountPence;
    lines.push(line);
  }

  const perFunder = new Map<string, number>();
  for (const line of lines) {
    for (const split of line.funderSplits) {
      perFunder.set(split.organisationId, (perFunder.get(split.organisationId) ?? 0) + split.pence);
    }
  }
  return {
    lines,
    totalPence: lines.reduce((sum, line) => sum + line.amountPence, 0),
    perFunder: [...perFunder.keys()]
      .sort()
      .map((organisationId) => ({ organisationId, pence: perFunder.get(organisationId) ?? 0 })),
  };
}

/** A version's outcomes by code and its funders' shares, worked out once per version. */
interface VersionPricing {
  version: RateCardVersion;
  outcomes: ReadonlyMap<string, RateCardOutcome>;
  shares: readonly number[];
}

interface PricingContext {
  /** The version in force on a date, looked up once per distinct date. */
  pricingOn: (date: string) => VersionPricing | null;
  /** formatPounds, formatting each distinct amount once. */
  pounds: (pence: number) => string;
}

function pricingContext(versions: readonly RateCardVersion[]): PricingContext {
  const byVersion = new Map<RateCardVersion, VersionPricing>();
  const pricingOf = (version: RateCardVersion) => {
    let pricing = byVersion.get(version);
    if (!pricing) {
      pricing = {
        version,
        outcomes: new Map(version.card.outcomes.map((outcome) => [outcome.code, outcome])),
        shares: version.card.funders.map((funder) => funder.share),
      };
      byVersion.set(version, pricing);
    }
    return pricing;
  };
  return {
    pricingOn: memoise((date: string) => {
      const version = rateCardInForce(versions, date);
      return version ? pricingOf(version) : null;
    }),
    pounds: memoise(formatPounds),
  };
}

function memoise<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(key);
    cache.set(key, value);
    return value;
  };
}

function priceLine(
  achievement: Achievement,
  occurrence: number,
  ordinal: number,
  { pricingOn, pounds }: PricingContext,
  used: { participantUsed: number; contractUsed: number },
): ClaimLineDraft {
  const pricing = pricingOn(achievement.achievedOn);
  const outcome = pricing?.outcomes.get(achievement.outcomeCode);
  let pricePence = 0;
  let amountPence = 0;
  let reduction: ClaimReduction | null = null;
  let note = '';
  let funderSplits: FunderPence[] = [];

  if (!pricing || !outcome) {
    reduction = 'no-rate-card';
    note = pricing
      ? `Not claimed: the rate card in force on ${achievement.achievedOn} has no outcome ${achievement.outcomeCode}`
      : `Not claimed: no rate card was in force on ${achievement.achievedOn}`;
  } else {
    const { card } = pricing.version;
    pricePence = outcome.pricePence;
    if (ordinal > outcome.maxClaimsPerParticipant) {
      reduction = 'already-claimed';
      note = alreadyClaimedNote(achievement, outcome.maxClaimsPerParticipant);
    } else {
      amountPence = pricePence;
      let capNote = '';
      if (achievement.participantId !== null && card.participantCapPence !== null) {
        const remaining = Math.max(0, card.participantCapPence - used.participantUsed);
        if (amountPence > remaining) {
          amountPence = remaining;
          reduction = 'capped-participant';
          capNote = `the ${pounds(card.participantCapPence)} cap per participant`;
        }
      }
      if (card.contractCapPence !== null) {
        const remaining = Math.max(0, card.contractCapPence - used.contractUsed);
        if (amountPence > remaining) {
          amountPence = remaining;
          reduction = 'capped-contract';
          capNote = `the ${pounds(card.contractCapPence)} contract cap`;
        }
      }
      if (reduction !== null) {
        note =
          amountPence === 0
            ? `Not claimed: ${capNote} was already reached`
            : `Reduced from ${pounds(pricePence)} to ${pounds(amountPence)}: ${capNote} is reached`;
      }
    }
    const parts = splitPence(amountPence, pricing.shares);
    funderSplits = card.funders.map((funder, index) => ({
      organisationId: funder.organisationId,
      pence: parts[index] ?? 0,
    }));
  }
  return {
    participantId: achievement.participantId,
    milestoneId: achievement.milestoneId ?? null,
    outcomeCode: achievement.outcomeCode,
    occurrence,
    achievedOn: achievement.achievedOn,
    rateCardVersionId: pricing?.version.id ?? null,
    pricePence,
    amountPence,
    reduction,
    note,
    evidence: achievement.evidence,
    funderSplits,
  };
}

function alreadyClaimedNote(achievement: Achievement, max: number): string {
  const per = achievement.participantId === null ? 'per milestone' : 'per participant';
  const times = max === 1 ? 'once' : `up to ${max} times`;
  return `Not claimed: ${achievement.outcomeCode} can be claimed ${times} ${per}, and ${max === 1 ? 'it has been' : 'all have been'} already`;
}

/** Participant, or the milestone for a programme-level line, and the outcome. */
function subjectOutcomeKey(line: {
  participantId: string | null;
  milestoneId?: string | null;
  outcomeCode: string;
}): string {
  const subject =
    line.participantId !== null ? `p:${line.participantId}` : `m:${line.milestoneId ?? ''}`;
  return `${subject}\u0000${line.outcomeCode}`;
}

interface PriorOutcome {
  /** Occurrences that stand: a positive net amount, or only zero lines. */
  taken: number;
  highestOccurrence: number;
}

function claimHistory(alreadyClaimed: readonly ClaimedBefore[]) {
  const occurrences = new Map<string, Map<number, { net: number; nonZero: boolean }>>();
  const participantUsed = new Map<string, number>();
  let contractUsed = 0;
  alreadyClaimed.forEach((line, index) => {
    if (!Number.isSafeInteger(line.occurrence) || line.occurrence < 1) {
      throw invalid(
        `alreadyClaimed.${index}.occurrence`,
        'An occurrence is a whole number from 1.',
      );
    }
    if (!Number.isSafeInteger(line.amountPence)) {
      throw invalid(`alreadyClaimed.${index}.amountPence`, 'An amount is a whole number of pence.');
    }
    const key = subjectOutcomeKey(line);
    const byOccurrence = occurrences.get(key) ?? new Map();
    occurrences.set(key, byOccurrence);
    const entry = byOccurrence.get(line.occurrence) ?? { net: 0, nonZero: false };
    entry.net += line.amountPence;
    entry.nonZero ||= line.amountPence !== 0;
    byOccurrence.set(line.occurrence, entry);
    if (line.participantId !== null) {
      participantUsed.set(
        line.participantId,
        (participantUsed.get(line.participantId) ?? 0) + line.amountPence,
      );
    }
    contractUsed += line.amountPence;
  });
  const byKey = new Map<string, PriorOutcome>();
  for (const [key, byOccurrence] of occurrences) {
    let taken = 0;
    for (const { net, nonZero } of byOccurrence.values()) {
      if (net > 0 || !nonZero) taken += 1;
    }
    byKey.set(key, { taken, highestOccurrence: Math.max(...byOccurrence.keys()) });
  }
  return { byKey, participantUsed, contractUsed };
}

function checkAchievement(
  achievement: Achievement,
  index: number,
  knownDates: Set<string>,
): Achievement {
  if (!knownDates.has(achievement.achievedOn) && !isIsoDate(achievement.achievedOn)) {
    throw invalid(
      `achievements.${index}.achievedOn`,
      `Enter a real date as YYYY-MM-DD; got ${JSON.stringify(achievement.achievedOn)}.`,
    );
  }
  if (typeof achievement.outcomeCode !== 'string' || achievement.outcomeCode === '') {
    throw invalid(`achievements.${index}.outcomeCode`, 'Each achievement names its outcome.');
  }
  knownDates.add(achievement.achievedOn);
  return achievement;
}

/** A claim line as stored, to be clawed back. */
export interface ClaimLineToClawBack {
  id: string;
  participantId: string | null;
  milestoneId?: string | null;
  outcomeCode: string;
  occurrence: number;
  achievedOn: string;
  rateCardVersionId: string | null;
  pricePence: number;
  amountPence: number;
  funderSplits: readonly FunderPence[];
}

export interface ClawbackLineDraft extends ClaimLineDraft {
  clawbackOfLineId: string;
}

/**
 * The line that reverses a paid line whose evidence was withdrawn, for the next claim: the same
 * participant, outcome and occurrence, the amount and every funder's part negated.
 */
export function clawbackLine(
  original: ClaimLineToClawBack,
  reason = 'the evidence was withdrawn',
): ClawbackLineDraft {
  if (!Number.isSafeInteger(original.amountPence) || original.amountPence <= 0) {
    throw invalid('amountPence', 'Only a line with a positive amount can be clawed back.');
  }
  const splitTotal = original.funderSplits.reduce((sum, split) => sum + split.pence, 0);
  if (splitTotal !== original.amountPence) {
    throw invalid(
      'funderSplits',
      `The funders' parts add up to ${splitTotal} pence, not the line's ${original.amountPence}.`,
    );
  }
  return {
    clawbackOfLineId: original.id,
    participantId: original.participantId,
    milestoneId: original.milestoneId ?? null,
    outcomeCode: original.outcomeCode,
    occurrence: original.occurrence,
    achievedOn: original.achievedOn,
    rateCardVersionId: original.rateCardVersionId,
    pricePence: original.pricePence,
    amountPence: -original.amountPence,
    reduction: null,
    note: `Clawback of ${formatPounds(original.amountPence)} claimed for ${original.outcomeCode}: ${reason}`,
    evidence: `clawback of claim line ${original.id}`,
    funderSplits: original.funderSplits.map((split) => ({
      organisationId: split.organisationId,
      pence: split.pence === 0 ? 0 : -split.pence,
    })),
  };
}
