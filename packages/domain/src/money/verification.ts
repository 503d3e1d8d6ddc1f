import { invalid } from '../errors.ts';

/**
 * The participants whose claim lines are checked against evidence (ADR 0008). The sample is
 * drawn by a seeded PRNG over the sorted, de-duplicated ids, so anyone holding the stored seed
 * can redraw exactly the same sample, whatever order the ids come in. No `node:crypto`: the
 * domain is pure and runs in browsers too.
 */
export function drawVerificationSample(
  seed: string,
  participantIds: readonly string[],
  percent = 10,
  minimum = 5,
): string[] {
  if (typeof seed !== 'string' || seed.length === 0) {
    throw invalid('seed', 'A verification sample needs a seed.');
  }
  const ids = [...new Set(participantIds)].sort();
  const size = verificationSampleSize(ids.length, percent, minimum);
  const random = mulberry32(xmur3(seed));
  // A partial Fisher–Yates shuffle: the first `size` places are a uniform sample.
  for (let i = 0; i < size; i += 1) {
    const j = i + Math.floor(random() * (ids.length - i));
    const picked = ids[j] as string;
    ids[j] = ids[i] as string;
    ids[i] = picked;
  }
  return ids.slice(0, size).sort();
}

/** max(minimum, ⌈percent% of n⌉), never more than n. */
export function verificationSampleSize(count: number, percent = 10, minimum = 5): number {
  if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
    throw invalid(
      'percent',
      `The sample percentage is more than 0 and at most 100; got ${percent}.`,
    );
  }
  if (!Number.isSafeInteger(minimum) || minimum < 0) {
    throw invalid('minimum', `The minimum sample is a whole number, 0 or more; got ${minimum}.`);
  }
  return Math.min(count, Math.max(minimum, Math.ceil((percent * count) / 100)));
}

/** xmur3 string hash (Bryc, public domain): a 32-bit seed from any string. */
function xmur3(text: string): number {
  let h = 1779033703 ^ text.length;
  for (let i = 0; i < text.length; i += 1) {
    h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32 (Bryc, public domain): a small, fast 32-bit PRNG giving numbers in [0, 1). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
