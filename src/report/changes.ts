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
 * - Census metrics (every customer, order or complaint counted) have no sampling error; a change
 *   or difference counts only when it reaches the materiality threshold declared in company.yaml.
 */
import type { MetricDefinition } from '../metrics/catalogue.ts';
import type { Estimate } from '../metrics/estimate.ts';
import { ALPHA, holm, shareDifference, welchDifference, zDifference, type DifferenceTest } from '../stats/tests.ts';

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

/** A change between two waves; the verdict of a survey change waits for `adjustFamily`. */
export function change(metric: MetricInfo, from: Estimate, to: Estimate, materiality: Materiality): Change | null {
  if (from.value === null || to.value === null || from.wave === null || to.wave === null || from.wave === to.wave) return null;
  const difference = to.value - from.value;
  const base = { fromWave: from.wave, toWave: to.wave, from: from.value, to: to.value };
  if (metric.census) {
    const threshold = materialityOf(metric, materiality);
    const holds = Math.abs(difference) >= threshold;
    return { ...base, difference, low: null, high: null, p: null, pAdjusted: null, threshold, holds, verdict: verdictOfChange(metric, difference, holds) };
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
    c.holds = c.pAdjusted < ALPHA;
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
  if (metric.kind !== 'hours' && total.n > segment.n) {
    versus = 'rest';
    other = (total.value * total.n - segment.value * segment.n) / (total.n - segment.n);
  }
  const difference = segment.value - other;
  const threshold = materialityOf(metric, materiality);
  const holds = Math.abs(difference) >= threshold;
  return { segment: segment.segment, versus, difference, low: null, high: null, p: null, pAdjusted: null, threshold, holds, verdict: verdictOfDifference(metric, difference, holds) };
}

export function surveyDifference(segment: string, test: DifferenceTest): SegmentDifference {
  return { segment, versus: 'rest', difference: test.difference, low: test.low, high: test.high, p: test.p, pAdjusted: null, threshold: null, holds: null, verdict: 'no_clear_difference' };
}
