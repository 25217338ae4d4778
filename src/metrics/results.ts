/**
 * The estimates of one metric, cut the ways the report shows it.
 */
import type { Estimate } from './estimate.ts';

export interface MetricResult {
  /** The whole company in the latest wave: the headline figure. */
  latest: Estimate;
  /** The whole company, wave by wave: the trend. */
  byWave: Estimate[];
  /** Each segment in the latest wave. */
  bySegment: Estimate[];
  /** Each segment in each wave: small multiples. */
  bySegmentWave: Estimate[];
  /** Loyalty tiers in the latest wave (problem handling only). */
  byTier?: Estimate[];
}

/**
 * The standard cuts of a metric from one function giving the estimate of a wave (by index) and a
 * segment (by index, or null for the whole company).
 */
export function cutResult(
  waves: readonly string[],
  segments: readonly string[],
  estimate: (wave: number, segment: number | null) => Estimate,
): MetricResult {
  const last = waves.length - 1;
  const byWave = waves.map((_, w) => estimate(w, null));
  const bySegmentWave: Estimate[] = [];
  for (let s = 0; s < segments.length; s++) for (let w = 0; w <= last; w++) bySegmentWave.push(estimate(w, s));
  return { latest: byWave[last]!, byWave, bySegment: segments.map((_, s) => estimate(last, s)), bySegmentWave };
}
