import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPence } from './split.ts';
import { expectInvalid } from './test-builders.ts';

describe('splitPence', () => {
  it.each([
    { amount: 100, shares: [60, 40], parts: [60, 40] },
    { amount: 100, shares: [1, 1, 1], parts: [34, 33, 33] },
    { amount: 101, shares: [1, 1], parts: [51, 50] },
    { amount: 1, shares: [1, 1, 1], parts: [1, 0, 0] },
    { amount: 2, shares: [1, 1, 1], parts: [1, 1, 0] },
    { amount: 10, shares: [3, 3, 4], parts: [3, 3, 4] },
    { amount: 11, shares: [3, 3, 4], parts: [3, 3, 5] },
    // 7 × 2/3 = 4.67 and 7 × 1/3 = 2.33: the larger remainder gets the penny.
    { amount: 7, shares: [2, 1], parts: [5, 2] },
    { amount: 7, shares: [1, 2], parts: [2, 5] },
    { amount: 30_000, shares: [60, 40], parts: [18_000, 12_000] },
    { amount: 999, shares: [0, 1, 0], parts: [0, 999, 0] },
    { amount: 5, shares: [0, 1, 1], parts: [0, 3, 2] },
    { amount: 0, shares: [60, 40], parts: [0, 0] },
    { amount: 12_345, shares: [7], parts: [12_345] },
  ])('splits $amount by $shares into $parts', ({ amount, shares, parts }) => {
    expect(splitPence(amount, shares)).toEqual(parts);
  });

  it('stays exact when amount × share does not fit in a double', () => {
    const amount = Number.MAX_SAFE_INTEGER;
    const parts = splitPence(amount, [1_000_003, 999_997, 1]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
    const exact = (share: bigint) => (BigInt(amount) * share) / 2_000_001n;
    expect(BigInt(parts[0] ?? 0) - exact(1_000_003n)).toBeLessThanOrEqual(1n);
    expect(BigInt(parts[2] ?? 0) - exact(1n)).toBeLessThanOrEqual(1n);
  });

  it.each([
    [() => splitPence(-1, [1]), 'amountPence'],
    [() => splitPence(1.5, [1]), 'amountPence'],
    [() => splitPence(Number.NaN, [1]), 'amountPence'],
    [() => splitPence(100, []), 'shares'],
    [() => splitPence(100, [0, 0]), 'shares'],
    [() => splitPence(100, [1, -1]), 'shares.1'],
    [() => splitPence(100, [0.5, 1]), 'shares.0'],
  ])('refuses bad input, naming the field (%#)', (run, field) => {
    expectInvalid(run, field);
  });

  const amount = fc.integer({ min: 0, max: 10_000_000_000 });
  const shares = fc
    .array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 8 })
    .filter((s) => s.some((share) => share > 0));

  it('always sums to the whole, each part within 1p of its exact proportion', () => {
    fc.assert(
      fc.property(amount, shares, (total, weights) => {
        const parts = splitPence(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0);
        expect(parts).toHaveLength(weights.length);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        parts.forEach((part, i) => {
          expect(Number.isInteger(part)).toBe(true);
          // |part − total × share ÷ sum| < 1, compared in whole numbers.
          const difference = Math.abs(part * sum - total * (weights[i] ?? 0));
          expect(difference).toBeLessThan(sum);
        });
      }),
    );
  });

  it('gives nothing to a zero share and is deterministic', () => {
    fc.assert(
      fc.property(amount, shares, (total, weights) => {
        const parts = splitPence(total, weights);
        weights.forEach((weight, i) => {
          if (weight === 0) expect(parts[i]).toBe(0);
        });
        expect(splitPence(total, [...weights])).toEqual(parts);
      }),
    );
  });

  it('breaks ties in favour of the earlier share', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 1000 }), (n, k) => {
        // Equal shares: every remainder ties, so the extra pence go to the first parts.
        const parts = splitPence(
          k,
          Array.from({ length: n }, () => 1),
        );
        const extra = k % n;
        parts.forEach((part, i) => {
          expect(part).toBe(Math.floor(k / n) + (i < extra ? 1 : 0));
        });
      }),
    );
  });
});
