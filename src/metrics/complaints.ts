/**
 * Complaint handling, from one row per complaint (complaints.csv), by the quarter the complaint
 * was opened. A census, like the order metrics. Definitions:
 *
 * - Median hours to first response: Kaplan-Meier median of the hours between opening and the
 *   first response, over every complaint opened in the quarter; a complaint still unanswered at
 *   the end of the reporting period counts as waiting that long (censored), so recent quarters
 *   are not made to look fast by leaving out what is still open.
 * - Unanswered after 48 hours: of the complaints opened at least 48 hours before the end of the
 *   reporting period, the share with no response within 48 hours.
 * - Resolution rate: the share resolved within a fixed follow-up window (company.yaml
 *   `complaint_resolution_days`, 14 days unless set) of the complaints opened in the quarter that
 *   have had the whole window before the end of the reporting period. Every quarter, the newest
 *   included, is measured the same way: a complaint opened a week before the end is not yet
 *   counted, rather than counted as unresolved.
 *
 * The segment is the customer's current segment from orders.csv; complaints from customers with
 * no orders count only in the company-wide figures.
 */
import type { ComplaintRow } from '../schemas/company-data.ts';
import { cellKey, fromCensus, suppressed } from './estimate.ts';
import { quarterNumber, quarterOfTime } from './quarters.ts';
import { cutResult, type MetricResult } from './results.ts';
import { kaplanMeierMedian } from '../stats/survival.ts';

const HOUR_MS = 3_600_000;

export interface ComplaintsAggregate {
  add(row: ComplaintRow): void;
  complaints(): number;
  results(minimum: number): Record<string, MetricResult>;
}

export function createComplaintsAggregate(
  waves: readonly string[],
  segments: readonly string[],
  periodEndExclusiveMs: number,
  segmentOf: (customerId: string) => string | undefined,
  resolutionDays = 14,
): ComplaintsAggregate {
  const windowMs = resolutionDays * 24 * HOUR_MS;
  const W = waves.length;
  const S = segments.length + 1;
  const ALL = S - 1;
  const firstWave = quarterNumber(waves[0]!);
  const segmentIndex = new Map(segments.map((s, i) => [s, i]));
  // Per cell: hours waited for the first response, and whether it came (false: still waiting).
  const hours: number[][] = Array.from({ length: W * S }, () => []);
  const answered: boolean[][] = Array.from({ length: W * S }, () => []);
  // Per cell: due for resolution (had the whole window), resolved within it, due (opened 48 h
  // before the end), unanswered within 48 h.
  const counters = new Float64Array(W * S * 4);
  let total = 0;

  return {
    add(row) {
      const w = quarterOfTime(row.opened_at) - firstWave;
      if (w < 0 || w >= W) return;
      total++;
      const segment = segmentOf(row.customer_id);
      const s = segment === undefined ? undefined : segmentIndex.get(segment);
      for (const col of s === undefined ? [ALL] : [s, ALL]) {
        const cell = w * S + col;
        const at = cell * 4;
        if (row.opened_at + windowMs <= periodEndExclusiveMs) {
          counters[at]! += 1;
          if (row.resolved_at !== undefined && row.resolved_at - row.opened_at <= windowMs) counters[at + 1]! += 1;
        }
        const responded = row.first_response_at !== undefined && row.first_response_at < periodEndExclusiveMs;
        hours[cell]!.push(((responded ? row.first_response_at! : periodEndExclusiveMs) - row.opened_at) / HOUR_MS);
        answered[cell]!.push(responded);
        if (row.opened_at + 48 * HOUR_MS <= periodEndExclusiveMs) {
          counters[at + 2]! += 1;
          if (row.first_response_at === undefined || row.first_response_at - row.opened_at > 48 * HOUR_MS) counters[at + 3]! += 1;
        }
      }
    },
    complaints: () => total,
    results(minimum) {
      const cut = (read: (cell: number) => { n: number; value: () => number }): MetricResult =>
        cutResult(waves, segments, (w, s) => {
          const { n, value } = read(w * S + (s ?? ALL));
          return fromCensus(cellKey(waves[w]!, s === null ? null : segments[s]!), n, minimum, value);
        });
      return {
        complaint_first_response_hours: cutResult(waves, segments, (w, s) => {
          const cell = w * S + (s ?? ALL);
          const key = cellKey(waves[w]!, s === null ? null : segments[s]!);
          const n = hours[cell]!.length;
          const value = n < minimum ? null : kaplanMeierMedian(hours[cell]!, answered[cell]!);
          // A median the curve never reaches (most complaints still unanswered) cannot be given.
          if (n >= minimum && value === null) return suppressed(key, 'not_reached');
          return fromCensus(key, n, minimum, () => value!);
        }),
        complaint_unanswered_48h: cut((cell) => ({ n: counters[cell * 4 + 2]!, value: () => (100 * counters[cell * 4 + 3]!) / counters[cell * 4 + 2]! })),
        complaint_resolution_rate: cut((cell) => ({ n: counters[cell * 4]!, value: () => (100 * counters[cell * 4 + 1]!) / counters[cell * 4]! })),
      };
    },
  };
}
