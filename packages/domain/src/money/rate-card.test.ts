import { describe, expect, it } from 'vitest';
import { previewCost } from './cost-preview.ts';
import {
  describeTrigger,
  type OutcomeTrigger,
  rateCardInForce,
  reliableImprovementThreshold,
  ZRateCard,
} from './rate-card.ts';
import { buildOutcome, buildRateCard, buildVersion, expectInvalid } from './test-builders.ts';

const issuesOf = (value: unknown) => {
  const result = ZRateCard.safeParse(value);
  return result.success
    ? []
    : result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('ZRateCard', () => {
  it('accepts a card with every kind of trigger', () => {
    const card = buildRateCard({
      outcomes: [
        buildOutcome(),
        buildOutcome({
          code: 'SWEMWBS-3',
          trigger: {
            kind: 'metric-gain',
            instrument: 'SWEMWBS',
            minGain: 3,
            timepoint: 'follow-up-6m',
          },
        }),
        buildOutcome({ code: 'ATTEND-6', trigger: { kind: 'attended-sessions', minSessions: 6 } }),
        buildOutcome({ code: 'BASELINE', trigger: { kind: 'baseline-completed' } }),
        buildOutcome({
          code: 'M-TRAINED',
          trigger: {
            kind: 'milestone-approved',
            milestoneTitle: 'Practitioners trained',
            verifier: 'Hub clinical lead',
          },
        }),
      ],
      participantCapPence: 100_000,
      contractCapPence: 5_000_000,
    });
    expect(issuesOf(card)).toEqual([]);
  });

  it.each<[string, unknown, string]>([
    ['a lower-case code', { outcomes: [buildOutcome({ code: 'phq9-ri' })] }, 'outcomes.0.code'],
    ['a code of one character', { outcomes: [buildOutcome({ code: 'P' })] }, 'outcomes.0.code'],
    [
      'an empty definition',
      { outcomes: [buildOutcome({ definition: '  ' })] },
      'outcomes.0.definition',
    ],
    [
      'a price in pounds',
      { outcomes: [buildOutcome({ pricePence: 12.5 })] },
      'outcomes.0.pricePence',
    ],
    ['a negative price', { outcomes: [buildOutcome({ pricePence: -1 })] }, 'outcomes.0.pricePence'],
    [
      'zero claims',
      { outcomes: [buildOutcome({ maxClaimsPerParticipant: 0 })] },
      'outcomes.0.maxClaimsPerParticipant',
    ],
    [
      'reliable improvement on SWEMWBS',
      {
        outcomes: [
          buildOutcome({
            trigger: {
              kind: 'reliable-improvement',
              instrument: 'SWEMWBS',
              timepoint: 'end-of-treatment',
            } as never,
          }),
        ],
      },
      'outcomes.0.trigger.instrument',
    ],
    [
      'a gain measured at baseline',
      {
        outcomes: [
          buildOutcome({
            trigger: {
              kind: 'metric-gain',
              instrument: 'SWEMWBS',
              minGain: 3,
              timepoint: 'baseline',
            },
          }),
        ],
      },
      'outcomes.0.trigger.timepoint',
    ],
    [
      'a gain on ONS4, which has no single score',
      {
        outcomes: [
          buildOutcome({
            trigger: {
              kind: 'metric-gain',
              instrument: 'ONS4',
              minGain: 1,
              timepoint: 'follow-up-3m',
            },
          }),
        ],
      },
      'outcomes.0.trigger.instrument',
    ],
    [
      'a milestone without a verifier',
      {
        outcomes: [
          buildOutcome({
            trigger: { kind: 'milestone-approved', milestoneTitle: 'Trained', verifier: '' },
          }),
        ],
      },
      'outcomes.0.trigger.verifier',
    ],
    ['no funders', { funders: [] }, 'funders'],
    ['a fractional share', { funders: [{ organisationId: 'icb', share: 0.6 }] }, 'funders.0.share'],
    ['only zero shares', { funders: [{ organisationId: 'icb', share: 0 }] }, 'funders.0.share'],
    ['a negative cap', { contractCapPence: -5 }, 'contractCapPence'],
  ])('refuses %s, naming the field', (_, overrides, path) => {
    const issues = issuesOf(buildRateCard(overrides as never));
    expect(issues.map((issue) => issue.path)).toContain(path);
  });

  it('names the repeated outcome code and funder by their position', () => {
    const issues = issuesOf(
      buildRateCard({
        outcomes: [buildOutcome(), buildOutcome({ definition: 'Again' })],
        funders: [
          { organisationId: 'icb', share: 1 },
          { organisationId: 'icb', share: 1 },
        ],
      }),
    );
    expect(issues).toEqual([
      {
        path: 'outcomes.1.code',
        message: 'The code PHQ9-RI is used by another outcome; each code can appear once',
      },
      { path: 'funders.1.organisationId', message: 'Each funder can appear once' },
    ]);
  });
});

describe('rateCardInForce', () => {
  const versions = [
    buildVersion('v2', '2026-04-01'),
    buildVersion('v1', '2026-01-01'),
    buildVersion('v3', '2026-09-01'),
  ];

  it.each([
    ['2025-12-31', null],
    ['2026-01-01', 'v1'],
    ['2026-03-31', 'v1'],
    ['2026-04-01', 'v2'],
    ['2026-08-31', 'v2'],
    ['2027-02-01', 'v3'],
  ])('on %s picks %s', (date, id) => {
    expect(rateCardInForce(versions, date)?.id ?? null).toBe(id);
  });

  it('picks the same version of two on one date whatever the order', () => {
    const a = buildVersion('a', '2026-01-01');
    const b = buildVersion('b', '2026-01-01');
    expect(rateCardInForce([a, b], '2026-02-01')?.id).toBe('b');
    expect(rateCardInForce([b, a], '2026-02-01')?.id).toBe('b');
  });

  it('refuses a date that is not a date', () => {
    expectInvalid(() => rateCardInForce(versions, '2026-02-30'), 'onDate');
  });
});

describe('describeTrigger', () => {
  it.each<[OutcomeTrigger, string]>([
    [
      { kind: 'reliable-improvement', instrument: 'PHQ9', timepoint: 'end-of-treatment' },
      'Reliable improvement on PHQ-9 (a fall of 6 points or more) from baseline to the end of treatment',
    ],
    [
      { kind: 'reliable-improvement', instrument: 'GAD7', timepoint: 'follow-up-3m' },
      'Reliable improvement on GAD-7 (a fall of 4 points or more) from baseline to the 3-month follow-up',
    ],
    [
      { kind: 'metric-gain', instrument: 'SWEMWBS', minGain: 3, timepoint: 'follow-up-6m' },
      'SWEMWBS metric score rises by at least 3 points from baseline to the 6-month follow-up',
    ],
    [
      { kind: 'metric-gain', instrument: 'PHQ9', minGain: 5, timepoint: 'programme-end' },
      'PHQ-9 score falls by at least 5 points from baseline to timepoint "programme-end"',
    ],
    [{ kind: 'attended-sessions', minSessions: 6 }, 'Attends at least 6 sessions'],
    [{ kind: 'attended-sessions', minSessions: 1 }, 'Attends at least 1 session'],
    [{ kind: 'baseline-completed' }, 'Completes a baseline questionnaire'],
    [
      {
        kind: 'milestone-approved',
        milestoneTitle: 'Practitioners trained',
        verifier: 'Hub clinical lead',
      },
      'Milestone "Practitioners trained" approved, verified by Hub clinical lead',
    ],
  ])('describes %j', (trigger, words) => {
    expect(describeTrigger(trigger)).toBe(words);
  });

  it('takes the reliable change thresholds from the instrument definitions', () => {
    expect(reliableImprovementThreshold('PHQ9')).toBe(6);
    expect(reliableImprovementThreshold('GAD7')).toBe(4);
  });
});

describe('previewCost', () => {
  const card = buildRateCard({
    outcomes: [
      buildOutcome({ code: 'PHQ9-RI', pricePence: 30_000 }),
      buildOutcome({
        code: 'ATTEND-6',
        pricePence: 10_000,
        trigger: { kind: 'attended-sessions', minSessions: 6 },
      }),
    ],
  });

  it('prices each outcome and splits the total between funders', () => {
    expect(previewCost(card, { 'PHQ9-RI': 10, 'ATTEND-6': 25 })).toEqual({
      lines: [
        { code: 'PHQ9-RI', count: 10, pricePence: 30_000, totalPence: 300_000 },
        { code: 'ATTEND-6', count: 25, pricePence: 10_000, totalPence: 250_000 },
      ],
      totalPence: 550_000,
      cappedTotalPence: 550_000,
      perFunder: [
        { organisationId: 'icb', pence: 330_000 },
        { organisationId: 'council', pence: 220_000 },
      ],
    });
  });

  it('applies the contract cap, and the participant cap as participants × cap', () => {
    const capped = { ...card, participantCapPence: 15_000, contractCapPence: 400_000 };
    expect(previewCost(capped, { 'PHQ9-RI': 10, 'ATTEND-6': 25 }).cappedTotalPence).toBe(400_000);
    expect(previewCost(capped, { 'PHQ9-RI': 10, 'ATTEND-6': 25 }, 25).cappedTotalPence).toBe(
      375_000,
    );
    expect(previewCost(capped, { 'PHQ9-RI': 1 }, 30)).toMatchObject({
      totalPence: 30_000,
      cappedTotalPence: 30_000,
    });
  });

  it('refuses unknown outcomes and impossible counts, naming them', () => {
    expectInvalid(() => previewCost(card, { NOPE: 1 }), 'example.NOPE');
    expectInvalid(() => previewCost(card, { 'PHQ9-RI': -1 }), 'example.PHQ9-RI');
    expectInvalid(() => previewCost(card, { 'PHQ9-RI': 11 }, 10), 'example.PHQ9-RI');
    expectInvalid(() => previewCost(card, {}, 2.5), 'participants');
  });
});
