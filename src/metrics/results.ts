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
