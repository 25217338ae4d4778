/**
 * Key-driver analysis: how much of the variance in an outcome each of k correlated predictors
 * accounts for, by the Shapley decomposition of R^2 of an OLS regression, known as LMG (Lindeman,
 * Merenda & Gold 1980, Introduction to Bivariate and Multivariate Analysis, p. 119ff.) and as
 * "general dominance" in dominance analysis (Budescu 1993, Psychological Bulletin 114:542-551;
 * Azen & Budescu 2003, Psychological Methods 8:129-148). Reviewed, with its properties, by
 * Grömping (2007, The American Statistician 61:139-147) and Grömping (2006, J. Statistical
 * Software 17(1), the R package relaimpo).
 *
 * For a subset S of the predictors, R^2(S) is the R^2 of the OLS regression of y on S (with an
 * intercept). It depends only on the covariance (or correlation) matrix of (x, y):
 *
 *   R^2(S) = r_yS' R_SS^-1 r_yS
 *
 * with R_SS the correlations among S and r_yS their correlations with y. Here it is computed by
 * solving that linear system with a Cholesky factor of the covariance matrix of (S, y), as
 * 1 - (residual variance of y given S) / Var(y). A predictor that is constant, or an exact linear
 * combination of the ones before it, adds nothing (its pivot is skipped), so R^2(S) is the R^2 of
 * the projection on the span of S, defined for every subset.
 *
 * The Shapley value of predictor j (Shapley 1953; Lipovetsky & Conklin 2001, Applied Stochastic
 * Models in Business and Industry 17:319-330) averages its R^2 increment over all k! orders in
 * which the predictors can enter the regression:
 *
 *   phi_j = sum over S not containing j of  |S|! (k - |S| - 1)! / k!  *  (R^2(S + j) - R^2(S))
 *
 * Over the 2^k subsets (k = 5: 32 regressions). The phi_j add up to R^2(all) exactly (efficiency),
 * each is >= 0 (R^2 never falls when a predictor is added), and correlated predictors share the
 * variance they explain jointly instead of one of them taking it all (as the first in a stepwise
 * order would). Reported as shares of R^2 in %: 100 * phi_j / R^2, so the k shares add to 100.
 * With two predictors this is the average of the two orders' increments; with uncorrelated
 * predictors phi_j is the squared correlation of x_j with y.
 *
 * Uncertainty: nonparametric bootstrap (Efron & Tibshirani 1993, An Introduction to the Bootstrap,
 * ch. 13) of respondents: B resamples of n rows drawn with replacement, each decomposed the same
 * way; the 95 % interval of each share and of R^2 is the 2.5th and 97.5th percentile of the B
 * values (linear interpolation between order statistics, Hyndman & Fan 1996 type 7). The
 * resamples come from a seeded PRNG (mulberry32), so the same data always give the same
 * intervals, byte for byte. Unweighted: every respondent counts once.
 *
 * A resample only changes how many times each distinct row ("answer pattern": at most 5^5 x 11 of
 * them) is counted. From 20,000 rows and at least eight rows per pattern, those counts are drawn
 * directly, as one multinomial draw of n over the patterns with their frequencies as
 * probabilities (src/stats/binomial.ts): exactly the distribution of n draws with replacement, at
 * a cost that depends on the number of patterns, not of respondents.
 */

import { multinomial } from './binomial.ts';

/** One respondent as `width` small numbers: the outcome first, then the k predictors. */
export interface DriverRows {
  /** Row-major values, `width` per row (outcome, then predictors). */
  values: ArrayLike<number>;
  /** Number of rows. */
  n: number;
  /** 1 + k. */
  width: number;
}

export interface DriverShare {
  /** Share of R^2 in % (the k shares add to 100). */
  share: number;
  /** 95 % bootstrap percentile interval of the share, in %. */
  low: number;
  high: number;
}

export interface DriverResult {
  n: number;
  r2: number;
  r2Low: number;
  r2High: number;
  /** Per predictor, in the order of the rows' columns; empty when R^2 is 0 (nothing to divide). */
  shares: DriverShare[];
  resamples: number;
}

export const DRIVER_RESAMPLES = 400;
/** From this many rows (and eight rows per distinct pattern), resamples are drawn over the patterns. */
export const PATTERN_DRAWS_FROM = 20_000;

/** mulberry32 (Tommy Ettinger, public domain): 32-bit state, uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a hash of a string, to derive a group's seed from its name (independent of group order). */
export function seedOf(text: string, base = 0x5eed_d71e): number {
  let h = (0x811c9dc5 ^ base) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * Covariance matrix (width x width, row-major, divisor n) of the rows, each row counted
 * `weights[i]` times (a bootstrap resample's multiplicities), or once without weights.
 */
export function covariance(rows: DriverRows, weights?: ArrayLike<number>): Float64Array {
  const { values, n, width: p } = rows;
  const sums = new Float64Array(p);
  const cross = new Float64Array(p * p);
  let total = 0;
  const x = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    const w = weights ? weights[r]! : 1;
    if (w === 0) continue;
    total += w;
    for (let i = 0; i < p; i++) x[i] = values[r * p + i]!;
    for (let i = 0; i < p; i++) {
      sums[i]! += w * x[i]!;
      for (let j = 0; j <= i; j++) cross[i * p + j]! += w * x[i]! * x[j]!;
    }
  }
  const cov = new Float64Array(p * p);
  if (total === 0) return cov;
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      const c = cross[i * p + j]! / total - (sums[i]! / total) * (sums[j]! / total);
      cov[i * p + j] = c;
      cov[j * p + i] = c;
    }
  }
  return cov;
}

/**
 * R^2 of the regression of variable `y` on the variables `subset` (indices into the p x p
 * covariance matrix), by a Cholesky factorisation of their covariance matrix with y last: the
 * last pivot is the residual variance of y. Near-zero pivots (constant or collinear predictors)
 * are skipped.
 */
export function subsetR2(cov: ArrayLike<number>, p: number, y: number, subset: readonly number[]): number {
  return subsetR2Into(cov, p, y, subset, new Float64Array((subset.length + 1) ** 2), new Int32Array(subset.length + 1));
}

/** `subsetR2` with its working arrays given (at least (|subset| + 1)^2 and |subset| + 1 long), for the bootstrap's loops. */
function subsetR2Into(cov: ArrayLike<number>, p: number, y: number, subset: readonly number[], L: Float64Array, idx: Int32Array): number {
  const vy = cov[y * p + y]!;
  if (!(vy > 0)) return 0;
  const m = subset.length + 1;
  for (let i = 0; i < m - 1; i++) idx[i] = subset[i]!;
  idx[m - 1] = y;
  L.fill(0, 0, m * m);
  for (let i = 0; i < m; i++) {
    const aii = cov[idx[i]! * p + idx[i]!]!;
    let d = aii;
    for (let k = 0; k < i; k++) d -= L[i * m + k]! * L[i * m + k]!;
    if (i === m - 1) return Math.min(1, Math.max(0, 1 - d / vy));
    if (!(d > 1e-10 * aii) || !(aii > 0)) continue; // adds nothing: row i of L stays zero
    const lii = Math.sqrt(d);
    L[i * m + i] = lii;
    for (let j = i + 1; j < m; j++) {
      let s = cov[idx[j]! * p + idx[i]!]!;
      for (let k = 0; k < i; k++) s -= L[j * m + k]! * L[i * m + k]!;
      L[j * m + i] = s / lii;
    }
  }
  return 0; // unreachable: the last index is y
}

/** Per number of predictors k: each subset's members (1-based columns) and its Shapley weights. */
const SUBSETS = new Map<number, { members: number[][]; sizes: number[]; weight: number[] }>();
function subsetsOf(k: number) {
  let known = SUBSETS.get(k);
  if (known) return known;
  const subsets = 1 << k;
  const members: number[][] = [];
  const sizes: number[] = [];
  for (let mask = 0; mask < subsets; mask++) {
    const list: number[] = [];
    for (let j = 0; j < k; j++) if (mask & (1 << j)) list.push(j + 1);
    members.push(list);
    sizes.push(list.length);
  }
  const factorial = [1];
  for (let i = 1; i <= k; i++) factorial.push(factorial[i - 1]! * i);
  const weight = sizes.map((size) => (size < k ? (factorial[size]! * factorial[k - size - 1]!) / factorial[k]! : 0));
  known = { members, sizes, weight };
  SUBSETS.set(k, known);
  return known;
}

/**
 * Shapley values of the k predictors (columns 1..k; column 0 is the outcome) for R^2, from the
 * covariance matrix. Returns the full-model R^2 and phi_j (which add up to it).
 */
export function shapleyR2(cov: ArrayLike<number>, p: number): { r2: number; phi: number[] } {
  const k = p - 1;
  const subsets = 1 << k;
  const { members, weight } = subsetsOf(k);
  const r2 = new Float64Array(subsets);
  const L = new Float64Array(p * p);
  const idx = new Int32Array(p);
  for (let mask = 1; mask < subsets; mask++) r2[mask] = subsetR2Into(cov, p, 0, members[mask]!, L, idx);
  const phi = new Array<number>(k).fill(0);
  for (let mask = 0; mask < subsets; mask++) {
    for (let j = 0; j < k; j++) {
      if (mask & (1 << j)) continue;
      phi[j]! += weight[mask]! * Math.max(0, r2[mask | (1 << j)]! - r2[mask]!);
    }
  }
  // Efficiency: the phi add up to R^2(all) up to rounding (the max(0, ...) only removes
  // floating-point noise, since R^2 never falls when a predictor is added).
  return { r2: r2[subsets - 1]!, phi };
}

/** Shares of R^2 in % (null when R^2 is 0: nothing is explained, so nothing to share). */
export function sharesOf(r2: number, phi: readonly number[]): number[] | null {
  const total = phi.reduce((a, b) => a + b, 0);
  if (!(r2 > 1e-12) || !(total > 0)) return null;
  return phi.map((v) => (100 * v) / total);
}

/** Type-7 percentile (Hyndman & Fan 1996) of sorted values, q in [0, 1]. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

/**
 * The distinct rows ("patterns") of the data with their multiplicities, and each row's pattern.
 * Answers on 1-5 and 0-10 scales take at most 5^5 x 11 patterns, usually a few thousand, so a
 * resample's covariance costs the patterns, not the rows. With whole-number values (as here) the
 * weighted sums are exact integers, so the covariance, and every result, is the same to the last
 * bit as from the rows one by one; the resamples draw the same rows from the same stream.
 */
export function patternsOf(rows: DriverRows): { patterns: DriverRows; multiplicity: Uint32Array; patternOf: Int32Array } {
  const { values, n, width: p } = rows;
  let base = 1;
  let whole = true;
  for (let i = 0; i < n * p; i++) {
    const v = values[i]!;
    if (!Number.isInteger(v) || v < 0) whole = false;
    else if (v + 1 > base) base = v + 1;
  }
  const patternOf = new Int32Array(n);
  // Values that are not small whole numbers: every row is its own pattern.
  if (!whole || base ** p > Number.MAX_SAFE_INTEGER) {
    for (let r = 0; r < n; r++) patternOf[r] = r;
    return { patterns: rows, multiplicity: new Uint32Array(n).fill(1), patternOf };
  }
  const index = new Map<number, number>();
  const distinct: number[] = [];
  const multiplicity: number[] = [];
  for (let r = 0; r < n; r++) {
    let key = 0;
    for (let i = 0; i < p; i++) key = key * base + values[r * p + i]!;
    let j = index.get(key);
    if (j === undefined) {
      j = multiplicity.length;
      index.set(key, j);
      multiplicity.push(0);
      for (let i = 0; i < p; i++) distinct.push(values[r * p + i]!);
    }
    multiplicity[j]!++;
    patternOf[r] = j;
  }
  return { patterns: { values: Float64Array.from(distinct), n: multiplicity.length, width: p }, multiplicity: Uint32Array.from(multiplicity), patternOf };
}

/**
 * The decomposition of the rows with bootstrap intervals. Pure and deterministic: the same rows,
 * resamples and seed give the same result.
 */
export function keyDrivers(rows: DriverRows, options: { resamples?: number; seed?: number; draws?: 'rows' | 'patterns' } = {}): DriverResult {
  const B = options.resamples ?? DRIVER_RESAMPLES;
  const p = rows.width;
  const k = p - 1;
  // Rows of small whole numbers repeat: the resamples count patterns, not rows (see `patternsOf`).
  const { patterns, multiplicity, patternOf } = patternsOf(rows);
  const { r2, phi } = shapleyR2(covariance(patterns, multiplicity), p);
  const point = sharesOf(r2, phi);
  // mulberry32, written out in the loop below (the draws are most of the time): the same stream
  // as `mulberry32(seed)`.
  let state = (options.seed ?? seedOf('')) >>> 0;
  const bootR2: number[] = [];
  const bootShares: number[][] = Array.from({ length: k }, () => []);
  const counts = new Uint32Array(patterns.n);
  const n = rows.n;
  // Many rows over few patterns: each resample is one multinomial draw over the patterns (the
  // same distribution as n row draws, from another stream of numbers), so its cost no longer
  // grows with n.
  const byPatterns = (options.draws ?? (n >= PATTERN_DRAWS_FROM && n >= 8 * patterns.n ? 'patterns' : 'rows')) === 'patterns';
  const random = byPatterns ? mulberry32(state) : undefined;
  for (let b = 0; b < B; b++) {
    if (random) {
      multinomial(n, multiplicity, counts, random);
      const s = shapleyR2(covariance(patterns, counts), p);
      bootR2.push(s.r2);
      const shares = sharesOf(s.r2, s.phi);
      if (shares) shares.forEach((v, j) => bootShares[j]!.push(v));
      continue;
    }
    counts.fill(0);
    for (let i = 0; i < n; i++) {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      counts[patternOf[Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n)]!]!++;
    }
    const s = shapleyR2(covariance(patterns, counts), p);
    bootR2.push(s.r2);
    const shares = sharesOf(s.r2, s.phi);
    // A resample that explains nothing has no shares; it still counts for R^2.
    if (shares) shares.forEach((v, j) => bootShares[j]!.push(v));
  }
  const interval = (values: number[]) => {
    values.sort((a, b) => a - b);
    return [percentile(values, 0.025), percentile(values, 0.975)] as const;
  };
  const [r2Low, r2High] = interval(bootR2);
  const shares = point
    ? point.map((share, j) => {
        // (Every resample explaining nothing cannot happen when the sample explains something,
        // except in degenerate data; then the interval collapses to the estimate.)
        if (bootShares[j]!.length === 0) return { share, low: share, high: share };
        const [low, high] = interval(bootShares[j]!);
        return { share, low, high };
      })
    : [];
  return { n: rows.n, r2, r2Low, r2High, shares, resamples: B };
}
