import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  INSTRUMENT_CODES,
  INSTRUMENTS,
  type InstrumentCode,
  LICENSED_INSTRUMENTS,
  MOS_SSS_SUBSCALES,
  type Ons4Measure,
  ons4Band,
  pamLevel,
  SWEMWBS_ITEMS_FROM_WEMWBS,
  scoreInstrument,
  swemwbsMetricScore,
  validateLicensedScore,
} from './instruments.ts';

/** Answers adding up to `total`, filling items with the largest value first. */
function answersSumming(total: number, count: number, min: number, max: number): number[] {
  let left = total - count * min;
  return Array.from({ length: count }, () => {
    const extra = Math.min(max - min, left);
    left -= extra;
    return min + extra;
  });
}

function expectInvalid(run: () => unknown, field: string, message: string) {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect(thrown).toMatchObject({ code: 'invalid', field, message });
}

describe('INSTRUMENTS', () => {
  it.each(INSTRUMENT_CODES)('%s lists one published item per question', (code) => {
    const definition = INSTRUMENTS[code];
    expect(definition.code).toBe(code);
    expect(definition.items).toHaveLength(definition.itemCount);
    expect(new Set(definition.items.map((i) => i.text)).size).toBe(definition.itemCount);
    expect(definition.options.map((o) => o.value)).toEqual(
      Array.from(
        { length: definition.itemMax - definition.itemMin + 1 },
        (_, i) => definition.itemMin + i,
      ),
    );
  });

  it.each(['PHQ9', 'GAD7'] as const)('%s bands cover every total exactly once', (code) => {
    const { bands, scoreRange } = INSTRUMENTS[code];
    const covered = bands.flatMap((b) =>
      Array.from({ length: b.max - b.min + 1 }, (_, i) => b.min + i),
    );
    const range = scoreRange ?? { min: 0, max: -1 };
    expect(covered).toEqual(
      Array.from({ length: range.max - range.min + 1 }, (_, i) => range.min + i),
    );
  });

  it.each([
    ['PHQ9', 6, false, 10],
    ['GAD7', 4, false, 8],
    ['WEMWBS', 8, true, null],
    ['SWEMWBS', 3, true, null],
    ['ONS4', null, true, null],
    ['MOS_SSS', null, true, null],
  ] as const)(
    '%s: reliable change %s, higher is better %s, caseness %s',
    (code, reliable, higher, caseness) => {
      expect(INSTRUMENTS[code]).toMatchObject({
        reliableChange: reliable,
        higherIsBetter: higher,
        casenessThreshold: caseness,
      });
    },
  );

  it('uses the published stems and response options', () => {
    expect(INSTRUMENTS.PHQ9.stem).toBe(
      'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
    );
    expect(INSTRUMENTS.GAD7.options.map((o) => o.label)).toEqual([
      'Not at all',
      'Several days',
      'More than half the days',
      'Nearly every day',
    ]);
    expect(INSTRUMENTS.WEMWBS.options.map((o) => o.label)).toEqual([
      'None of the time',
      'Rarely',
      'Some of the time',
      'Often',
      'All of the time',
    ]);
    expect(INSTRUMENTS.MOS_SSS.options.map((o) => o.label)).toEqual([
      'None of the time',
      'A little of the time',
      'Some of the time',
      'Most of the time',
      'All of the time',
    ]);
    expect(INSTRUMENTS.ONS4.options[0]?.label).toBe('Not at all');
    expect(INSTRUMENTS.ONS4.options[10]?.label).toBe('Completely');
  });

  it('takes the SWEMWBS items word for word from WEMWBS items 1, 2, 3, 6, 7, 9 and 11', () => {
    expect(INSTRUMENTS.SWEMWBS.items.map((i) => i.text)).toEqual(
      SWEMWBS_ITEMS_FROM_WEMWBS.map((n) => INSTRUMENTS.WEMWBS.items[n - 1]?.text),
    );
    expect(INSTRUMENTS.SWEMWBS.items.map((i) => i.text)).toEqual([
      "I've been feeling optimistic about the future",
      "I've been feeling useful",
      "I've been feeling relaxed",
      "I've been dealing with problems well",
      "I've been thinking clearly",
      "I've been feeling close to other people",
      "I've been able to make up my own mind about things",
    ]);
  });

  it('puts 18 MOS-SSS items in the four subscales and all 19 in the overall index', () => {
    const { overall, ...subscales } = MOS_SSS_SUBSCALES;
    const inSubscales = Object.values(subscales).flat();
    expect(inSubscales).toHaveLength(18);
    expect(new Set(inSubscales).size).toBe(18);
    expect(overall).toEqual(INSTRUMENTS.MOS_SSS.items.map((i) => i.number));
    expect(overall.filter((n) => !inSubscales.includes(n))).toEqual([14]);
  });
});

describe('scoreInstrument: PHQ-9 and GAD-7', () => {
  it.each([
    [0, 'minimal', false],
    [4, 'minimal', false],
    [5, 'mild', false],
    [9, 'mild', false],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'moderately severe', true],
    [19, 'moderately severe', true],
    [20, 'severe', true],
    [27, 'severe', true],
  ])('PHQ-9 total %i is %s (caseness %s)', (total, band, caseness) => {
    expect(scoreInstrument('PHQ9', answersSumming(total, 9, 0, 3))).toMatchObject({
      valid: true,
      total,
      band,
      caseness,
    });
  });

  it.each([
    [0, 'minimal', false],
    [4, 'minimal', false],
    [5, 'mild', false],
    [7, 'mild', false],
    [8, 'mild', true],
    [9, 'mild', true],
    [10, 'moderate', true],
    [14, 'moderate', true],
    [15, 'severe', true],
    [21, 'severe', true],
  ])('GAD-7 total %i is %s (caseness %s)', (total, band, caseness) => {
    expect(scoreInstrument('GAD7', answersSumming(total, 7, 0, 3))).toMatchObject({
      valid: true,
      total,
      band,
      caseness,
    });
  });

  it.each<[InstrumentCode, (number | null)[], number | null]>([
    // 4 × 9 ÷ 8 = 4.5 rounds half up to 5.
    ['PHQ9', [1, 1, 1, 1, 0, 0, 0, 0, null], 5],
    // 10 × 9 ÷ 8 = 11.25 → 11; 14 × 9 ÷ 8 = 15.75 → 16.
    ['PHQ9', [3, 3, 3, 1, 0, 0, 0, 0, null], 11],
    ['PHQ9', [3, 3, 3, 3, 2, 0, 0, 0, null], 16],
    // Two missing: 10 × 9 ÷ 7 = 12.86 → 13.
    ['PHQ9', [null, 3, 3, 3, 1, 0, 0, 0, null], 13],
    ['PHQ9', [null, null, null, 3, 3, 3, 3, 3, 3], null],
    // 3 × 7 ÷ 6 = 3.5 → 4; 9 × 7 ÷ 6 = 10.5 → 11; 6 × 7 ÷ 5 = 8.4 → 8.
    ['GAD7', [1, 1, 1, 0, 0, 0, null], 4],
    ['GAD7', [3, 3, 3, 0, 0, 0, null], 11],
    ['GAD7', [3, 3, null, 0, 0, null, 0], 8],
    ['GAD7', [3, null, null, null, 3, 3, 3], null],
  ])('%s %j prorates to %s', (code, answers, total) => {
    const score = scoreInstrument(code, answers);
    expect(score.total).toBe(total);
    expect(score.valid).toBe(total !== null);
    if (total === null) expect(score).toMatchObject({ band: null, caseness: null });
  });

  it('bands and caseness use the prorated total', () => {
    // 6 × 7 ÷ 5 = 8.4 → 8: at caseness although the answered items add up to 6.
    expect(scoreInstrument('GAD7', [3, 3, null, 0, 0, null, 0])).toMatchObject({
      band: 'mild',
      caseness: true,
    });
  });

  it.each<[(number | null)[], boolean, boolean]>([
    [[0, 0, 0, 0, 0, 0, 0, 0, 1], true, true],
    [[3, 3, 3, 3, 3, 3, 3, 3, 0], false, true],
    [[0, 0, 0, 0, 0, 0, 0, 0, null], false, true],
    // Not scorable (three missing) but item 9 answered: the risk flag still shows.
    [[null, null, null, 0, 0, 0, 0, 0, 2], true, false],
  ])('PHQ-9 %j raises the risk flag: %s', (answers, riskFlag, valid) => {
    expect(scoreInstrument('PHQ9', answers)).toMatchObject({ riskFlag, valid });
  });

  it('never raises the risk flag on GAD-7', () => {
    expect(scoreInstrument('GAD7', [3, 3, 3, 3, 3, 3, 3]).riskFlag).toBe(false);
  });

  it('with every item answered, the total is the plain sum; the rule is the mean of the answered items', () => {
    const answer = fc.integer({ min: 0, max: 3 });
    const maybe = fc.option(answer, { nil: null, freq: 4 });
    fc.assert(
      fc.property(fc.array(maybe, { minLength: 9, maxLength: 9 }), (answers) => {
        const answered = answers.filter((a): a is number => a !== null);
        const score = scoreInstrument('PHQ9', answers);
        expect(score.valid).toBe(answered.length >= 7);
        if (!score.valid || score.total === null) return;
        const sum = answered.reduce((s, a) => s + a, 0);
        if (answered.length === 9) expect(score.total).toBe(sum);
        // Half up: total − ½ ≤ exact < total + ½, compared in whole numbers.
        const exact2 = (2 * sum * 9) / answered.length;
        expect(2 * score.total - 1).toBeLessThanOrEqual(exact2);
        expect(exact2).toBeLessThan(2 * score.total + 1);
      }),
    );
  });
});

describe('scoreInstrument: WEMWBS and SWEMWBS', () => {
  it.each([
    [Array(14).fill(1), 14],
    [Array(14).fill(5), 70],
    [[1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2, 3, 4], 40],
  ])('WEMWBS %j totals %i', (answers, total) => {
    expect(scoreInstrument('WEMWBS', answers)).toMatchObject({ valid: true, total, metric: null });
  });

  it.each([
    [7, 7.0],
    [8, 9.51],
    [9, 11.25],
    [10, 12.4],
    [11, 13.33],
    [12, 14.08],
    [13, 14.75],
    [14, 15.32],
    [15, 15.84],
    [16, 16.36],
    [17, 16.88],
    [18, 17.43],
    [19, 17.98],
    [20, 18.59],
    [21, 19.25],
    [22, 19.98],
    [23, 20.73],
    [24, 21.54],
    [25, 22.35],
    [26, 23.21],
    [27, 24.11],
    [28, 25.03],
    [29, 26.02],
    [30, 27.03],
    [31, 28.13],
    [32, 29.31],
    [33, 30.7],
    [34, 32.55],
    [35, 35.0],
  ])('SWEMWBS raw %i is metric %d', (raw, metric) => {
    expect(scoreInstrument('SWEMWBS', answersSumming(raw, 7, 1, 5))).toMatchObject({
      valid: true,
      total: raw,
      metric,
    });
    expect(swemwbsMetricScore(raw)).toBe(metric);
  });

  it.each<[InstrumentCode, (number | null)[]]>([
    ['WEMWBS', [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, null]],
    ['SWEMWBS', [null, 3, 3, 3, 3, 3, 3]],
  ])('%s with a missing item is not scored', (code, answers) => {
    expect(scoreInstrument(code, answers)).toMatchObject({
      valid: false,
      total: null,
      metric: null,
    });
  });

  it.each([6, 36, 7.5])('has no SWEMWBS metric score for raw %d', (raw) => {
    expectInvalid(
      () => swemwbsMetricScore(raw),
      'rawTotal',
      `A SWEMWBS raw total is a whole number from 7 to 35; got ${raw}.`,
    );
  });
});

describe('scoreInstrument: ONS4', () => {
  it('keeps each answered rating and is valid when all four are answered', () => {
    expect(scoreInstrument('ONS4', [7, 8, 6, 3])).toEqual({
      instrument: 'ONS4',
      valid: true,
      total: null,
      band: null,
      caseness: null,
      riskFlag: false,
      metric: null,
      subscales: { lifeSatisfaction: 7, worthwhile: 8, happiness: 6, anxiety: 3 },
    });
  });

  it('is not valid with a rating missing, but keeps the others', () => {
    expect(scoreInstrument('ONS4', [0, null, 10, 0])).toMatchObject({
      valid: false,
      subscales: { lifeSatisfaction: 0, happiness: 10, anxiety: 0 },
    });
  });
});

describe('ons4Band', () => {
  it.each<[Ons4Measure, number, string]>([
    ['lifeSatisfaction', 0, 'low'],
    ['lifeSatisfaction', 4, 'low'],
    ['lifeSatisfaction', 5, 'medium'],
    ['worthwhile', 6, 'medium'],
    ['worthwhile', 7, 'high'],
    ['happiness', 8, 'high'],
    ['happiness', 9, 'very high'],
    ['happiness', 10, 'very high'],
    ['anxiety', 0, 'very low'],
    ['anxiety', 1, 'very low'],
    ['anxiety', 2, 'low'],
    ['anxiety', 3, 'low'],
    ['anxiety', 4, 'medium'],
    ['anxiety', 5, 'medium'],
    ['anxiety', 6, 'high'],
    ['anxiety', 10, 'high'],
  ])('%s %i is %s', (measure, value, band) => {
    expect(ons4Band(measure, value)).toBe(band);
  });

  it.each([11, -1, 2.5])('refuses a rating of %d', (value) => {
    expectInvalid(
      () => ons4Band('anxiety', value),
      'value',
      `An ONS4 rating is a whole number from 0 to 10; got ${value}.`,
    );
  });
});

describe('scoreInstrument: MOS-SSS', () => {
  /** Answers in RAND order (items 2–20) from a map of RAND item number → answer. */
  const mos = (byItem: Record<number, number | null>, otherwise: number | null = 3) =>
    Array.from({ length: 19 }, (_, i) => (i + 2 in byItem ? (byItem[i + 2] ?? null) : otherwise));

  it.each([
    [1, 0],
    [3, 50],
    [5, 100],
  ])('every item %i scores %d on every scale', (answer, score) => {
    expect(scoreInstrument('MOS_SSS', Array(19).fill(answer))).toMatchObject({
      valid: true,
      total: null,
      subscales: {
        emotionalInformational: score,
        tangible: score,
        affectionate: score,
        positiveSocialInteraction: score,
        overall: score,
      },
    });
  });

  it('averages each subscale over its own items and transforms to 0–100', () => {
    const score = scoreInstrument(
      'MOS_SSS',
      // Tangible 2, 5, 12, 15 = 1, 1, 1, 2: mean 1.25 → 6.25 → 6.3 (half up).
      // Affectionate 6, 10, 20 = 5, 4, 4: mean 4.33 → 83.3.
      // Positive social interaction 7, 11, 18 = 2, 2, 3: mean 2.33 → 33.3.
      mos({ 2: 1, 5: 1, 12: 1, 15: 2, 6: 5, 10: 4, 20: 4, 7: 2, 11: 2, 18: 3, 14: 5 }, 4),
    );
    expect(score.subscales).toEqual({
      emotionalInformational: 75,
      tangible: 6.3,
      affectionate: 83.3,
      positiveSocialInteraction: 33.3,
      // (8 × 4 + 1 + 1 + 1 + 2 + 5 + 4 + 4 + 2 + 2 + 3 + 5) ÷ 19 = 62 ÷ 19 = 3.263 → 56.6.
      overall: 56.6,
    });
  });

  it('counts item 14 in the overall index only', () => {
    const low = scoreInstrument('MOS_SSS', mos({ 14: 1 }));
    const high = scoreInstrument('MOS_SSS', mos({ 14: 5 }));
    expect(low.subscales.positiveSocialInteraction).toBe(high.subscales.positiveSocialInteraction);
    expect(low.subscales.overall).toBeLessThan(high.subscales.overall ?? 0);
  });

  it.each([
    // Affectionate has 3 items: 2 answered is at least half, 1 is not.
    [{ 6: null }, true, 'affectionate'],
    [{ 6: null, 10: null }, false, 'affectionate'],
    // Tangible has 4 items: 2 answered is exactly half.
    [{ 2: null, 5: null }, true, 'tangible'],
    [{ 2: null, 5: null, 12: null }, false, 'tangible'],
  ])('with %j missing, scores %s: %s', (missing, scored, subscale) => {
    const score = scoreInstrument('MOS_SSS', mos(missing));
    expect(subscale in score.subscales).toBe(scored);
    expect(score.valid).toBe(scored);
  });

  it('scores the overall index from at least 10 of the 19 items', () => {
    const nineAnswered = mos({ 3: 3, 4: 3, 8: 3, 9: 3, 2: 3, 5: 3, 6: 3, 10: 3, 7: 3 }, null);
    expect('overall' in scoreInstrument('MOS_SSS', nineAnswered).subscales).toBe(false);
    const tenAnswered = mos({ 3: 3, 4: 3, 8: 3, 9: 3, 2: 3, 5: 3, 6: 3, 10: 3, 7: 3, 11: 3 }, null);
    expect(scoreInstrument('MOS_SSS', tenAnswered).subscales.overall).toBe(50);
  });
});

describe('scoreInstrument: checking answers', () => {
  it.each<[InstrumentCode, number, string]>([
    ['PHQ9', 8, 'PHQ-9 has 9 questions; got 8 answers.'],
    ['GAD7', 1, 'GAD-7 has 7 questions; got 1 answer.'],
    ['WEMWBS', 7, 'WEMWBS has 14 questions; got 7 answers.'],
    ['MOS_SSS', 20, 'MOS-SSS has 19 questions; got 20 answers.'],
  ])('refuses %s with %i answers', (code, count, message) => {
    expectInvalid(() => scoreInstrument(code, Array(count).fill(1)), 'answers', message);
  });

  it.each<[InstrumentCode, number, unknown, string]>([
    ['PHQ9', 3, 5, 'Item 4 ("Feeling tired…") must be a whole number from 0 to 3; got 5.'],
    [
      'PHQ9',
      8,
      -1,
      'Item 9 ("Thoughts that you would be better off dead…") must be a whole number from 0 to 3; got -1.',
    ],
    [
      'GAD7',
      1,
      1.5,
      'Item 2 ("Not being able to stop…") must be a whole number from 0 to 3; got 1.5.',
    ],
    [
      'GAD7',
      3,
      Number.NaN,
      'Item 4 ("Trouble relaxing") must be a whole number from 0 to 3; got NaN.',
    ],
    ['GAD7', 0, '2', 'Item 1 ("Feeling nervous…") must be a whole number from 0 to 3; got "2".'],
    [
      'WEMWBS',
      0,
      0,
      `Item 1 ("I've been feeling optimistic about the future") must be a whole number from 1 to 5; got 0.`,
    ],
    [
      'ONS4',
      3,
      11,
      'Item 4 ("Overall, how anxious did you feel yesterday?") must be a whole number from 0 to 10; got 11.',
    ],
    [
      'MOS_SSS',
      0,
      6,
      'Item 2 ("Someone to help you if you were confined to bed") must be a whole number from 1 to 5; got 6.',
    ],
  ])('refuses %s answer %i = %j, naming the item', (code, index, bad, message) => {
    const { itemCount, itemMin } = INSTRUMENTS[code];
    const answers: unknown[] = Array(itemCount).fill(itemMin);
    answers[index] = bad;
    expectInvalid(
      () => scoreInstrument(code, answers as (number | null)[]),
      `answers.${index}`,
      message,
    );
  });
});

describe('validateLicensedScore', () => {
  it.each([
    [0, 1],
    [47.0, 1],
    [47.1, 2],
    [55.1, 2],
    [55.2, 3],
    [67.0, 3],
    [67.1, 4],
    [100, 4],
  ])('PAM %d is level %i', (score, level) => {
    expect(validateLicensedScore('PAM', score)).toEqual({ instrument: 'PAM', score, level });
    expect(pamLevel(score)).toBe(level);
  });

  it('records an Outcomes Star total without a level', () => {
    expect(validateLicensedScore('OUTCOMES_STAR', 64)).toEqual({
      instrument: 'OUTCOMES_STAR',
      score: 64,
      level: null,
    });
  });

  it.each([
    ['PAM', 47.05, 'a number with at most one decimal place from 0 to 100; got 47.05.'],
    ['PAM', -0.1, 'a number with at most one decimal place from 0 to 100; got -0.1.'],
    ['PAM', 100.1, 'a number with at most one decimal place from 0 to 100; got 100.1.'],
    ['PAM', Number.NaN, 'a number with at most one decimal place from 0 to 100; got NaN.'],
    ['OUTCOMES_STAR', 50.5, 'a whole number from 0 to 100; got 50.5.'],
    ['OUTCOMES_STAR', 101, 'a whole number from 0 to 100; got 101.'],
  ] as const)('refuses %s %d', (code, score, rest) => {
    expectInvalid(
      () => validateLicensedScore(code, score),
      'score',
      `The ${LICENSED_INSTRUMENTS[code].name} score is ${rest}`,
    );
  });
});
