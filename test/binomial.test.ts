/**
 * Binomial and multinomial draws: the right distribution (exact probabilities for a small case,
 * moments for large ones on both algorithms), and a bootstrap over patterns that agrees with the
 * bootstrap over rows.
 */
import { describe, expect, it } from 'vitest';
import { binomial, logFactorial, multinomial } from '../src/stats/binomial.ts';
import { keyDrivers, mulberry32 } from '../src/stats/drivers.ts';

const pmf = (n: number, p: number, k: number) => Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p));

describe('binomial draws', () => {
  it('log-factorials agree with the sum of logs beyond the table', () => {
    let sum = 0;
    for (let k = 2; k <= 5000; k++) {
      sum += Math.log(k);
      if (k > 1000) expect(Math.abs(logFactorial(k) - sum) / sum).toBeLessThan(1e-13);
    }
  });

  it('gives each value with its probability (n = 8, p = 0.3; chi-square, 7 df)', () => {
    const random = mulberry32(11);
    const draws = 100_000;
    const seen = new Array<number>(9).fill(0);
    for (let i = 0; i < draws; i++) seen[binomial(8, 0.3, random)]!++;
    const chi2 = seen.reduce((sum, o, k) => sum + (o - draws * pmf(8, 0.3, k)) ** 2 / (draws * pmf(8, 0.3, k)), 0);
    expect(chi2).toBeLessThan(24.3); // the 0.999 quantile of chi-square with 8 df
  });

  for (const [n, p] of [
    [40, 0.2], // np = 8: inversion
    [1_000, 0.003],
    [1_000, 0.3], // BTRS
    [2_000_000, 0.5],
    [300, 0.97], // by its complement
  ] as const) {
    it(`has mean np and variance np(1-p) for n = ${n}, p = ${p}`, () => {
      const random = mulberry32(n);
      const draws = 40_000;
      let sum = 0;
      let squares = 0;
      for (let i = 0; i < draws; i++) {
        const x = binomial(n, p, random);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(n);
        sum += x;
        squares += x * x;
      }
      const mean = sum / draws;
      const variance = squares / draws - mean * mean;
      const sd = Math.sqrt(n * p * (1 - p));
      expect(Math.abs(mean - n * p)).toBeLessThan((5 * sd) / Math.sqrt(draws));
      expect(Math.abs(variance / (sd * sd) - 1)).toBeLessThan(0.05);
    });
  }

  it('draws a multinomial whose counts add up to n, each with its expected share', () => {
    const random = mulberry32(3);
    const weights = Uint32Array.from([5, 0, 1, 3, 1]);
    const counts = new Uint32Array(5);
    const total = new Float64Array(5);
    for (let i = 0; i < 2_000; i++) {
      multinomial(10_000, weights, counts, random);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
      expect(counts[1]).toBe(0);
      counts.forEach((c, j) => (total[j]! += c));
    }
    // Each mean within four standard errors (binomial sd over 2,000 draws) of its expectation.
    [5_000, 0, 1_000, 3_000, 1_000].forEach((expected, j) => {
      const sd = Math.sqrt(10_000 * (expected / 10_000) * (1 - expected / 10_000));
      expect(Math.abs(total[j]! / 2_000 - expected)).toBeLessThanOrEqual((4 * sd) / Math.sqrt(2_000));
    });
  });
});

describe('bootstrap over patterns', () => {
  it('is chosen from 20,000 rows with at least eight rows per pattern', () => {
    const random = mulberry32(8);
    const few = (n: number) => {
      const values = new Uint8Array(n * 6);
      for (let i = 0; i < n * 6; i++) values[i] = 1 + Math.floor(random() * 2); // 64 patterns
      return { values, n, width: 6 };
    };
    const large = few(20_000);
    expect(JSON.stringify(keyDrivers(large, { seed: 1 }))).toBe(JSON.stringify(keyDrivers(large, { seed: 1, draws: 'patterns' })));
    const small = few(19_999);
    expect(JSON.stringify(keyDrivers(small, { seed: 1 }))).toBe(JSON.stringify(keyDrivers(small, { seed: 1, draws: 'rows' })));
  });

  it('gives the intervals of the bootstrap over rows, within their own noise', () => {
    const random = mulberry32(5);
    const n = 30_000;
    const values = new Uint8Array(n * 6);
    for (let i = 0; i < n; i++) {
      const items = Array.from({ length: 5 }, () => 1 + Math.floor(random() * 5));
      const y = Math.min(10, Math.max(0, Math.round(items[0]! + 0.6 * items[1]! + 0.2 * items[4]! - 2 + 2 * (random() - 0.5))));
      values.set([y, ...items], i * 6);
    }
    const rows = { values, n, width: 6 };
    const byRows = keyDrivers(rows, { seed: 9, draws: 'rows' });
    const byPatterns = keyDrivers(rows, { seed: 9, draws: 'patterns' });
    expect(byPatterns.r2).toBe(byRows.r2);
    byRows.shares.forEach((share, j) => {
      const other = byPatterns.shares[j]!;
      expect(other.share).toBe(share.share);
      const width = share.high - share.low;
      expect(Math.abs(other.low - share.low)).toBeLessThan(0.25 * width + 0.05);
      expect(Math.abs(other.high - share.high)).toBeLessThan(0.25 * width + 0.05);
    });
  });
});
