/**
 * Exact binomial and multinomial random draws from a uniform generator, for bootstraps over
 * millions of respondents: a resample of n rows from m distinct answer patterns is one
 * multinomial draw, m binomial draws instead of n uniform ones.
 *
 * - Binomial(n, p) with n * min(p, 1 - p) < 10: inversion, the probabilities summed from 0 up
 *   (Kachitvichyanukul & Schmeiser 1988, Communications of the ACM 31:216, algorithm BINV).
 * - Otherwise: BTRS, transformed rejection with squeeze (Hörmann 1993, "The generation of binomial
 *   random variates", Journal of Statistical Computation and Simulation 46:101-110), exact: a
 *   candidate is accepted against the ratio of binomial probabilities, computed from log-factorials.
 * - Multinomial: each category's count is Binomial(remaining draws, its weight / remaining weight),
 *   the conditional distributions of the multinomial, which multiply to it exactly.
 */

/** log(k!) for k up to this from a table; above, Stirling's series (error below 1e-15 there). */
const TABLE = 1024;
const LOG_FACTORIAL = (() => {
  const table = new Float64Array(TABLE + 1);
  for (let k = 2; k <= TABLE; k++) table[k] = table[k - 1]! + Math.log(k);
  return table;
})();

export function logFactorial(k: number): number {
  if (k <= TABLE) return LOG_FACTORIAL[k]!;
  const x = k + 1;
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
}

/** One draw of Binomial(n, p); `random` gives uniforms in [0, 1). */
export function binomial(n: number, p: number, random: () => number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomial(n, 1 - p, random);
  return n * p < 10 ? inversion(n, p, random) : btrs(n, p, random);
}

function inversion(n: number, p: number, random: () => number): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  const start = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let r = start;
    let u = random();
    let x = 0;
    while (u > r) {
      u -= r;
      x++;
      if (x > n) break; // rounding left u above the total: draw again
      r *= a / x - s;
    }
    if (x <= n) return x;
  }
}

function btrs(n: number, p: number, random: () => number): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const logV = Math.log((v * alpha) / (a / (us * us) + b));
    if (logV <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/**
 * Fills `counts` with one draw of n items among the categories, category j with probability
 * weights[j] / sum(weights) (whole-number weights, so the conditional probabilities are exact
 * ratios of integers).
 */
export function multinomial(n: number, weights: ArrayLike<number>, counts: Uint32Array, random: () => number): void {
  let remainingWeight = 0;
  for (let j = 0; j < weights.length; j++) remainingWeight += weights[j]!;
  let left = n;
  for (let j = 0; j < weights.length; j++) {
    const w = weights[j]!;
    if (left === 0 || w === 0) {
      counts[j] = 0;
      remainingWeight -= w;
      continue;
    }
    const x = w >= remainingWeight ? left : binomial(left, w / remainingWeight, random);
    counts[j] = x;
    left -= x;
    remainingWeight -= w;
  }
}
