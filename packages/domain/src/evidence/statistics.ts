import { invalid } from '../errors.ts';

/**
 * Pure helpers for outcome analytics on paired (before, after) scores. Nothing here rounds:
 * rounding is for display.
 */
export interface ScorePair {
  before: number;
  after: number;
}

export interface PairedChange {
  n: number;
  /** Null when there are no pairs. */
  meanBefore: number | null;
  meanAfter: number | null;
  /** Mean of after − before. */
  meanChange: number | null;
  /** 95% confidence interval for the mean change (Student's t, n − 1 df); null when n < 2. */
  ci95: [low: number, high: number] | null;
  /** Cohen's d_z; null when n < 2 or the changes do not vary. */
  effectSize: number | null;
  /** Sample standard deviation of the changes (n − 1); null when n < 2. */
  sdChange: number | null;
}

/**
 * Mean change with its t-based 95% confidence interval and an effect size.
 *
 * The effect size is Cohen's d_z, the mean change divided by the standard deviation of the
 * changes: it is the standardised effect that matches the paired design (and the paired t-test
 * Warwick recommends for WEMWBS), and unlike d_av it needs no assumption about the correlation
 * between before and after. It runs larger than a between-groups d when scores are correlated,
 * so say "d_z" wherever it is shown.
 */
export function pairedChange(pairs: ReadonlyArray<ScorePair>): PairedChange {
  checkPairs(pairs);
  const n = pairs.length;
  if (n === 0) {
    return {
      n,
      meanBefore: null,
      meanAfter: null,
      meanChange: null,
      ci95: null,
      effectSize: null,
      sdChange: null,
    };
  }
  const changes = pairs.map((pair) => pair.after - pair.before);
  const meanChange = mean(changes);
  const base = {
    n,
    meanBefore: mean(pairs.map((pair) => pair.before)),
    meanAfter: mean(pairs.map((pair) => pair.after)),
    meanChange,
  };
  if (n < 2) return { ...base, ci95: null, effectSize: null, sdChange: null };

  const sdChange = sampleSd(changes, meanChange);
  const halfWidth = studentTQuantile(0.975, n - 1) * (sdChange / Math.sqrt(n));
  return {
    ...base,
    ci95: [meanChange - halfWidth, meanChange + halfWidth],
    effectSize: sdChange === 0 ? null : meanChange / sdChange,
    sdChange,
  };
}

export interface ReliableImprovementShare {
  n: number;
  reliablyImproved: number;
  /** reliablyImproved ÷ n; null when there are no pairs. */
  share: number | null;
}

/**
 * How many pairs improved by at least the reliable-change threshold. "Improved" is a rise when
 * higher is better (WEMWBS) and a fall when lower is better (PHQ-9).
 */
export function shareReliablyImproved(
  pairs: ReadonlyArray<ScorePair>,
  threshold: number,
  higherIsBetter: boolean,
): ReliableImprovementShare {
  checkPairs(pairs);
  if (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0) {
    throw invalid('threshold', `A reliable-change threshold must be above 0; got ${threshold}.`);
  }
  const reliablyImproved = pairs.filter((pair) => {
    const improvement = higherIsBetter ? pair.after - pair.before : pair.before - pair.after;
    return improvement >= threshold;
  }).length;
  return { n: pairs.length, reliablyImproved, share: proportion(reliablyImproved, pairs.length) };
}

export type SuppressedCount = number | '<5';

/**
 * Small-number suppression for reports read outside the site (BRIEF: "counts below 5 shown as
 * <5"). Zero is suppressed too: if 0 were shown as 0, "<5" would mean "1 to 4", telling the
 * reader that at least one person in a small group has the characteristic, which is the
 * disclosure suppression exists to prevent. So 0–4 all read "<5".
 */
export function suppressSmallCount(n: number): SuppressedCount {
  checkCount(n, 'count');
  return n < 5 ? '<5' : n;
}

/** numerator ÷ denominator as a fraction; null when the denominator is 0. */
export function proportion(numerator: number, denominator: number): number | null {
  checkCount(numerator, 'numerator');
  checkCount(denominator, 'denominator');
  if (numerator > denominator) {
    throw invalid(
      'numerator',
      `A proportion's numerator (${numerator}) cannot be more than its denominator (${denominator}).`,
    );
  }
  return denominator === 0 ? null : numerator / denominator;
}

function checkCount(value: number, field: string) {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalid(field, `A ${field} must be a whole number, 0 or more; got ${String(value)}.`);
  }
}

function checkPairs(pairs: ReadonlyArray<ScorePair>) {
  if (!Array.isArray(pairs)) throw invalid('pairs', 'Pairs must be a list.');
  pairs.forEach((pair, index) => {
    for (const side of ['before', 'after'] as const) {
      const value: unknown = pair?.[side];
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw invalid(
          `pairs.${index}.${side}`,
          `Pair ${index + 1} needs a ${side} score that is a number; got ${String(value)}.`,
        );
      }
    }
  });
}

const mean = (values: readonly number[]) =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/** Two-pass sample standard deviation (n − 1), which keeps its accuracy for large scores. */
function sampleSd(values: readonly number[], valuesMean: number): number {
  const squares = values.reduce((sum, value) => sum + (value - valuesMean) ** 2, 0);
  return Math.sqrt(squares / (values.length - 1));
}

// ---------------------------------------------------------------------------------------------
// Student's t distribution, via the regularised incomplete beta function.

/** P(T ≤ t) for Student's t with `df` degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) throw invalid('t', 't must be a number.');
  if (t === Number.POSITIVE_INFINITY) return 1;
  if (t === Number.NEGATIVE_INFINITY) return 0;
  const tail = 0.5 * regularizedIncompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/**
 * The t with P(T ≤ t) = p. Bisection on the CDF: slower than Newton but it cannot diverge, and
 * 200 halvings pin the answer down to the last representable digit.
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (typeof p !== 'number' || !(p > 0 && p < 1)) {
    throw invalid('p', `A probability for a t quantile is strictly between 0 and 1; got ${p}.`);
  }
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) {
    low = high;
    high *= 2;
  }
  for (let i = 0; i < 200; i++) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (studentTCdf(middle, df) < p) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

function checkDf(df: number) {
  if (typeof df !== 'number' || !(df > 0) || !Number.isFinite(df)) {
    throw invalid('df', `Degrees of freedom must be a number above 0; got ${df}.`);
  }
}

/** I_x(a, b), by the continued fraction (Numerical Recipes §6.4), using symmetry for speed. */
export function regularizedIncompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(
    logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x),
  );
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(x, a, b)) / a;
  return 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  const epsilon = 1e-16;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let result = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    const even = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + even * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + even / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    result *= d * c;
    const odd = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + odd * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + odd / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    result *= delta;
    if (Math.abs(delta - 1) < epsilon) return result;
  }
  return result;
}

/**
 * ln Γ(x) for x > 0: the Lanczos approximation with g = 607/128 and 14 terms from Numerical
 * Recipes (3rd ed., §6.1), good to about 15 significant digits.
 */
function logGamma(x: number): number {
  const shifted = x + 671 / 128;
  let series = 0.9999999999999971;
  LANCZOS.forEach((coefficient, index) => {
    series += coefficient / (x + index + 1);
  });
  return (x + 0.5) * Math.log(shifted) - shifted + Math.log((2.5066282746310007 * series) / x);
}

const LANCZOS = [
  57.15623566586292, -59.59796035547549, 14.136097974741746, -0.4919138160976202,
  3.399464998481189e-5, 4.652362892704858e-5, -9.837447530487956e-5, 0.0001580887032249125,
  -0.00021026444172410488, 0.00021743961811521265, -0.0001643181065367639, 8.441822398385275e-5,
  -2.6190838401581408e-5, 3.6899182659531625e-6,
];
