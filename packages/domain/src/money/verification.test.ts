import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expectInvalid } from './test-builders.ts';
import { drawVerificationSample, verificationSampleSize } from './verification.ts';

const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${String(i).padStart(4, '0')}`);

describe('verificationSampleSize', () => {
  it.each([
    [0, 10, 5, 0],
    [3, 10, 5, 3],
    [5, 10, 5, 5],
    [40, 10, 5, 5],
    [50, 10, 5, 5],
    [51, 10, 5, 6],
    [1000, 10, 5, 100],
    [1001, 10, 5, 101],
    [200, 12.5, 5, 25],
    [10, 100, 5, 10],
    [100, 1, 0, 1],
  ])('%i participants at %d%% (minimum %i) → %i', (count, percent, minimum, size) => {
    expect(verificationSampleSize(count, percent, minimum)).toBe(size);
  });

  it('refuses a percentage outside 0–100 and a fractional minimum', () => {
    expectInvalid(() => verificationSampleSize(10, 0), 'percent');
    expectInvalid(() => verificationSampleSize(10, 101), 'percent');
    expectInvalid(() => verificationSampleSize(10, 10, 1.5), 'minimum');
  });
});

describe('drawVerificationSample', () => {
  it('draws the same recorded sample for a seed, so anyone can redraw it', () => {
    // Pinned: the sample is stored with the claim, so changing the algorithm breaks old claims.
    expect(drawVerificationSample('claim-2026-q1', ids(60))).toEqual([
      'p0018',
      'p0020',
      'p0022',
      'p0026',
      'p0029',
      'p0042',
    ]);
  });

  it('draws a different sample for a different seed', () => {
    expect(drawVerificationSample('claim-2026-q2', ids(60))).not.toEqual(
      drawVerificationSample('claim-2026-q1', ids(60)),
    );
  });

  it('refuses an empty seed', () => {
    expectInvalid(() => drawVerificationSample('', ids(3)), 'seed');
  });

  it('is sorted, distinct, the right size, and independent of input order', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 120 }),
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 10 }),
        (seed, participants, percent, minimum) => {
          const sample = drawVerificationSample(seed, participants, percent, minimum);
          expect(sample).toHaveLength(
            verificationSampleSize(participants.length, percent, minimum),
          );
          expect(new Set(sample).size).toBe(sample.length);
          expect([...sample].sort()).toEqual(sample);
          for (const id of sample) expect(participants).toContain(id);
          const reordered = [...participants].reverse();
          expect(
            drawVerificationSample(seed, [...reordered, ...reordered], percent, minimum),
          ).toEqual(sample);
        },
      ),
    );
  });

  it('gives every participant a roughly equal chance', () => {
    const counts = new Map<string, number>();
    for (let draw = 0; draw < 2000; draw += 1) {
      for (const id of drawVerificationSample(`seed-${draw}`, ids(20), 25, 0)) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    // 5 of 20 each draw: 500 expected per participant; ±25% is many standard deviations.
    for (const id of ids(20)) {
      expect(counts.get(id)).toBeGreaterThan(375);
      expect(counts.get(id)).toBeLessThan(625);
    }
  });
});
