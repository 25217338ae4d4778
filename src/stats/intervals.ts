/**
 * The three intervals the report uses, each a 95% interval:
 * - Wilson score interval for a share (better than the Wald interval near 0 % and 100 % and for
 *   small n; Wilson 1927).
 * - Net Promoter Score with the standard variance of a difference of two shares from one
 *   multinomial sample: Var(NPS) = (p + d - (p - d)^2) / n, for promoter share p and detractor
 *   share d.
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
  return {
    value: 100 * p,
    low: 100 * Math.max(0, centre - half),
    high: 100 * Math.min(1, centre + half),
    se: 100 * Math.sqrt((p * (1 - p)) / n),
    n,
  };
}

export function nps(promoters: number, passives: number, detractors: number, z = Z95): Interval {
  const n = promoters + passives + detractors;
  if (!(n > 0)) throw new RangeError('no answers');
  const p = promoters / n;
  const d = detractors / n;
  const value = 100 * (p - d);
  const se = 100 * Math.sqrt((p + d - (p - d) ** 2) / n);
  return { value, low: Math.max(-100, value - z * se), high: Math.min(100, value + z * se), se, n };
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
