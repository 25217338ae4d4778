/**
 * A published figure for one cell (a wave, a segment, a loyalty tier, or a combination): its value,
 * 95% interval and n, or the reason it is not shown. A suppressed cell carries no value and no n,
 * so nothing about it can reach the site.
 */
import type { Interval } from '../stats/intervals.ts';

export interface CellKey {
  wave: string | null;
  segment: string | null;
  tier: string | null;
}

/**
 * Why a cell is not shown: too few respondents (`small_cell`), none at all (`no_data`), or hidden
 * so that a small cell cannot be worked out by subtracting the other cells from a total
 * (`complementary`; see src/metrics/disclosure.ts), or a median time that most cases have not yet
 * reached (`not_reached`: more than half are still waiting).
 */
export const SUPPRESSIONS = ['small_cell', 'no_data', 'complementary', 'not_reached'] as const;
export type Suppression = (typeof SUPPRESSIONS)[number];

export interface Estimate extends CellKey {
  value: number | null;
  /** Interval ends; null for a census (all customers or orders), where there is no sampling error. */
  low: number | null;
  high: number | null;
  se: number | null;
  n: number | null;
  /** Kish effective sample size of a weighted survey figure; null when unweighted or a census. */
  nEffective: number | null;
  suppressed: Suppression | null;
}

export const cellKey = (wave: string | null, segment: string | null, tier: string | null = null): CellKey => ({ wave, segment, tier });

export function suppressed(key: CellKey, reason: Suppression): Estimate {
  return { ...key, value: null, low: null, high: null, se: null, n: null, nEffective: null, suppressed: reason };
}

/** A survey figure with its interval, or suppressed when its n is below the minimum. */
export function fromInterval(key: CellKey, n: number, minimum: number, interval: () => Interval, nEffective: number | null = null): Estimate {
  if (n === 0) return suppressed(key, 'no_data');
  if (n < minimum) return suppressed(key, 'small_cell');
  const i = interval();
  return { ...key, value: i.value, low: i.low, high: i.high, se: i.se, n, nEffective, suppressed: null };
}

/** A census figure (behaviour of all customers), suppressed like a survey cell when n is small. */
export function fromCensus(key: CellKey, n: number, minimum: number, value: () => number): Estimate {
  if (n === 0) return suppressed(key, 'no_data');
  if (n < minimum) return suppressed(key, 'small_cell');
  return { ...key, value: value(), low: null, high: null, se: null, n, nEffective: null, suppressed: null };
}
