/**
 * Tests of a difference between two figures, and the multiplicity control applied to a family of
 * such tests. Every "improved", "declined", "higher than the rest" or "larger than the
 * uncertainty" in the report comes from here.
 *
 * - Two independent shares: z test with the pooled proportion (the classical two-sample test;
 *   Agresti 2013, Categorical Data Analysis, 3rd ed., sec. 3.1); the interval of the difference
 *   is Newcombe's hybrid score interval (Newcombe 1998, Statistics in Medicine 17:873-890), built
 *   from the two Wilson intervals, so it stays sensible near 0 % and 100 %.
 * - Two means: Welch's t test with Welch-Satterthwaite degrees of freedom (Welch 1947).
 * - Two NPS values (or any two figures with known standard errors): z test on the difference with
 *   SE = sqrt(se1^2 + se2^2); for NPS the SEs are the adjusted-Wald ones.
 * - A family of tests: Holm's step-down procedure (Holm 1979, Scand. J. Statistics 6:65-70),
 *   which controls the chance of even one false claim in the family at 5 %.
 */
import { incompleteBeta, tCdf, tQuantile, Z95 } from './student-t.ts';

const tQuantile975 = (df: number) => tQuantile(0.975, df);

/** Complementary error function (Numerical Recipes' erfcc, fractional error below 1.2e-7). */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** P(Z <= z) for a standard normal Z. */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Two-sided p-value of a z statistic. */
export function twoSidedP(z: number): number {
  if (!Number.isFinite(z)) return Number.isNaN(z) ? 1 : 0;
  return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

export interface DifferenceTest {
  /** a - b, on the figures' own scale. */
  difference: number;
  /** Standard error of the difference. */
  se: number;
  /** 95 % interval of the difference. */
  low: number;
  high: number;
  /** Two-sided p-value before any multiplicity adjustment. */
  p: number;
}

/** A share (0-100) with its Wilson interval and (effective) n. */
export interface ShareFigure {
  value: number;
  low: number;
  high: number;
  n: number;
}

/** Two independent shares on 0-100: pooled z test, Newcombe hybrid score interval. */
export function shareDifference(a: ShareFigure, b: ShareFigure): DifferenceTest {
  const p1 = a.value / 100;
  const p2 = b.value / 100;
  const pooled = (p1 * a.n + p2 * b.n) / (a.n + b.n);
  const sePooled = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const difference = a.value - b.value;
  // Newcombe (1998), method 10: the distances from each share to its own Wilson bounds.
  const l1 = a.low / 100;
  const u1 = a.high / 100;
  const l2 = b.low / 100;
  const u2 = b.high / 100;
  const d = p1 - p2;
  const below = Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2);
  const above = Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2);
  const p = sePooled === 0 ? (difference === 0 ? 1 : 0) : twoSidedP((p1 - p2) / sePooled);
  return { difference, se: 100 * sePooled, low: 100 * (d - below), high: 100 * (d + above), p };
}

/** A mean with its standard error and n. */
export interface MeanFigure {
  value: number;
  se: number;
  n: number;
}

/** Welch's t test for two independent means. */
export function welchDifference(a: MeanFigure, b: MeanFigure): DifferenceTest {
  const va = a.se ** 2;
  const vb = b.se ** 2;
  const se = Math.sqrt(va + vb);
  const difference = a.value - b.value;
  if (se === 0) return { difference, se, low: difference, high: difference, p: difference === 0 ? 1 : 0 };
  const df = (va + vb) ** 2 / (va ** 2 / Math.max(1, a.n - 1) + vb ** 2 / Math.max(1, b.n - 1));
  const t = difference / se;
  const p = Math.min(1, 2 * (1 - tCdf(Math.abs(t), df)));
  const q = tQuantile975(df);
  return { difference, se, low: difference - q * se, high: difference + q * se, p };
}

/** Two independent figures with known standard errors (NPS, or a gap to a public figure): z test. */
export function zDifference(a: { value: number; se: number }, b: { value: number; se: number }): DifferenceTest {
  const se = Math.sqrt(a.se ** 2 + b.se ** 2);
  const difference = a.value - b.value;
  const p = se === 0 ? (difference === 0 ? 1 : 0) : twoSidedP(difference / se);
  return { difference, se, low: difference - Z95 * se, high: difference + Z95 * se, p };
}

/**
 * Holm's step-down adjustment: sort the p-values, multiply the k-th smallest by (m - k + 1), keep
 * the sequence non-decreasing, cap at 1. Returns adjusted p-values in the input's order; a claim
 * holds when its adjusted p is below 0.05.
 */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p || x.i - y.i);
  const adjusted = new Array<number>(m);
  let running = 0;
  order.forEach(({ p, i }, k) => {
    running = Math.max(running, Math.min(1, (m - k) * p));
    adjusted[i] = running;
  });
  return adjusted;
}

export const ALPHA = 0.05;

/**
 * p-value of the overall F test that a regression with k predictors on n cases explains nothing
 * (R^2 = 0): F = (R^2 / k) / ((1 - R^2) / (n - k - 1)), with P(F > f) from the regularised
 * incomplete beta function.
 */
export function rSquaredP(r2: number, n: number, k: number): number {
  const d2 = n - k - 1;
  if (!(d2 > 0) || !(r2 > 0)) return 1;
  if (r2 >= 1) return 0;
  const f = r2 / k / ((1 - r2) / d2);
  return Math.min(1, Math.max(0, 1 - incompleteBeta((k * f) / (k * f + d2), k / 2, d2 / 2)));
}
