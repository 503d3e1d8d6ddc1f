import { invalid } from '../errors.ts';

/**
 * Splits `amountPence` in proportion to `shares` by the largest-remainder method (BRIEF,
 * Money): every part is the exact proportion rounded down, and the pence left over go one each
 * to the parts with the largest remainders, ties to the earlier share. The parts always sum to
 * the whole, and a zero share always gets 0.
 *
 * Shares are whole-number weights (60 and 40, or 1 and 2); they need not sum to anything, but
 * at least one must be positive. A clawback splits the positive amount and negates the parts.
 */
export function splitPence(amountPence: number, shares: readonly number[]): number[] {
  if (!Number.isSafeInteger(amountPence) || amountPence < 0) {
    throw invalid(
      'amountPence',
      `An amount to split is a whole number of pence, 0 or more; got ${String(amountPence)}.`,
    );
  }
  if (!Array.isArray(shares) || shares.length === 0) {
    throw invalid('shares', 'Give at least one share to split an amount between.');
  }
  let totalShares = 0;
  shares.forEach((share, index) => {
    if (!Number.isSafeInteger(share) || share < 0) {
      throw invalid(
        `shares.${index}`,
        `Each share is a whole number, 0 or more; share ${index + 1} is ${String(share)}.`,
      );
    }
    totalShares += share;
  });
  if (totalShares === 0) throw invalid('shares', 'At least one share must be more than 0.');
  if (!Number.isSafeInteger(totalShares)) throw invalid('shares', 'The shares are too large.');

  const exact = Number.isSafeInteger(amountPence * totalShares)
    ? shares.map((share) => floorDivide(amountPence * share, totalShares))
    : shares.map((share) => floorDivideBig(amountPence, share, totalShares));

  const parts = exact.map((e) => e.quotient);
  let leftOver = amountPence - parts.reduce((sum, part) => sum + part, 0);
  // There are always more non-zero remainders than pence left over, so a zero share (whose
  // remainder is 0) is never chosen.
  const byRemainder = exact
    .map((e, index) => ({ index, remainder: e.remainder }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (leftOver === 0) break;
    parts[index] = (parts[index] ?? 0) + 1;
    leftOver -= 1;
  }
  return parts;
}

interface Division {
  quotient: number;
  /** numerator mod divisor: compares the fractional parts exactly, with no floating point. */
  remainder: number;
}

function floorDivide(numerator: number, divisor: number): Division {
  const remainder = numerator % divisor;
  return { quotient: (numerator - remainder) / divisor, remainder };
}

/** Exact when amount × share would not fit in a double. */
function floorDivideBig(amount: number, share: number, divisor: number): Division {
  const numerator = BigInt(amount) * BigInt(share);
  const big = BigInt(divisor);
  return { quotient: Number(numerator / big), remainder: Number(numerator % big) };
}
