/**
 * The three intervals the report uses, each a 95% interval:
 * - Wilson score interval for a share (better than the Wald interval near 0 % and 100 % and for
 *   small n; Wilson 1927). Its standard error is the interval's half-width over z, so it never
 *   collapses to zero at 0 % or 100 % (the Wald SE would, and any gap would then look "real").
 * - Net Promoter Score, adjusted Wald (Rocks 2016, The American Statistician 70(4):365-372): add
 *   3/4 of an answer to promoters and to detractors and 3/2 to passives (n + 3), then the
 *   variance of a difference of two shares from one multinomial sample,
 *   Var = (p + d - (p - d)^2) / n. The published value stays the plain NPS; only the interval and
 *   its SE use the adjusted counts, so a cell where everyone is a promoter still has a width.
 * - Student's t interval for a mean.
 * Shares are returned on the 0-100 scale, NPS on -100..100, means on their own scale.
 */
import { tQuantile, Z95 } from './student-t.ts';

export interface Interval {
  value: number;
  low: number;
  high: number;
  /** Standard error on the value's own scale. */
  se: number;
  n: number;
}

export function wilson(successes: number, n: number, z = Z95): Interval {
  if (!(n > 0)) throw new RangeError('n must be positive');
  if (successes < 0 || successes > n) throw new RangeError(`successes must be within 0..${n}`);
  const p = successes / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const low = Math.max(0, centre - half);
  const high = Math.min(1, centre + half);
  return { value: 100 * p, low: 100 * low, high: 100 * high, se: (100 * (high - low)) / (2 * z), n };
}

/** Wilson interval for a share given on 0-100 with an effective sample size (weighted data). */
export function wilsonFromShare(share: number, nEffective: number, z = Z95): Interval {
  const i = wilson((share / 100) * nEffective, nEffective, z);
  return { ...i, value: share };
}

export function nps(promoters: number, passives: number, detractors: number, z = Z95): Interval {
  const n = promoters + passives + detractors;
  if (!(n > 0)) throw new RangeError('no answers');
  const value = (100 * (promoters - detractors)) / n;
  return { ...npsAdjustedWald(promoters / n, detractors / n, n, z), value, n };
}

/**
 * Adjusted-Wald interval around the adjusted NPS, for promoter and detractor shares (0-1) of an
 * (effective) sample of n answers.
 */
export function npsAdjustedWald(promoterShare: number, detractorShare: number, n: number, z = Z95): Interval {
  const nAdj = n + 3;
  const p = (promoterShare * n + 0.75) / nAdj;
  const d = (detractorShare * n + 0.75) / nAdj;
  const centre = 100 * (p - d);
  const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / nAdj);
  return { value: 100 * (promoterShare - detractorShare), low: Math.max(-100, centre - z * se), high: Math.min(100, centre + z * se), se, n };
}

/** t interval from the sufficient statistics: count, sum and sum of squares. */
export function meanInterval(n: number, sum: number, sumOfSquares: number): Interval {
  if (!(n > 1)) throw new RangeError('a mean interval needs at least two values');
  const mean = sum / n;
  const variance = Math.max(0, (sumOfSquares - n * mean * mean) / (n - 1));
  const se = Math.sqrt(variance / n);
  const t = tQuantile(0.975, n - 1);
  return { value: mean, low: mean - t * se, high: mean + t * se, se, n };
}
