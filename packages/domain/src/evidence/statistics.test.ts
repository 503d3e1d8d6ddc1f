import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  pairedChange,
  proportion,
  regularizedIncompleteBeta,
  type ScorePair,
  shareReliablyImproved,
  studentTCdf,
  studentTQuantile,
  suppressSmallCount,
} from './statistics.ts';

function expectInvalid(run: () => unknown, field: string, message?: string) {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DomainError);
  expect(thrown).toMatchObject({ code: 'invalid', field, ...(message ? { message } : {}) });
}

const pairs = (before: number[], after: number[]): ScorePair[] =>
  before.map((b, i) => ({ before: b, after: after[i] ?? Number.NaN }));

describe('studentTQuantile', () => {
  // Reference values from scipy.stats.t.ppf, to 10 significant digits (8 for df 10 million,
  // where ln Γ of huge arguments cancels).
  it.each([
    [0.975, 1, 12.706204736174694, 1e-10],
    [0.975, 2, 4.302652729749462, 1e-10],
    [0.975, 5, 2.5705818356363146, 1e-10],
    [0.975, 10, 2.228138851986274, 1e-10],
    [0.975, 30, 2.0422724563012378, 1e-10],
    [0.975, 1000, 1.9623390808264083, 1e-10],
    [0.975, 1e7, 1.959964221767205, 1e-8],
    [0.95, 1, 6.313751514675037, 1e-10],
    [0.995, 3, 5.840909309733355, 1e-10],
    [0.9, 7.5, 1.4052118464159533, 1e-10],
    [0.999999, 3, 103.29946777942898, 1e-10],
  ])('t(%d, df %d) = %d', (p, df, t, relativeError) => {
    expect(Math.abs(studentTQuantile(p, df) - t) / t).toBeLessThan(relativeError);
  });

  it.each([
    [1, 12.706],
    [5, 2.571],
    [30, 2.042],
    [1000, 1.962],
  ])('matches the printed table for df %i: %d', (df, t) => {
    expect(studentTQuantile(0.975, df).toFixed(3)).toBe(t.toFixed(3));
  });

  it('is symmetric about 0', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0.025, 5)).toBeCloseTo(-2.5705818356363146, 9);
  });

  it('agrees with the closed forms for 1 and 2 degrees of freedom', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (p) => {
        expect(studentTQuantile(p, 1)).toBeCloseTo(Math.tan(Math.PI * (p - 0.5)), 7);
        expect(studentTQuantile(p, 2)).toBeCloseTo((2 * p - 1) / Math.sqrt(2 * p * (1 - p)), 9);
      }),
    );
  });

  it('inverts the CDF', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.0001, max: 0.9999, noNaN: true }),
        fc.integer({ min: 1, max: 500 }),
        (p, df) => {
          expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
        },
      ),
    );
  });

  it.each([0, 1, -0.5, 1.5, Number.NaN])('refuses a probability of %d', (p) => {
    expectInvalid(() => studentTQuantile(p, 5), 'p');
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %d degrees of freedom', (df) => {
    expectInvalid(() => studentTQuantile(0.975, df), 'df');
  });
});

describe('studentTCdf', () => {
  it.each([
    [0, 9, 0.5],
    [1.5, 4, 0.896],
    [-3, 12, 0.005533347843016845],
    [Number.POSITIVE_INFINITY, 3, 1],
    [Number.NEGATIVE_INFINITY, 3, 0],
  ])('P(T ≤ %d | df %d) = %d', (t, df, p) => {
    expect(studentTCdf(t, df)).toBeCloseTo(p, 12);
  });
});

describe('regularizedIncompleteBeta', () => {
  // Reference values from scipy.special.betainc.
  it.each([
    [0.5, 2, 3, 0.6875],
    [0.3, 0.5, 0.5, 0.36901011956554536],
    [0.996, 500, 0.5, 0.045338095197252064],
    [0, 2, 3, 0],
    [1, 2, 3, 1],
  ])('I_%d(%d, %d) = %d', (x, a, b, value) => {
    expect(regularizedIncompleteBeta(x, a, b)).toBeCloseTo(value, 12);
  });
});

describe('pairedChange', () => {
  it('gives the mean change, its t interval and d_z', () => {
    const result = pairedChange(pairs([10, 12, 9, 15, 11], [7, 10, 9, 10, 8]));
    expect(result.n).toBe(5);
    expect(result.meanBefore).toBeCloseTo(11.4, 12);
    expect(result.meanAfter).toBeCloseTo(8.8, 12);
    expect(result.meanChange).toBeCloseTo(-2.6, 12);
    // Checked with Python: statistics.stdev and scipy.stats.t.ppf(0.975, 4).
    expect(result.sdChange).toBeCloseTo(1.816590212458495, 12);
    expect(result.ci95?.[0]).toBeCloseTo(-4.855594666299044, 9);
    expect(result.ci95?.[1]).toBeCloseTo(-0.34440533370095583, 9);
    expect(result.effectSize).toBeCloseTo(-1.4312528946642689, 12);
  });

  it.each([
    [
      'no pairs',
      [],
      {
        n: 0,
        meanBefore: null,
        meanAfter: null,
        meanChange: null,
        ci95: null,
        effectSize: null,
        sdChange: null,
      },
    ],
    [
      'one pair',
      [{ before: 20, after: 26 }],
      {
        n: 1,
        meanBefore: 20,
        meanAfter: 26,
        meanChange: 6,
        ci95: null,
        effectSize: null,
        sdChange: null,
      },
    ],
    [
      'changes that do not vary',
      [
        { before: 20, after: 23 },
        { before: 30, after: 33 },
      ],
      {
        n: 2,
        meanBefore: 25,
        meanAfter: 28,
        meanChange: 3,
        ci95: [3, 3],
        effectSize: null,
        sdChange: 0,
      },
    ],
  ])('handles %s', (_, input, expected) => {
    expect(pairedChange(input)).toEqual(expected);
  });

  it('stays accurate when scores are large and the changes do not vary', () => {
    const result = pairedChange(
      Array.from({ length: 50 }, (_, i) => ({ before: 1e9 + i, after: 1e9 + i + 0.5 })),
    );
    expect(result.sdChange).toBeCloseTo(0, 6);
    expect(result.meanChange).toBeCloseTo(0.5, 6);
  });

  it('rounds nothing', () => {
    const result = pairedChange(pairs([1, 2, 4], [2, 2, 2]));
    expect(result.meanChange).toBeCloseTo(-1 / 3, 15);
  });

  it('names the pair with a missing score', () => {
    expectInvalid(
      () =>
        pairedChange([
          { before: 1, after: 2 },
          { before: Number.NaN, after: 3 },
        ]),
      'pairs.1.before',
      'Pair 2 needs a before score that is a number; got NaN.',
    );
  });
});

describe('shareReliablyImproved', () => {
  const wellbeing = pairs([40, 40, 40, 40], [48, 47, 32, 60]);
  const depression = pairs([20, 20, 20, 20], [14, 15, 26, 20]);

  it.each([
    ['higher is better, threshold 8', wellbeing, 8, true, 2],
    ['higher is better read as lower is better', wellbeing, 8, false, 1],
    ['lower is better, threshold 6', depression, 6, false, 1],
    ['lower is better, threshold 5', depression, 5, false, 2],
    ['no pairs', [], 6, false, 0],
  ])('%s', (_, input, threshold, higherIsBetter, improved) => {
    const result = shareReliablyImproved(input, threshold, higherIsBetter);
    expect(result).toEqual({
      n: input.length,
      reliablyImproved: improved,
      share: input.length === 0 ? null : improved / input.length,
    });
  });

  it.each([0, -3, Number.NaN])('refuses a threshold of %d', (threshold) => {
    expectInvalid(() => shareReliablyImproved(wellbeing, threshold, true), 'threshold');
  });
});

describe('suppressSmallCount', () => {
  it.each([
    [0, '<5'],
    [1, '<5'],
    [4, '<5'],
    [5, 5],
    [6, 6],
    [1234, 1234],
  ])('shows %i as %s', (n, shown) => {
    expect(suppressSmallCount(n)).toBe(shown);
  });

  it.each([-1, 2.5, Number.NaN])('refuses %d', (n) => {
    expectInvalid(() => suppressSmallCount(n), 'count');
  });
});

describe('proportion', () => {
  it.each([
    [3, 4, 0.75],
    [0, 7, 0],
    [7, 7, 1],
    [0, 0, null],
  ])('%i of %i is %s', (numerator, denominator, share) => {
    expect(proportion(numerator, denominator)).toBe(share);
  });

  it.each([
    [5, 4, 'numerator'],
    [-1, 4, 'numerator'],
    [1, 2.5, 'denominator'],
  ])('refuses %i of %i', (numerator, denominator, field) => {
    expectInvalid(() => proportion(numerator, denominator), field);
  });
});
