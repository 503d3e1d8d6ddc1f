import { z } from 'zod';
import { ZPence } from '../commissioning/money.ts';
import { invalid } from '../errors.ts';
import { INSTRUMENT_CODES, INSTRUMENTS, type InstrumentCode } from '../evidence/instruments.ts';
import { isIsoDate } from '../evidence/iso-date.ts';
import { DEFAULT_OUTCOMES_FRAMEWORK } from '../evidence/timepoints.ts';

/**
 * A rate card prices outcomes for a programme's funders (ADR 0008): each outcome has a code, a
 * plain-language definition, a trigger computed from evidence, a price and how many times it can
 * be claimed per participant; the card may cap what one participant and the whole contract can
 * earn, and says how co-funders share each line. Amendments are new dated versions.
 */

/** The timepoint every comparison is made from; the API maps a programme's baseline to it. */
export const BASELINE_TIMEPOINT = 'baseline';

/** Instruments with a single reported score (SWEMWBS: the metric score), so a gain means something. */
export const SCORED_INSTRUMENTS: readonly InstrumentCode[] = INSTRUMENT_CODES.filter(
  (code) => INSTRUMENTS[code].scoreRange !== null,
);

/** Instruments with a published reliable change threshold (PHQ-9 6, GAD-7 4, from instruments.ts). */
export const RELIABLE_IMPROVEMENT_INSTRUMENTS = ['PHQ9', 'GAD7'] as const;
export type ReliableImprovementInstrument = (typeof RELIABLE_IMPROVEMENT_INSTRUMENTS)[number];

/** The fall in score that counts as reliable improvement on a lower-is-better instrument. */
export function reliableImprovementThreshold(instrument: ReliableImprovementInstrument): number {
  const threshold = INSTRUMENTS[instrument]?.reliableChange;
  if (threshold === null || threshold === undefined) {
    throw invalid('instrument', `${instrument} has no published reliable change threshold.`);
  }
  return threshold;
}

const ZTimepointCode = z
  .string({ error: 'Choose a timepoint' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Choose a timepoint from the outcomes framework')
  .refine((code) => code !== BASELINE_TIMEPOINT, 'Choose a timepoint after baseline');

const ZLabel = (what: string, max: number) =>
  z
    .string({ error: `Enter the ${what}` })
    .trim()
    .min(1, `Enter the ${what}`)
    .max(max, `The ${what} must be ${max} characters or fewer`);

export const ZOutcomeTrigger = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('reliable-improvement'),
      instrument: z.enum(RELIABLE_IMPROVEMENT_INSTRUMENTS, {
        error: 'Reliable improvement is measured on PHQ-9 or GAD-7',
      }),
      timepoint: ZTimepointCode,
    }),
    z.object({
      kind: z.literal('metric-gain'),
      instrument: z.enum(SCORED_INSTRUMENTS as [InstrumentCode, ...InstrumentCode[]], {
        error: 'Choose a questionnaire with a single score',
      }),
      minGain: z
        .number({ error: 'Enter the smallest gain that counts' })
        .positive('The gain must be more than 0')
        .max(100, 'The gain can be at most 100 points'),
      timepoint: ZTimepointCode,
    }),
    z.object({
      kind: z.literal('attended-sessions'),
      minSessions: z
        .number({ error: 'Enter the number of sessions' })
        .int('Enter a whole number of sessions')
        .min(1, 'At least 1 session')
        .max(1000, 'At most 1,000 sessions'),
    }),
    z.object({ kind: z.literal('baseline-completed') }),
    z.object({
      kind: z.literal('milestone-approved'),
      milestoneTitle: ZLabel('milestone title', 200),
      /** The named role or person who verifies the milestone. */
      verifier: ZLabel('verifier', 200),
    }),
  ],
  { error: 'Choose what triggers this outcome' },
);
export type OutcomeTrigger = z.infer<typeof ZOutcomeTrigger>;
export type OutcomeTriggerKind = OutcomeTrigger['kind'];

export const ZRateCardOutcome = z.object({
  code: z
    .string({ error: 'Enter a code' })
    .regex(
      /^[A-Z0-9-]{2,20}$/,
      'Use 2 to 20 capital letters, digits and hyphens for a code, like PHQ9-RI',
    ),
  definition: ZLabel('definition in plain language', 1000),
  trigger: ZOutcomeTrigger,
  pricePence: ZPence,
  maxClaimsPerParticipant: z
    .number({ error: 'Enter how many times it can be claimed per participant' })
    .int('Enter a whole number of claims')
    .min(1, 'It can be claimed at least once')
    .max(1000, 'At most 1,000 claims per participant'),
});
export type RateCardOutcome = z.infer<typeof ZRateCardOutcome>;

export const ZRateCardFunder = z.object({
  organisationId: z.string({ error: 'Choose a funder' }).min(1, 'Choose a funder'),
  share: z
    .number({ error: 'Enter the share' })
    .int("Enter each funder's share as a whole number, like 60 and 40")
    .min(0, 'A share cannot be negative')
    .max(1_000_000, 'A share can be at most 1,000,000'),
});
export type RateCardFunder = z.infer<typeof ZRateCardFunder>;

export const ZRateCard = z
  .object({
    outcomes: z
      .array(ZRateCardOutcome)
      .min(1, 'Add at least one outcome')
      .max(100, 'A rate card can have at most 100 outcomes'),
    participantCapPence: ZPence.nullable(),
    contractCapPence: ZPence.nullable(),
    funders: z
      .array(ZRateCardFunder)
      .min(1, 'Add at least one funder')
      .max(20, 'A rate card can have at most 20 funders'),
  })
  .superRefine((card, ctx) => {
    const seenCodes = new Set<string>();
    card.outcomes.forEach((outcome, index) => {
      if (seenCodes.has(outcome.code)) {
        ctx.addIssue({
          code: 'custom',
          path: ['outcomes', index, 'code'],
          message: `The code ${outcome.code} is used by another outcome; each code can appear once`,
        });
      }
      seenCodes.add(outcome.code);
    });
    const seenFunders = new Set<string>();
    card.funders.forEach((funder, index) => {
      if (seenFunders.has(funder.organisationId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['funders', index, 'organisationId'],
          message: 'Each funder can appear once',
        });
      }
      seenFunders.add(funder.organisationId);
    });
    if (card.funders.length > 0 && card.funders.every((funder) => funder.share === 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['funders', 0, 'share'],
        message: 'At least one funder needs a share more than 0',
      });
    }
  });
export type RateCard = z.infer<typeof ZRateCard>;

export const ZIsoDate = z
  .string({ error: 'Enter a date' })
  .refine((value) => isIsoDate(value), 'Enter a real date as YYYY-MM-DD, like 2026-04-01');

export const ZRateCardVersion = z.object({
  id: z.string({ error: 'A rate card version needs an id' }).min(1),
  effectiveFrom: ZIsoDate,
  card: ZRateCard,
});
export type RateCardVersion = z.infer<typeof ZRateCardVersion>;

/**
 * The version an achievement on `onDate` is priced by: the latest `effectiveFrom` on or before
 * it (on a tie, the greater id, so the answer never depends on input order). Null before the
 * first version.
 */
export function rateCardInForce(
  versions: readonly RateCardVersion[],
  onDate: string,
): RateCardVersion | null {
  if (!isIsoDate(onDate)) {
    throw invalid('onDate', `Enter a real date as YYYY-MM-DD; got ${JSON.stringify(onDate)}.`);
  }
  let best: RateCardVersion | null = null;
  for (const version of versions) {
    if (version.effectiveFrom > onDate) continue;
    if (
      best === null ||
      version.effectiveFrom > best.effectiveFrom ||
      (version.effectiveFrom === best.effectiveFrom && version.id > best.id)
    ) {
      best = version;
    }
  }
  return best;
}

/** "the end of treatment", "the 6-month follow-up", or the code when it is not a default one. */
export function timepointPhrase(timepoint: string): string {
  const known = DEFAULT_OUTCOMES_FRAMEWORK.find((t) => t.code === timepoint);
  return known ? `the ${known.label.toLowerCase()}` : `timepoint "${timepoint}"`;
}

const plural = (count: number, one: string, many: string) =>
  `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

/** The trigger in plain English, for the rate card editor, claims and statements. */
export function describeTrigger(trigger: OutcomeTrigger): string {
  switch (trigger.kind) {
    case 'reliable-improvement': {
      const { shortName } = INSTRUMENTS[trigger.instrument];
      const threshold = reliableImprovementThreshold(trigger.instrument);
      return `Reliable improvement on ${shortName} (a fall of ${plural(threshold, 'point', 'points')} or more) from baseline to ${timepointPhrase(trigger.timepoint)}`;
    }
    case 'metric-gain': {
      const definition = INSTRUMENTS[trigger.instrument];
      const score = trigger.instrument === 'SWEMWBS' ? 'metric score' : 'score';
      const direction = definition.higherIsBetter ? 'rises' : 'falls';
      return `${definition.shortName} ${score} ${direction} by at least ${plural(trigger.minGain, 'point', 'points')} from baseline to ${timepointPhrase(trigger.timepoint)}`;
    }
    case 'attended-sessions':
      return `Attends at least ${plural(trigger.minSessions, 'session', 'sessions')}`;
    case 'baseline-completed':
      return 'Completes a baseline questionnaire';
    case 'milestone-approved':
      return `Milestone "${trigger.milestoneTitle}" approved, verified by ${trigger.verifier}`;
  }
}
