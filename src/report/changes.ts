/**
 * Changes over time and differences between a segment and the rest of the company, each with the
 * test that supports (or does not support) saying so.
 *
 * - Survey metrics: a two-sample test of the difference (shares: pooled z test with Newcombe's
 *   interval; trust indices: Welch's t test; NPS: z test with adjusted-Wald SEs), on the effective
 *   sample sizes when the survey is weighted. Waves are treated as independent samples: customers
 *   who answer in two waves make the true SE of a change smaller, so this errs on the side of
 *   "no clear change".
 * - Multiplicity: all change claims of a report form one family, and each segment's differences
 *   (the claims of its page) another; both are adjusted with Holm's procedure (Holm 1979).
 * - Census metrics (every customer, order or complaint counted) have no sampling error, but a
 *   process still varies by chance from quarter to quarter (Deming 1953, enumerative vs analytic
 *   studies). A change or difference counts only when it reaches the materiality threshold declared
 *   in company.yaml and, for shares (binomial) and orders per customer (Poisson), is also larger
 *   than that chance variation, tested and adjusted in the same families as the survey claims.
 *   Medians (hours) have no such test here: the threshold alone decides.
 */
import type { MetricDefinition } from '../metrics/catalogue.ts';
import type { Estimate } from '../metrics/estimate.ts';
import { ALPHA, holm, shareDifference, welchDifference, zDifference, type DifferenceTest } from '../stats/tests.ts';
import { wilson } from '../stats/intervals.ts';
import { Z95 } from '../stats/student-t.ts';

export const CHANGE_VERDICTS = ['improved', 'declined', 'no_clear_change', 'cannot_judge'] as const;
export type ChangeVerdict = (typeof CHANGE_VERDICTS)[number];
export const DIFFERENCE_VERDICTS = ['better', 'worse', 'no_clear_difference', 'cannot_judge'] as const;
export type DifferenceVerdict = (typeof DIFFERENCE_VERDICTS)[number];

export interface Materiality {
  share: number;
  hours: number;
  orders: number;
  metrics: Record<string, number>;
}

type MetricInfo = Pick<MetricDefinition, 'id' | 'kind' | 'census' | 'better'>;

export interface Claim {
  /** Later minus earlier (change), or segment minus the rest (difference). */
  difference: number;
  /** 95 % interval of the difference; null for a census. */
  low: number | null;
  high: number | null;
  p: number | null;
  pAdjusted: number | null;
  /** Census metrics: the materiality threshold the difference was held against. */
  threshold: number | null;
  /** Does the difference hold up (after adjustment, or past the threshold)? null: cannot be judged. */
  holds: boolean | null;
}

export interface Change extends Claim {
  fromWave: string;
  toWave: string;
  from: number;
  to: number;
  verdict: ChangeVerdict;
}

export interface SegmentDifference extends Claim {
  segment: string;
  /** What the segment is set against: the rest of the company, or (medians) the whole company. */
  versus: 'rest' | 'company';
  verdict: DifferenceVerdict;
}

export function materialityOf(metric: MetricInfo, m: Materiality): number {
  return m.metrics[metric.id] ?? (metric.kind === 'hours' ? m.hours : metric.kind === 'orders' ? m.orders : m.share);
}

/** The test of b - a for two independent survey estimates of one metric; null when it cannot be run. */
export function surveyTest(metric: MetricInfo, a: Estimate, b: Estimate): DifferenceTest | null {
  if (a.value === null || b.value === null || a.se === null || b.se === null) return null;
  const n = (e: Estimate) => e.nEffective ?? e.n!;
  if (metric.kind === 'share' && a.low !== null && a.high !== null && b.low !== null && b.high !== null) {
    return shareDifference({ value: b.value, low: b.low, high: b.high, n: n(b) }, { value: a.value, low: a.low, high: a.high, n: n(a) });
  }
  if (metric.kind === 'index') return welchDifference({ value: b.value, se: b.se, n: n(b) }, { value: a.value, se: a.se, n: n(a) });
  return zDifference({ value: b.value, se: b.se }, { value: a.value, se: a.se });
}

const claimFromTest = (test: DifferenceTest | null, difference: number): Claim =>
  test
    ? { difference, low: test.low, high: test.high, p: test.p, pAdjusted: null, threshold: null, holds: null }
    : { difference, low: null, high: null, p: null, pAdjusted: null, threshold: null, holds: null };

/**
 * The chance variation of a census figure seen as the output of a process: binomial for a share
 * (Wilson-based, so never zero at 0 % or 100 %), Poisson for orders per customer; null for a median.
 */
export function processSe(metric: MetricInfo, value: number, n: number): number | null {
  if (!(n > 0)) return null;
  if (metric.kind === 'share') {
    const i = wilson(Math.min(n, Math.max(0, (value / 100) * n)), n);
    return (i.high - i.low) / (2 * Z95);
  }
  if (metric.kind === 'orders') return Math.sqrt(Math.max(value, 1 / n) / n);
  return null;
}

/** A change between two waves; the verdict of a tested change waits for `adjustFamily`. */
export function change(metric: MetricInfo, from: Estimate, to: Estimate, materiality: Materiality): Change | null {
  if (from.value === null || to.value === null || from.wave === null || to.wave === null || from.wave === to.wave) return null;
  const difference = to.value - from.value;
  const base = { fromWave: from.wave, toWave: to.wave, from: from.value, to: to.value };
  if (metric.census) {
    const threshold = materialityOf(metric, materiality);
    const seFrom = from.n === null ? null : processSe(metric, from.value, from.n);
    const seTo = to.n === null ? null : processSe(metric, to.value, to.n);
    if (seFrom === null || seTo === null) {
      const holds = Math.abs(difference) >= threshold;
      return { ...base, difference, low: null, high: null, p: null, pAdjusted: null, threshold, holds, verdict: verdictOfChange(metric, difference, holds) };
    }
    const test = zDifference({ value: to.value, se: seTo }, { value: from.value, se: seFrom });
    return { ...base, difference, low: test.low, high: test.high, p: test.p, pAdjusted: null, threshold, holds: null, verdict: 'no_clear_change' };
  }
  const claim = claimFromTest(surveyTest(metric, from, to), difference);
  return { ...base, ...claim, verdict: claim.p === null ? 'cannot_judge' : 'no_clear_change' };
}

export function verdictOfChange(metric: Pick<MetricInfo, 'better'>, difference: number, holds: boolean | null): ChangeVerdict {
  if (holds === null) return 'cannot_judge';
  if (!holds || difference === 0) return 'no_clear_change';
  return (difference > 0) === (metric.better === 'higher') ? 'improved' : 'declined';
}

export function verdictOfDifference(metric: Pick<MetricInfo, 'better'>, difference: number, holds: boolean | null): DifferenceVerdict {
  if (holds === null) return 'cannot_judge';
  if (!holds || difference === 0) return 'no_clear_difference';
  return (difference > 0) === (metric.better === 'higher') ? 'better' : 'worse';
}

/** Holm over a family of tested claims; sets pAdjusted and holds. Census claims are left as they are. */
export function adjustFamily<C extends Claim>(claims: C[]): C[] {
  const tested = claims.filter((c) => c.p !== null);
  const adjusted = holm(tested.map((c) => c.p!));
  tested.forEach((c, i) => {
    c.pAdjusted = adjusted[i]!;
    // A census claim must also reach its materiality threshold.
    c.holds = c.pAdjusted < ALPHA && (c.threshold === null || Math.abs(c.difference) >= c.threshold);
  });
  return claims;
}

/**
 * A census segment against the rest of the company, where the rest can be derived from the total
 * (shares and per-customer averages), or against the whole company (medians).
 */
export function censusDifference(metric: MetricInfo, segment: Estimate, total: Estimate, materiality: Materiality): SegmentDifference | null {
  if (segment.value === null || total.value === null || segment.n === null || total.n === null || segment.segment === null) return null;
  let versus: 'rest' | 'company' = 'company';
  let other = total.value;
  const restN = total.n - segment.n;
  if (metric.kind !== 'hours' && restN > 0) {
    versus = 'rest';
    other = (total.value * total.n - segment.value * segment.n) / restN;
  }
  const difference = segment.value - other;
  const threshold = materialityOf(metric, materiality);
  const seSegment = processSe(metric, segment.value, segment.n);
  const seRest = versus === 'rest' ? processSe(metric, other, restN) : null;
  if (seSegment === null || seRest === null) {
    const holds = Math.abs(difference) >= threshold;
    return { segment: segment.segment, versus, difference, low: null, high: null, p: null, pAdjusted: null, threshold, holds, verdict: verdictOfDifference(metric, difference, holds) };
  }
  const test = zDifference({ value: segment.value, se: seSegment }, { value: other, se: seRest });
  return { segment: segment.segment, versus, difference, low: test.low, high: test.high, p: test.p, pAdjusted: null, threshold, holds: null, verdict: 'no_clear_difference' };
}

export function surveyDifference(segment: string, test: DifferenceTest): SegmentDifference {
  return { segment, versus: 'rest', difference: test.difference, low: test.low, high: test.high, p: test.p, pAdjusted: null, threshold: null, holds: null, verdict: 'no_clear_difference' };
}
